import { test } from '@japa/runner'
import type { Brand, Page } from '#interventions/application/manufacturer_portal'
import {
  failureOf,
  portalSandbox,
  valueOf,
  type Sandbox,
} from '#tests/functional/interventions/portal/support'

test.group('AGORA contract: parts', (group) => {
  let sandbox: Sandbox
  group.each.setup(async () => {
    sandbox = await portalSandbox()
    return () => sandbox.simulator.close()
  })

  test('lookup gives price and availability; unknown numbers are listed apart', async ({
    assert,
  }) => {
    const lookup = valueOf(
      await sandbox
        .portal()
        .lookupParts(sandbox.context, ['481010584940', '00263789', 'NOPE-1', ' 481010584940 '])
    )
    assert.deepEqual(lookup.unknownPartNumbers, ['NOPE-1'])
    assert.deepEqual(lookup.parts[0], {
      partNumber: '481010584940',
      label: 'Pompe de vidange',
      brandCode: 'WHI',
      priceCents: 3290,
      retailPriceInclVatCents: 5490,
      availability: 'in_stock',
      deliveryDays: 2,
      replacedBy: null,
      compatibleModels: ['FFB8458WVFR'],
    })
    assert.deepInclude(lookup.parts[1], { availability: 'discontinued', replacedBy: '00145388' })
  })

  test('an order for a job: each line ordered with price and date', async ({ assert }) => {
    const portal = sandbox.portal()
    const order = valueOf(
      await portal.orderParts(sandbox.context, {
        purpose: { kind: 'job', jobReference: 'R-2026-00042', afterSalesFileRef: null },
        lines: [
          { partNumber: '481010584940', quantity: 1 },
          { partNumber: 'C00311016', quantity: 2 },
        ],
        idempotencyKey: 'job-42:parts-order:1',
      })
    )
    assert.equal(order.status, 'analysing')
    assert.isTrue(order.lines.every((line) => line.outcome === null))

    const answered = valueOf(await portal.partsOrderOutcome(sandbox.context, order.orderId))
    assert.equal(answered.status, 'answered')
    assert.deepEqual(answered.lines[0], {
      partNumber: '481010584940',
      quantity: 1,
      outcome: 'ordered',
      supplierOrderRef: `${order.orderId}-1`,
      unitPriceCents: 3290,
      expectedOn: '2026-11-22',
      replacementProductRef: null,
      returnAuthorisation: null,
    })
  })

  test('for stock: a replacement product or a return authorisation instead of the part', async ({
    assert,
  }) => {
    const portal = sandbox.portal()
    const order = valueOf(
      await portal.orderParts(sandbox.context, {
        purpose: { kind: 'stock' },
        lines: [
          { partNumber: '2880400100', quantity: 1 },
          { partNumber: '00754866', quantity: 1 },
        ],
        idempotencyKey: 'stock-order:2026-11-20',
      })
    )
    const [replacement, returned] = valueOf(
      await portal.partsOrderOutcome(sandbox.context, order.orderId)
    ).lines
    assert.deepInclude(replacement, {
      outcome: 'replacement_product',
      replacementProductRef: 'WTV8736XS',
    })
    assert.equal(returned.outcome, 'return_authorisation')
    assert.match(returned.returnAuthorisation!.number, /^RCA-/)
    const document = await fetch(returned.returnAuthorisation!.url)
    assert.equal(document.status, 200)
    assert.include(await document.text(), returned.returnAuthorisation!.number)
  })

  test('delayed: the outcome only shows after the announced polls', async ({ assert }) => {
    const order = valueOf(
      await sandbox.portal('delayed:2').orderParts(sandbox.context, {
        purpose: { kind: 'stock' },
        lines: [{ partNumber: '11384730', quantity: 1 }],
        idempotencyKey: 'stock-order:miele',
      })
    )
    const portal = sandbox.portal()
    const first = valueOf(await portal.partsOrderOutcome(sandbox.context, order.orderId))
    const second = valueOf(await portal.partsOrderOutcome(sandbox.context, order.orderId))
    assert.equal(first.status, 'analysing')
    assert.equal(second.status, 'answered')
    assert.equal(second.lines[0].outcome, 'ordered')
  })

  test('an unknown part is rejected line by line and nothing is ordered', async ({ assert }) => {
    const failure = failureOf(
      await sandbox.portal().orderParts(sandbox.context, {
        purpose: { kind: 'stock' },
        lines: [
          { partNumber: '481010584940', quantity: 1 },
          { partNumber: 'NOPE-1', quantity: 1 },
        ],
        idempotencyKey: 'stock-order:bad',
      })
    )
    assert.deepInclude(failure, {
      type: 'rejected',
      code: 'unknown_part',
      fieldErrors: [{ field: 'lines.1.partNumber', message: 'Référence inconnue : NOPE-1' }],
    })
    assert.equal(sandbox.created().partsOrders, 0)
  })
})

test.group('AGORA contract: referentials', (group) => {
  let sandbox: Sandbox
  group.each.setup(async () => {
    sandbox = await portalSandbox()
    return () => sandbox.simulator.close()
  })

  test('brands, models and parts, fetched page by page', async ({ assert }) => {
    const portal = sandbox.portal()
    const brands: string[] = []
    let cursor: string | null = null
    do {
      const page: Page<Brand> = valueOf(
        await portal.fetchReferentials(sandbox.context, { kind: 'brands', cursor, limit: 3 })
      )
      brands.push(...page.items.map((brand) => brand.name))
      cursor = page.nextCursor
    } while (cursor)
    assert.includeMembers(brands, [
      'Whirlpool',
      'Bosch',
      'Siemens',
      'Electrolux',
      'Beko',
      'Candy',
      'Brandt',
      'De Dietrich',
      'Miele',
    ])

    const models = valueOf(await portal.fetchReferentials(sandbox.context, { kind: 'models' }))
    assert.deepInclude(models.items, {
      reference: 'WAN28209FF',
      brandCode: 'BOS',
      commercialName: 'Série 4 8 kg',
      productType: 'Lave-linge',
    })
    const parts = valueOf(await portal.fetchReferentials(sandbox.context, { kind: 'parts' }))
    assert.isAbove(parts.items.length, 10)
    assert.isTrue(parts.items.every((part) => Number.isInteger(part.priceCents)))
  })

  test('a cursor the portal did not give is rejected', async ({ assert }) => {
    const failure = failureOf(
      await sandbox
        .portal()
        .fetchReferentials(sandbox.context, { kind: 'parts', cursor: 'not-a-cursor' })
    )
    assert.deepInclude(failure, { type: 'rejected', code: 'invalid_request' })
  })
})
