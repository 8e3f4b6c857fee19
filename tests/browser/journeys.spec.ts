/// <reference lib="dom" />
import { test } from '@japa/runner'
import {
  baseUrl,
  closeBrowser,
  newPage,
  signInThroughForm,
  textOfPage,
} from '#tests/support/browser'
import { PASSWORD, WebClient } from '#tests/support/web_client'
import { aModel, aShop, aUser, ownerDb, unique } from '#tests/support/mothers'

test.group('Browser journeys', (group) => {
  group.teardown(() => closeBrowser())

  test('a receptionist signs in and sees the shop’s home in French', async ({
    assert,
    cleanup,
  }) => {
    const { tenant } = await aShop()
    const receptionist = await aUser(tenant.id, {
      role: 'receptionist',
      full_name: 'Julie Accueil',
    })
    const { page, close } = await newPage()
    cleanup(close)
    await signInThroughForm(page, receptionist.email, PASSWORD)
    assert.equal(new URL(page.url()).pathname, '/')
    const text = await textOfPage(page)
    assert.include(text, 'Bonjour Julie Accueil')
    assert.include(text, tenant.name)
    assert.notInclude(text, 'Personnel', 'a receptionist does not see staff management')
  })

  test('a sign-in beyond the seats shows who holds them', async ({ assert, cleanup }) => {
    const { tenant, manager } = await aShop({ seats: 1 })
    const technician = await aUser(tenant.id, { role: 'technician' })
    await new WebClient().signIn(manager.email)
    const { page, close } = await newPage()
    cleanup(close)
    await signInThroughForm(page, technician.email, PASSWORD)
    const text = await textOfPage(page)
    assert.include(text, 'Tous les postes sont occupés')
    assert.include(text, manager.full_name)
    assert.equal(new URL(page.url()).pathname, '/login')
  })

  test('a manager creates a staff member through the form, fixing a validation error first', async ({
    assert,
    cleanup,
  }) => {
    const { tenant, manager } = await aShop()
    const { page, close } = await newPage()
    cleanup(close)
    await signInThroughForm(page, manager.email, PASSWORD)
    await page.goto(`${baseUrl}/staff`)
    await Promise.all([page.waitForNavigation(), page.click('a[href="/staff/new"]')])

    const email = `camille-${unique()}@example.test`
    await page.type('input[name="full_name"]', 'Camille Durand')
    await page.type('input[name="email"]', 'camille-at-example')
    await page.select('select[name="role"]', 'technician')
    await page.type('input[name="password"]', 'motdepasse-camille')
    await page.type('input[name="password_confirmation"]', 'motdepasse-camille')
    await Promise.all([
      page.waitForNavigation(),
      page.click('form.form-card button[type="submit"]'),
    ])

    const errorText = await page.$eval('input[name="email"]', (input) => {
      const id = input.getAttribute('aria-describedby') ?? ''
      return id
        .split(' ')
        .map((part) => document.getElementById(part)?.textContent ?? '')
        .join(' ')
    })
    assert.include(errorText, 'Saisissez une adresse e-mail valide')
    assert.equal(
      await page.$eval('input[name="full_name"]', (input) => (input as HTMLInputElement).value),
      'Camille Durand'
    )

    await page.$eval('input[name="email"]', (input) => ((input as HTMLInputElement).value = ''))
    await page.type('input[name="email"]', email)
    await page.type('input[name="password"]', 'motdepasse-camille')
    await page.type('input[name="password_confirmation"]', 'motdepasse-camille')
    await Promise.all([
      page.waitForNavigation(),
      page.click('form.form-card button[type="submit"]'),
    ])

    assert.match(new URL(page.url()).pathname, /^\/staff\/[0-9a-f-]{36}$/)
    assert.include(await textOfPage(page), 'Camille Durand')
    const row = await ownerDb().from('users').where('email', email).first()
    assert.equal(row.tenant_id, tenant.id)
    assert.equal(row.role, 'technician')
  })

  test('a receptionist creates a customer with an appliance and finds it by serial number from the header', async ({
    assert,
    cleanup,
  }) => {
    const { tenant } = await aShop()
    const receptionist = await aUser(tenant.id, { role: 'receptionist' })
    const model = await aModel(tenant.id, {
      appliance_type: 'dishwasher',
      model_reference: 'SMS4HVI33E',
    })
    const { page, close } = await newPage()
    cleanup(close)
    await signInThroughForm(page, receptionist.email, PASSWORD)

    await page.goto(`${baseUrl}/customers/new`)
    await page.select('select[name="kind"]', 'person')
    await page.type('input[name="last_name"]', 'Rousseau')
    await page.type('input[name="first_name"]', 'Hélène')
    await page.type('input[name="mobile"]', '07 11 22 33 44')
    await Promise.all([
      page.waitForNavigation(),
      page.click('form.form-card button[type="submit"]'),
    ])
    assert.include(await textOfPage(page), 'Rousseau Hélène')

    const serial = `SN${unique().toUpperCase()}`
    await Promise.all([
      page.waitForNavigation(),
      page.click('a[href^="/appliances/new?customer_id="]'),
    ])
    await page.select('select[name="product_model_id"]', model.id)
    await page.type('input[name="serial_number"]', serial)
    // The date picker's typing order depends on the browser's locale: set the value directly.
    await page.$eval(
      'input[name="purchase_date"]',
      (input) => ((input as HTMLInputElement).value = '2024-03-15')
    )
    await Promise.all([
      page.waitForNavigation(),
      page.click('form.form-card button[type="submit"]'),
    ])
    assert.include(await textOfPage(page), '14/03/2026')

    await page.goto(`${baseUrl}/`)
    await page.type('#topbar-search-q', serial.slice(2).toLowerCase())
    await page.waitForSelector('[data-live-results]:not([hidden]) [data-search-hit]')
    await page.keyboard.press('ArrowDown')
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')])
    assert.match(new URL(page.url()).pathname, /^\/appliances\/[0-9a-f-]{36}$/)
    const text = await textOfPage(page)
    assert.include(text, serial)
    assert.include(text, 'Rousseau Hélène')
  })

  test('the language switch turns the pages to English', async ({ assert, cleanup }) => {
    const { manager } = await aShop()
    const { page, close } = await newPage()
    cleanup(close)
    await signInThroughForm(page, manager.email, PASSWORD)
    await page.goto(`${baseUrl}/staff`)
    assert.include(await textOfPage(page), 'Personnel')
    await Promise.all([page.waitForNavigation(), page.select('select[name="locale"]', 'en')])
    assert.equal(await page.$eval('html', (html) => html.lang), 'en')
    const text = await textOfPage(page)
    assert.include(text, 'Staff')
    assert.include(text, 'Export (CSV)')
  })
})
