import { test } from '@japa/runner'
import { WebClient, textOf } from '#tests/support/web_client'
import {
  aCustomer,
  aCustomerCategory,
  aFamily,
  aPriceGrid,
  aShop,
  aUser,
  ownerDb,
  signedInStaff,
} from '#tests/support/mothers'
import { assertHiddenFromOtherTenants, idOf } from '#tests/support/resource_checks'

const GRIDS = { path: '/referentials/price-grids', table: 'price_grids' }
const RULES = { path: '/referentials/price-grid-rules', table: 'price_grid_rules' }
const BREAKS = { path: '/referentials/price-grid-breaks', table: 'price_grid_breaks' }
const CATEGORIES = { path: '/referentials/customer-categories', table: 'customer_categories' }
const VAT = { path: '/vat-rates', table: 'vat_rates' }

test.group('Prices: grids, rules and quantity breaks', () => {
  test('a manager builds a grid with its rules and breaks, shown on the grid’s page', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('manager')
    const pumps = await aFamily(tenant.id, { name: 'Pompes' })
    const invalid = await client.submit(`${GRIDS.path}/new`, GRIDS.path, {
      name: '',
      rounding: 'pennies',
    })
    const form = textOf((await client.follow(invalid)).text)
    assert.include(form, 'Ce champ est obligatoire')
    assert.include(form, 'Choisissez une valeur de la liste')

    const grid = await client.submit(`${GRIDS.path}/new`, GRIDS.path, {
      name: 'Particuliers',
      rounding: 'ninety',
      is_default: '1',
    })
    const gridId = idOf(grid)
    const addRule = `${RULES.path}/new?price_grid_id=${gridId}`
    assert.include((await client.get(`${GRIDS.path}/${gridId}`)).text, addRule)

    const badRules = [
      [{ coefficient: '0' }, 'Saisissez une valeur supérieure à 0'],
      [{ coefficient: '1,23456' }, 'au plus 4 chiffres après la virgule'],
      [{ coefficient: 'beaucoup' }, 'au plus 4 chiffres après la virgule'],
      [{ min_purchase_price_cents: 'dix euros' }, 'Saisissez un montant'],
    ] as const
    for (const [override, message] of badRules) {
      const response = await client.submit(addRule, RULES.path, {
        price_grid_id: gridId,
        min_purchase_price_cents: '0',
        coefficient: '1,8',
        ...override,
      })
      assert.include(
        textOf((await client.follow(response)).text),
        message,
        JSON.stringify(override)
      )
    }
    const ruleResponses = []
    for (const [familyId, from, coefficient] of [
      ['', '0', '1,8'],
      ['', '50', '1.5'],
      [pumps.id, '0', '1,6'],
    ]) {
      ruleResponses.push(
        await client.submit(addRule, RULES.path, {
          price_grid_id: gridId,
          family_id: familyId,
          min_purchase_price_cents: from,
          coefficient,
        })
      )
    }
    const rules = await ownerDb()
      .from(RULES.table)
      .where('price_grid_id', gridId)
      .orderBy('min_purchase_price_cents')
      .orderBy('coefficient')
    assert.deepEqual(
      rules.map((rule) => [rule.family_id, rule.min_purchase_price_cents, rule.coefficient]),
      [
        [pumps.id, 0, '1.6000'],
        [null, 0, '1.8000'],
        [null, 5000, '1.5000'],
      ]
    )
    const sameBand = await client.submit(addRule, RULES.path, {
      price_grid_id: gridId,
      min_purchase_price_cents: '50,00',
      coefficient: '2',
    })
    assert.include(textOf((await client.follow(sameBand)).text), 'Cette valeur est déjà utilisée')

    const addBreak = `${BREAKS.path}/new?price_grid_id=${gridId}`
    const badBreak = await client.submit(addBreak, BREAKS.path, {
      price_grid_id: gridId,
      min_quantity: '0',
      discount_percent: '100',
    })
    const breakForm = textOf((await client.follow(badBreak)).text)
    assert.include(breakForm, 'Saisissez une valeur supérieure à 0')
    assert.include(breakForm, 'Saisissez une valeur inférieure à 100')
    const quantityBreak = await client.submit(addBreak, BREAKS.path, {
      price_grid_id: gridId,
      min_quantity: '10',
      discount_percent: '7,5',
    })
    assert.equal(
      (await ownerDb().from(BREAKS.table).where('id', idOf(quantityBreak)).first())
        .discount_percent,
      '7.50'
    )
    const breakPage = textOf((await client.get(quantityBreak.location!)).text)
    assert.include(breakPage, 'Particuliers · dès 10 : −7,5 %')

    const gridPage = textOf((await client.get(`${GRIDS.path}/${gridId}`)).text)
    assert.include(gridPage, 'Au ,90 supérieur')
    assert.include(gridPage, 'Règles de prix')
    assert.include(gridPage, 'Toutes les familles 0,00 € 1,8')
    assert.include(gridPage, 'Toutes les familles 50,00 € 1,5')
    assert.include(gridPage, 'Pompes 0,00 € 1,6')
    assert.include(gridPage, 'Remises par quantité')
    assert.include(gridPage, '10 7,5')

    const rulePage = await client.get(ruleResponses[2].location!)
    assert.include(textOf(rulePage.text), 'Particuliers · Pompes dès 0,00 €')
    const ruleEdit = await client.get(`${ruleResponses[2].location}/edit`)
    assert.include(ruleEdit.text, 'value="1,6"')
    await client.request('POST', `${ruleResponses[2].location}?_method=PUT`, {
      price_grid_id: gridId,
      family_id: pumps.id,
      min_purchase_price_cents: '0',
      coefficient: '1,65',
    })
    const edited = await ownerDb().from(RULES.table).where('id', idOf(ruleResponses[2])).first()
    assert.equal(edited.coefficient, '1.6500')
    const filtered = textOf((await client.get(`${RULES.path}?family_id=${pumps.id}`)).text)
    assert.include(filtered, '1,65')
    assert.notInclude(filtered, '1,8')

    await client.submit(
      `${RULES.path}/${edited.id}/archive`,
      `${RULES.path}/${edited.id}/archive`,
      {}
    )
    assert.isNotNull((await ownerDb().from(RULES.table).where('id', edited.id).first()).archived_at)
  })

  test('one default grid: making another the default moves the mark', async ({ assert }) => {
    const { tenant, client } = await signedInStaff('manager')
    const first = await aPriceGrid(tenant.id, {
      name: 'Ancienne',
      rounding: 'euro',
      isDefault: true,
    })
    const second = await client.submit(`${GRIDS.path}/new`, GRIDS.path, {
      name: 'Nouvelle',
      rounding: 'cent',
      is_default: '1',
    })
    const defaults = await ownerDb()
      .from(GRIDS.table)
      .where({ tenant_id: tenant.id, is_default: true })
    assert.deepEqual(
      defaults.map((grid) => grid.id),
      [idOf(second)]
    )
    assert.isFalse((await ownerDb().from(GRIDS.table).where('id', first.id).first()).is_default)
    const list = textOf((await client.get(`${GRIDS.path}?rounding=cent`)).text)
    assert.include(list, 'Nouvelle')
    assert.notInclude(list, 'Ancienne')
    const duplicate = await client.submit(`${GRIDS.path}/new`, GRIDS.path, {
      name: 'nouvelle',
      rounding: 'cent',
    })
    assert.include(textOf((await client.follow(duplicate)).text), 'Cette valeur est déjà utilisée')
  })

  test('receptionists and technicians read prices but only managers change them', async ({
    assert,
  }) => {
    for (const role of ['receptionist', 'technician']) {
      const { tenant, client } = await signedInStaff(role)
      const grid = await aPriceGrid(tenant.id, { rules: [[null, 0, '2']] })
      assert.equal((await client.get(GRIDS.path)).status, 200, role)
      assert.equal((await client.get(`${GRIDS.path}/${grid.id}`)).status, 200, role)
      for (const path of [GRIDS.path, RULES.path, BREAKS.path, CATEGORIES.path]) {
        assert.equal((await client.get(`${path}/new`)).status, 403, `${role} ${path}`)
      }
      await client.get(GRIDS.path)
      const write = await client.request('POST', GRIDS.path, { name: 'X', rounding: 'cent' })
      assert.equal(write.status, 403, role)
    }
  })

  test('rules, breaks and categories refuse another tenant’s grid or family', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('manager')
    const grid = await aPriceGrid(tenant.id)
    const foreign = await aShop()
    const foreignGrid = await aPriceGrid(foreign.tenant.id)
    const foreignFamily = await aFamily(foreign.tenant.id)
    const attempts: Array<[string, Record<string, string>]> = [
      [
        RULES.path,
        { price_grid_id: foreignGrid.id, min_purchase_price_cents: '0', coefficient: '2' },
      ],
      [
        RULES.path,
        {
          price_grid_id: grid.id,
          family_id: foreignFamily.id,
          min_purchase_price_cents: '0',
          coefficient: '2',
        },
      ],
      [BREAKS.path, { price_grid_id: foreignGrid.id, min_quantity: '5', discount_percent: '5' }],
      [CATEGORIES.path, { code: 'PRO', name: 'Pros', price_grid_id: foreignGrid.id }],
    ]
    for (const [path, form] of attempts) {
      const response = await client.submit(`${path}/new`, path, form)
      assert.equal(response.location, `${path}/new`, path)
      assert.include(
        textOf((await client.follow(response)).text),
        'Choisissez une valeur de la liste'
      )
    }
    for (const table of [RULES.table, BREAKS.table, CATEGORIES.table]) {
      const [{ count }] = await ownerDb()
        .from(table)
        .where('tenant_id', tenant.id)
        .count('* as count')
      assert.equal(Number(count), 0, table)
    }
  })

  test('another tenant’s grid, rule, break and category are 404 on every route', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('manager')
    const ownGrid = await aPriceGrid(tenant.id)
    const foreign = await aShop()
    const grid = await aPriceGrid(foreign.tenant.id, {
      rules: [[null, 0, '2']],
      breaks: [['5', '5']],
    })
    const rule = await ownerDb().from(RULES.table).where('price_grid_id', grid.id).first()
    const quantityBreak = await ownerDb().from(BREAKS.table).where('price_grid_id', grid.id).first()
    const category = await aCustomerCategory(foreign.tenant.id, grid.id)
    await assertHiddenFromOtherTenants(assert, client, GRIDS, grid.id, {
      name: 'X',
      rounding: 'cent',
    })
    await assertHiddenFromOtherTenants(assert, client, RULES, rule.id, {
      price_grid_id: ownGrid.id,
      min_purchase_price_cents: '0',
      coefficient: '2',
    })
    await assertHiddenFromOtherTenants(assert, client, BREAKS, quantityBreak.id, {
      price_grid_id: ownGrid.id,
      min_quantity: '5',
      discount_percent: '5',
    })
    await assertHiddenFromOtherTenants(assert, client, CATEGORIES, category.id, {
      code: 'X',
      name: 'X',
    })
  })
})

test.group('Prices: reference pickers', () => {
  test('every price resource answers a picker’s lookup, numbers included', async ({ assert }) => {
    const { tenant, client } = await signedInStaff('manager')
    await aPriceGrid(tenant.id, {
      name: 'Grille X',
      rules: [[null, 0, '1.45']],
      breaks: [['10', '5']],
    })
    for (const [path, typed, label] of [
      [GRIDS.path, 'grille', 'Grille X'],
      [RULES.path, '1.4', '1.4500'],
      [BREAKS.path, '10', '10.000'],
      [CATEGORIES.path, 'x', null],
      [VAT.path, 'norm', 'normal'],
    ] as const) {
      const response = await client.get(`${path}/lookup?q=${encodeURIComponent(typed)}`)
      assert.equal(response.status, 200, path)
      if (label) assert.include(response.text, `"label":"${label}"`, path)
    }
  })
})

test.group('Prices: customer categories', () => {
  test('a manager creates a category with its grid; its customers are listed on it', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('manager')
    const grid = await aPriceGrid(tenant.id, { name: 'Professionnels' })
    const invalid = await client.submit(`${CATEGORIES.path}/new`, CATEGORIES.path, {
      code: '',
      name: 'Pros',
    })
    assert.include(textOf((await client.follow(invalid)).text), 'Ce champ est obligatoire')
    const created = await client.submit(`${CATEGORIES.path}/new`, CATEGORIES.path, {
      code: 'pro',
      name: 'Professionnels',
      price_grid_id: grid.id,
    })
    const categoryId = idOf(created)
    await aCustomer(tenant.id, {
      kind: 'company',
      company_name: 'Résidence Les Tilleuls',
      last_name: null,
      category_id: categoryId,
    })
    const page = textOf((await client.get(created.location!)).text)
    assert.include(page, 'PRO')
    assert.include(page, 'Grille tarifaire Professionnels')
    assert.include(page, 'Clients')
    assert.include(page, 'Résidence Les Tilleuls')
    assert.include(
      textOf((await client.get(`${GRIDS.path}/${grid.id}`)).text),
      'Catégories de clients'
    )

    const withoutGrid = await client.submit(`${CATEGORIES.path}/new`, CATEGORIES.path, {
      code: 'PART',
      name: 'Particuliers',
    })
    const list = textOf((await client.get(CATEGORIES.path)).text)
    assert.include(list, 'Particuliers PART Grille par défaut')
    assert.include(
      textOf((await client.get(`${CATEGORIES.path}?price_grid_id=${grid.id}`)).text),
      'PRO'
    )

    await client.submit(
      `${CATEGORIES.path}/${idOf(withoutGrid)}/edit`,
      `${CATEGORIES.path}/${idOf(withoutGrid)}?_method=PUT`,
      { code: 'PART', name: 'Particuliers', price_grid_id: grid.id }
    )
    const edited = await ownerDb().from(CATEGORIES.table).where('id', idOf(withoutGrid)).first()
    assert.equal(edited.price_grid_id, grid.id)
    const duplicate = await client.submit(`${CATEGORIES.path}/new`, CATEGORIES.path, {
      code: 'Part',
      name: 'Autres',
    })
    assert.include(textOf((await client.follow(duplicate)).text), 'Cette valeur est déjà utilisée')
    await client.submit(
      `${CATEGORIES.path}/${categoryId}/archive`,
      `${CATEGORIES.path}/${categoryId}/archive`,
      {}
    )
    assert.isNotNull(
      (await ownerDb().from(CATEGORIES.table).where('id', categoryId).first()).archived_at
    )
  })
})

test.group('Prices: VAT rates', () => {
  test('tenant staff read the rates but cannot change them', async ({ assert }) => {
    const { client } = await signedInStaff('technician')
    const list = textOf((await client.get(VAT.path)).text)
    assert.include(list, 'Taux normal')
    assert.include(list, '19,6')
    const rate = await ownerDb()
      .from(VAT.table)
      .where({ code: 'normal', valid_from: '2014-01-01' })
      .first()
    assert.include(
      textOf((await client.get(`${VAT.path}/${rate.id}`)).text),
      'Taux normal — 20 % depuis le 01/01/2014'
    )
    assert.equal((await client.get(`${VAT.path}/new`)).status, 403)
    assert.equal((await client.get(`${VAT.path}/${rate.id}/edit`)).status, 403)
    const manager = await signedInStaff('manager')
    assert.equal((await manager.client.get(`${VAT.path}/new`)).status, 403)
    await manager.client.get(VAT.path)
    const write = await manager.client.request('POST', `${VAT.path}/${rate.id}/archive`, {})
    assert.equal(write.status, 403)
  })

  test('an operator admin adds a rate; periods of a code never overlap', async ({ assert }) => {
    const admin = await aUser(null, { role: 'operator_admin' })
    const client = new WebClient()
    await client.signIn(admin.email)
    const overlapping = await client.submit(`${VAT.path}/new`, VAT.path, {
      code: 'super_reduced',
      rate: '2,2',
      valid_from: '2030-01-01',
    })
    assert.include(
      textOf((await client.follow(overlapping)).text),
      'Ce code a déjà un taux sur cette période (du 01/01/2000 au …)'
    )
    const invalid = await client.submit(`${VAT.path}/new`, VAT.path, {
      code: 'super_reduced',
      rate: '120',
      valid_from: '2030-02-30',
    })
    const form = textOf((await client.follow(invalid)).text)
    assert.include(form, 'Saisissez une valeur inférieure à 100')
    assert.include(form, 'Saisissez une date valide')
    const backwards = await client.submit(`${VAT.path}/new`, VAT.path, {
      code: 'intermediate',
      rate: '10',
      valid_from: '2011-06-01',
      valid_to: '2011-01-01',
    })
    assert.include(textOf((await client.follow(backwards)).text), 'La fin doit suivre le début')

    const existing = await ownerDb()
      .from(VAT.table)
      .where({ code: 'super_reduced' })
      .whereNull('archived_at')
      .first()
    await client.submit(
      `${VAT.path}/${existing.id}/edit`,
      `${VAT.path}/${existing.id}?_method=PUT`,
      {
        code: 'super_reduced',
        rate: '2,1',
        valid_from: existing.valid_from,
        valid_to: '2029-12-31',
        legal_reference: 'CGI art. 281 quater',
      }
    )
    const created = await client.submit(`${VAT.path}/new`, VAT.path, {
      code: 'super_reduced',
      rate: '2,2',
      valid_from: '2030-01-01',
      legal_reference: 'Loi de finances 2030',
    })
    assert.match(created.location!, /^\/vat-rates\/[0-9a-f-]{36}$/)
    const row = await ownerDb().from(VAT.table).where('id', idOf(created)).first()
    assert.equal(row.rate, '2.20')
    assert.include(textOf((await client.get(`${VAT.path}?code=super_reduced`)).text), '2,2')
    // Put the shared table back as it was for the other tests.
    await ownerDb().from(VAT.table).where('id', row.id).delete()
    await ownerDb()
      .from(VAT.table)
      .where('id', existing.id)
      .update({ valid_to: null, legal_reference: null })
  })

  test('operator support reads the rates but cannot change them', async ({ assert }) => {
    const support = await aUser(null, { role: 'operator_support' })
    const client = new WebClient()
    await client.signIn(support.email)
    assert.equal((await client.get(VAT.path)).status, 200)
    assert.equal((await client.get(`${VAT.path}/new`)).status, 403)
    assert.equal((await client.get(GRIDS.path)).status, 403)
  })
})

test.group('Prices: archive and restore', () => {
  test('restoring a rule whose band was taken meanwhile is refused, not an error page', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('manager')
    const grid = await aPriceGrid(tenant.id, { rules: [[null, 0, '2']] })
    const old = await ownerDb().from(RULES.table).where('price_grid_id', grid.id).first()
    await client.submit(`${RULES.path}/${old.id}/archive`, `${RULES.path}/${old.id}/archive`, {})
    await client.submit(`${RULES.path}/new`, RULES.path, {
      price_grid_id: grid.id,
      min_purchase_price_cents: '0',
      coefficient: '1,9',
    })
    await client.get(`${RULES.path}/${old.id}`)
    const restore = await client.request('POST', `${RULES.path}/${old.id}/restore`, {})
    assert.equal(restore.status, 302)
    assert.include(textOf((await client.follow(restore)).text), 'Cette valeur est déjà utilisée')
    assert.isNotNull((await ownerDb().from(RULES.table).where('id', old.id).first()).archived_at)
  })

  test('an archived default grid is no longer the default, so restoring it is safe', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('manager')
    const grid = await aPriceGrid(tenant.id, { isDefault: true })
    await client.submit(`${GRIDS.path}/${grid.id}/archive`, `${GRIDS.path}/${grid.id}/archive`, {})
    await aPriceGrid(tenant.id, { isDefault: true })
    await client.get(`${GRIDS.path}/${grid.id}`)
    await client.request('POST', `${GRIDS.path}/${grid.id}/restore`, {})
    const restored = await ownerDb().from(GRIDS.table).where('id', grid.id).first()
    assert.isNull(restored.archived_at)
    assert.isFalse(restored.is_default)
  })

  test('a VAT rate overlapping the rates in force cannot be restored', async ({ assert }) => {
    const admin = await aUser(null, { role: 'operator_admin' })
    const client = new WebClient()
    await client.signIn(admin.email)
    const [archived] = await ownerDb()
      .table(VAT.table)
      .insert({
        code: 'reduced',
        rate: '7.00',
        valid_from: '1999-01-01',
        valid_to: '2001-12-31',
        archived_at: new Date(),
      })
      .returning('*')
    await client.get(`${VAT.path}/${archived.id}`)
    const restore = await client.request('POST', `${VAT.path}/${archived.id}/restore`, {})
    assert.include(
      textOf((await client.follow(restore)).text),
      'Un autre taux de ce code couvre déjà cette période'
    )
    assert.isNotNull((await ownerDb().from(VAT.table).where('id', archived.id).first()).archived_at)
    await ownerDb().from(VAT.table).where('id', archived.id).delete()
  })
})
