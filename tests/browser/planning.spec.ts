/// <reference lib="dom" />
import { test } from '@japa/runner'
import { parisTime } from '#interventions/domain/planning'
import { baseUrl, closeBrowser, newPage, signInThroughForm } from '#tests/support/browser'
import { PASSWORD } from '#tests/support/web_client'
import { aShop, aUser, ownerDb } from '#tests/support/mothers'
import {
  MONDAY,
  aJob,
  aTechnician,
  anAppointment,
  workingHours,
} from '#tests/functional/interventions/planning_support'

test.group('Browser: planning', (group) => {
  group.teardown(() => closeBrowser())

  test('a receptionist drags a visit to another technician and time', async ({
    assert,
    cleanup,
  }) => {
    const { tenant } = await aShop()
    const receptionist = await aUser(tenant.id, { role: 'receptionist' })
    const karim = await aTechnician(tenant.id, 'Karim Benali')
    const lea = await aTechnician(tenant.id, 'Léa Martin')
    await workingHours(tenant.id, karim.id)
    await workingHours(tenant.id, lea.id)
    const { job } = await aJob(tenant.id)
    const appointment = await anAppointment(tenant.id, job.id, karim.id, MONDAY, '09:00', '10:00')

    const { page, close } = await newPage()
    cleanup(close)
    await signInThroughForm(page, receptionist.email, PASSWORD)
    await page.goto(`${baseUrl}/planning?view=day&date=${MONDAY}`)

    const block = await page.$(`[data-appointment="${appointment.id}"]`)
    const from = (await block!.boundingBox())!
    // Léa's column, and the 14:00 hour line in it (the block's top goes where it is dropped).
    const target = await page.evaluate((technicianId) => {
      const column = document.querySelector(`[data-drop][data-technician="${technicianId}"]`)!
      const line = Array.from(column.querySelectorAll('.pl-line')).find((element) =>
        element.classList.contains(`pl-r${2 + ((14 - 7) * 60) / 15}`)
      )!
      const box = line.getBoundingClientRect()
      return { x: box.left + box.width / 2, y: box.top }
    }, lea.id)

    const grab = { x: from.x + from.width / 2, y: from.y + 4 }
    await page.mouse.move(grab.x, grab.y)
    await page.mouse.down()
    await page.mouse.move(grab.x + 20, grab.y + 20, { steps: 4 })
    await page.mouse.move(target.x, target.y + 4, { steps: 8 })
    await Promise.all([page.waitForNavigation(), page.mouse.up()])

    assert.include(await page.evaluate(() => document.body.innerText), 'Rendez-vous déplacé')
    const row = await ownerDb().from('appointments').where('id', appointment.id).first()
    assert.equal(row.technician_id, lea.id)
    assert.equal(`${parisTime(row.starts_at)}–${parisTime(row.ends_at)}`, '14:00–15:00')
  })
})
