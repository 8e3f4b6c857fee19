import { test } from '@japa/runner'
import { addDays, today } from '#interventions/domain/planning'
import { WebClient, textOf } from '#tests/support/web_client'
import {
  aModel,
  aUser,
  anAppliance,
  anArticle,
  ownerDb,
  signedInStaff,
} from '#tests/support/mothers'
import {
  MONDAY,
  at,
  aJob,
  aTechnician,
  aWindow,
  anAbsence,
  anAppointment,
  workingHours,
} from '#tests/functional/interventions/planning_support'

async function aLine(tenantId: string, jobId: string, position: number, values: object) {
  await ownerDb()
    .table('repair_job_lines')
    .insert({
      tenant_id: tenantId,
      job_id: jobId,
      position,
      quantity: '1',
      unit_price_cents: 1000,
      vat_code: 'normal',
      vat_rate: '20',
      payer: 'customer',
      ...values,
    })
}

test.group('Planning: the week and the day', () => {
  test('the week places visits by time, shades an absence, and filters on a technician', async ({
    assert,
  }) => {
    const { client, tenant } = await signedInStaff('receptionist')
    const karim = await aTechnician(tenant.id, 'Karim Benali')
    const lea = await aTechnician(tenant.id, 'Léa Martin')
    await workingHours(tenant.id, karim.id)
    await workingHours(tenant.id, lea.id)
    const first = await aJob(tenant.id, { customer: { last_name: 'Dupont' } })
    const second = await aJob(tenant.id, { customer: { last_name: 'Garnier' } })
    await anAppointment(tenant.id, first.job.id, karim.id, MONDAY, '08:00', '09:00')
    await anAppointment(tenant.id, second.job.id, lea.id, addDays(MONDAY, 2), '14:00', '15:30')
    await anAbsence(tenant.id, karim.id, {
      starts_on: addDays(MONDAY, 1),
      ends_on: addDays(MONDAY, 1),
    })

    const week = await client.get(`/planning?date=${addDays(MONDAY, 3)}`)
    assert.equal(week.status, 200)
    const text = textOf(week.text)
    assert.include(text, 'Semaine du')
    assert.include(text, first.job.number)
    assert.include(text, 'Dupont')
    assert.include(text, second.job.number)
    assert.include(text, 'Absence : Karim Benali')
    // 07:00 is the first row (row 2): 08:00 is row 6, 14:00 row 30; 90 minutes span 6 rows.
    assert.match(week.text, /class="pl-block pl-r6 pl-s4 pl-lane-1 pl-status-planned pl-tone-\d/)
    assert.match(week.text, /class="pl-block pl-r30 pl-s6 /)
    assert.notInclude(week.text, 'style=')

    const karimsWeek = await client.get(`/planning?date=${MONDAY}&technician=${karim.id}`)
    const karimsText = textOf(karimsWeek.text)
    assert.include(karimsText, first.job.number)
    assert.notInclude(karimsText, second.job.number)
    assert.include(karimsText, 'Formation')
    assert.include(karimsWeek.text, 'pl-shade-off')
    assert.include(karimsWeek.text, 'pl-shade-absence')

    const day = await client.get(`/planning?view=day&date=${addDays(MONDAY, 2)}`)
    const dayText = textOf(day.text)
    assert.include(dayText, 'Karim Benali')
    assert.include(dayText, 'Léa Martin')
    assert.include(dayText, second.job.number)
    assert.notInclude(dayText, first.job.number)
    assert.include(day.text, `data-move-url="/planning/appointments/`)
    assert.include(day.text, 'id="pl-move-form"')
  })

  test('a technician first sees their own week, without drag handles on others’ visits', async ({
    assert,
  }) => {
    const { client, tenant, user } = await signedInStaff('technician')
    const lea = await aTechnician(tenant.id, 'Léa Martin')
    const mine = await aJob(tenant.id)
    const hers = await aJob(tenant.id)
    await anAppointment(tenant.id, mine.job.id, user.id, MONDAY, '09:00', '10:00')
    await anAppointment(tenant.id, hers.job.id, lea.id, MONDAY, '09:00', '10:00')
    const own = await client.get(`/planning?date=${MONDAY}`)
    assert.include(own.text, mine.job.number)
    assert.notInclude(own.text, hers.job.number)
    const everyone = await client.get(`/planning?date=${MONDAY}&technician=all`)
    assert.include(everyone.text, hers.job.number)
    assert.lengthOf(everyone.text.match(/data-moveable/g) ?? [], 1)
  })
})

test.group('Planning: day sheet and the technician’s day', () => {
  test('the day sheet lists the day’s visits in order with all a technician needs', async ({
    assert,
  }) => {
    const { client, tenant } = await signedInStaff('manager')
    const karim = await aTechnician(tenant.id, 'Karim Benali')
    const model = await aModel(tenant.id, {
      model_reference: 'WAN28208FF',
      commercial_name: 'Série 4',
    })
    const brand = await ownerDb().from('brands').where('id', model.brand_id).first()
    const appliance = await anAppliance(tenant.id, (await aJob(tenant.id)).customer.id, model.id, {
      serial_number: 'SN-778899',
    })
    const late = await aJob(tenant.id, {
      customer: { last_name: 'Tardif', phone: '+33478111111' },
    })
    const early = await aJob(tenant.id, {
      customer: { last_name: 'Matinal', mobile: '+33612345678' },
      site: {
        label: 'Maison de campagne',
        address_line1: '3 chemin des Vignes',
        postcode: '69500',
        city: 'Bron',
        access_notes: 'Code portail 1234',
      },
      applianceId: appliance.id,
      job: { symptoms: 'Fuite sous la porte' },
    })
    const pump = await anArticle(tenant.id, { sku: 'POMPE-42', label: 'Pompe de vidange' })
    await aLine(tenant.id, early.job.id, 1, {
      kind: 'part',
      article_id: pump.id,
      label: 'Pompe de vidange',
      quantity: '2',
      part_status: 'reserved',
    })
    await aLine(tenant.id, early.job.id, 2, { kind: 'labour', label: 'Main-d’œuvre' })
    await anAppointment(tenant.id, late.job.id, karim.id, MONDAY, '14:00', '15:00')
    await anAppointment(tenant.id, early.job.id, karim.id, MONDAY, '08:30', '09:30', {
      window_label: 'Matin',
    })
    await anAppointment(tenant.id, late.job.id, karim.id, MONDAY, '16:00', '17:00', {
      status: 'cancelled',
    })

    const sheet = await client.get(`/planning/day-sheet?technician=${karim.id}&date=${MONDAY}`)
    assert.equal(sheet.status, 200)
    const text = textOf(sheet.text)
    assert.include(text, 'Feuille de route — Karim Benali')
    assert.include(text, '2 visites')
    assert.isBelow(text.indexOf('08:30–09:30'), text.indexOf('14:00–15:00'))
    assert.notInclude(text, '16:00–17:00')
    for (const expected of [
      'Matinal',
      'Maison de campagne',
      '3 chemin des Vignes',
      '69500 Bron',
      'Code portail 1234',
      '06 12 34 56 78',
      `Lave-linge ${brand.name} WAN28208FF (Série 4)`,
      'SN-778899',
      'Fuite sous la porte',
      '2 × Pompe de vidange POMPE-42 réservée en stock',
      'Tardif',
      '04 78 11 11 11',
      early.job.number,
    ]) {
      assert.include(text, expected)
    }
    assert.notInclude(text, 'Main-d’œuvre')
    assert.include(sheet.text, 'href="tel:+33612345678"')
    assert.include(sheet.text, '/css/planning.css')
  })

  test('/my-day shows the signed-in technician’s visits today and tomorrow, nobody else’s', async ({
    assert,
  }) => {
    const { client, tenant, user } = await signedInStaff('technician')
    const lea = await aTechnician(tenant.id, 'Léa Martin')
    const now = today()
    const mine = await aJob(tenant.id, { customer: { last_name: 'Premier' } })
    const tomorrow = await aJob(tenant.id, { customer: { last_name: 'Lendemain' } })
    const later = await aJob(tenant.id, { customer: { last_name: 'Surlendemain' } })
    const hers = await aJob(tenant.id, { customer: { last_name: 'Autrui' } })
    await anAppointment(tenant.id, mine.job.id, user.id, now, '10:00', '11:00')
    await anAppointment(tenant.id, tomorrow.job.id, user.id, addDays(now, 1), '09:00', '10:00')
    await anAppointment(tenant.id, later.job.id, user.id, addDays(now, 2), '09:00', '10:00')
    await anAppointment(tenant.id, hers.job.id, lea.id, now, '10:00', '11:00')

    const page = await client.get('/my-day')
    assert.equal(page.status, 200)
    const text = textOf(page.text)
    assert.include(text, 'Premier')
    assert.include(text, 'Lendemain')
    assert.notInclude(text, 'Surlendemain')
    assert.notInclude(text, 'Autrui')
    assert.isBelow(text.indexOf('Aujourd’hui'), text.indexOf('Premier'))
    assert.isBelow(text.indexOf('Premier'), text.indexOf('Demain'))
    assert.include(page.text, 'href="tel:+33478000001"')
    assert.include(
      page.text,
      'https://www.google.com/maps/search/?api=1&amp;query=12%20rue%20de%20la%20R%C3%A9publique'
    )
    assert.include(page.text, `href="/jobs/${mine.job.id}/on-site"`)
  })
})

test.group('Planning: settings', () => {
  test('working hours through the admin screens: technicians only, no overlapping ranges', async ({
    assert,
  }) => {
    const { client, tenant, user } = await signedInStaff('manager')
    const karim = await aTechnician(tenant.id, 'Karim Benali')
    const form = '/planning/working-hours/new'
    const created = await client.submit(form, '/planning/working-hours', {
      technician_id: karim.id,
      weekday: '1',
      starts_time: '08:00',
      ends_time: '12:00',
    })
    assert.equal(created.status, 302)
    const list = await client.get('/planning/working-hours')
    assert.include(textOf(list.text), 'Karim Benali lundi 08:00 12:00')

    const overlapping = await client.submit(form, '/planning/working-hours', {
      technician_id: karim.id,
      weekday: '1',
      starts_time: '11:00',
      ends_time: '14:00',
    })
    assert.include(
      textOf((await client.follow(overlapping)).text),
      'Ce technicien travaille déjà de 08:00 à 12:00 ce jour-là.'
    )
    const manager = await client.submit(form, '/planning/working-hours', {
      technician_id: user.id,
      weekday: '2',
      starts_time: '08:00',
      ends_time: '12:00',
    })
    assert.include(
      textOf((await client.follow(manager)).text),
      'Choisissez un technicien actif de l’atelier.'
    )
    const newForm = await client.get(form)
    assert.include(newForm.text, karim.id)
    assert.notInclude(newForm.text, `value="${user.id}"`, 'only technicians are offered')
    assert.include(newForm.text, 'type="time"')
  })

  test('zones keep postcodes tidy; absences, windows and zone technicians are saved', async ({
    assert,
  }) => {
    const { client, tenant } = await signedInStaff('receptionist')
    const karim = await aTechnician(tenant.id, 'Karim Benali')
    const bad = await client.submit('/planning/zones/new', '/planning/zones', {
      name: 'Lyon',
      postcodes: '69001, Lyon',
    })
    assert.include(textOf((await client.follow(bad)).text), 'Non reconnus : LYON')
    const zone = await client.submit('/planning/zones/new', '/planning/zones', {
      name: 'Lyon et Villeurbanne',
      postcodes: '69001 69002;69003,691\n69001',
    })
    assert.equal(zone.status, 302)
    const row = await ownerDb().from('planning_zones').where('tenant_id', tenant.id).first()
    assert.equal(row.postcodes, '69001, 69002, 69003, 691')
    const link = await client.submit(
      `/planning/zone-technicians/new?zone_id=${row.id}`,
      '/planning/zone-technicians',
      { zone_id: row.id, technician_id: karim.id }
    )
    assert.equal(link.status, 302)
    const detail = await client.get(`/planning/zones/${row.id}`)
    assert.include(textOf(detail.text), 'Karim Benali')

    const absence = await client.submit('/planning/absences/new', '/planning/absences', {
      technician_id: karim.id,
      starts_on: MONDAY,
      ends_on: addDays(MONDAY, 4),
      reason: 'leave',
    })
    assert.equal(absence.status, 302)
    const saved = await ownerDb().from('technician_absences').where('tenant_id', tenant.id).first()
    // Whole days, in Paris time, whatever the season.
    assert.equal(saved.starts_at.getTime(), at(MONDAY, '00:00').getTime())
    assert.equal(saved.ends_at.getTime(), at(addDays(MONDAY, 5), '00:00').getTime())
    const backwards = await client.submit('/planning/absences/new', '/planning/absences', {
      technician_id: karim.id,
      starts_on: MONDAY,
      ends_on: MONDAY,
      starts_time: '14:00',
      ends_time: '10:00',
      reason: 'other',
    })
    assert.include(
      textOf((await client.follow(backwards)).text),
      'La fin doit être après le début.'
    )

    const window = await client.submit('/planning/windows/new', '/planning/windows', {
      label: 'Samedi matin',
      starts_time: '09:00',
      ends_time: '12:00',
      saturday: '1',
    })
    assert.equal(window.status, 302)
    const saturday = await ownerDb()
      .from('appointment_windows')
      .where({ tenant_id: tenant.id, label: 'Samedi matin' })
      .first()
    assert.isTrue(saturday.saturday)
    assert.isFalse(saturday.monday)
    await aWindow(tenant.id, 'Matin', '08:00', '12:00')
    const duplicate = await client.submit('/planning/windows/new', '/planning/windows', {
      label: 'Matin',
      starts_time: '08:00',
      ends_time: '12:00',
      monday: '1',
    })
    assert.equal(duplicate.status, 302)
    assert.equal(
      (await ownerDb().from('appointment_windows').where({ tenant_id: tenant.id, label: 'Matin' }))
        .length,
      1
    )
  })

  test('the planning menu for planners and for technicians', async ({ assert }) => {
    const planner = await signedInStaff('receptionist')
    const menu = textOf((await planner.client.get('/planning')).text)
    for (const entry of [
      'Ma journée',
      'Feuille de route',
      'Horaires des techniciens',
      'Zones d’intervention',
    ]) {
      assert.include(menu, entry)
    }
    const technician = new WebClient()
    const tech = await aUser(planner.tenant.id, { role: 'technician' })
    await technician.signIn(tech.email)
    const techMenu = textOf((await technician.get('/my-day')).text)
    assert.include(techMenu, 'Ma journée')
    assert.notInclude(techMenu, 'Horaires des techniciens')
  })
})
