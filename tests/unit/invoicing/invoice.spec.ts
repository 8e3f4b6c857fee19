import { test } from '@japa/runner'
import {
  cancellingLines,
  dueDate,
  invoiceNumber,
  invoiceTotals,
  natureOf,
  pricedLine,
  pricedLines,
  sirenOf,
  type InvoiceLineInput,
} from '#invoicing/domain/invoice'
import { invoiceGroups, type BillableJobLine } from '#invoicing/domain/job_invoices'
import { missingClaimFields, repairBonus } from '#invoicing/domain/repair_bonus'

const line = (overrides: Partial<InvoiceLineInput> = {}): InvoiceLineInput => ({
  kind: 'labour',
  articleId: null,
  jobLineId: null,
  sku: null,
  label: 'Main-d’œuvre',
  quantity: '1',
  unit: 'C62',
  unitPriceCents: 0,
  discountPercent: '0',
  ecoParticipationCents: 0,
  vatRate: '20',
  vatCategory: 'S',
  ...overrides,
})

/** COMPLIANCE §9: 2 h × 55,00 + travel 35,00 + part 64,90. */
const repairInvoice = [
  line({ kind: 'labour', quantity: '2', unit: 'HUR', unitPriceCents: 5500 }),
  line({ kind: 'fee', label: 'Déplacement', unitPriceCents: 3500 }),
  line({ kind: 'article', label: 'Pompe de vidange', unitPriceCents: 6490 }),
]

test.group('Invoice totals (COMPLIANCE §9 vectors)', () => {
  test('VAT is computed once per rate: three lines of 10,01 give 6,01', ({ assert }) => {
    const totals = invoiceTotals(
      'invoice',
      [1, 2, 3].map(() => line({ unitPriceCents: 1001 }))
    )
    assert.equal(totals.exclVatCents, 3003)
    assert.equal(totals.vatCents, 601)
    assert.equal(totals.inclVatCents, 3604)
  })

  test('the repair invoice: HT 209,90, VAT 41,98, TTC 251,88', ({ assert }) => {
    const totals = invoiceTotals('invoice', repairInvoice)
    assert.deepEqual(
      [totals.exclVatCents, totals.vatCents, totals.inclVatCents, totals.dueCents],
      [20990, 4198, 25188, 25188]
    )
    assert.deepEqual(totals.rates, [{ vatRate: '20', baseCents: 20990, vatCents: 4198 }])
  })

  test('half-up to the cent: a 1,005 line rounds to 1,01', ({ assert }) => {
    assert.equal(pricedLine(line({ quantity: '0.5', unitPriceCents: 201 })).netCents, 101)
  })

  test('the credit note of the repair invoice is its exact opposite', ({ assert }) => {
    const totals = invoiceTotals('credit_note', cancellingLines(repairInvoice))
    assert.deepEqual(
      [totals.exclVatCents, totals.vatCents, totals.inclVatCents, totals.dueCents],
      [-20990, -4198, -25188, -25188]
    )
  })

  test('the repair bonus lowers what the customer pays, not the VAT (§8 example)', ({ assert }) => {
    const lines = [
      line({ kind: 'labour', unitPriceCents: 6000 }),
      line({ kind: 'fee', unitPriceCents: 3000 }),
      line({ kind: 'article', unitPriceCents: 4500 }),
    ]
    const totals = invoiceTotals('invoice', lines, { prepaidCents: 0, bonusCents: 5000 })
    assert.deepEqual(
      [totals.exclVatCents, totals.vatCents, totals.inclVatCents, totals.dueCents],
      [13500, 2700, 16200, 11200]
    )
    const refund = invoiceTotals('credit_note', cancellingLines(lines), {
      prepaidCents: 0,
      bonusCents: 5000,
    })
    assert.equal(refund.dueCents, -11200)
  })

  test('a discount applies to the price, never to the eco-participation', ({ assert }) => {
    const priced = pricedLine(
      line({
        kind: 'article',
        quantity: '2',
        unitPriceCents: 12990,
        discountPercent: '10',
        ecoParticipationCents: 100,
      })
    )
    assert.deepEqual([priced.discountCents, priced.netCents, priced.ecoCents], [2598, 23382, 200])
    const totals = invoiceTotals('invoice', [
      line({
        kind: 'article',
        quantity: '2',
        unitPriceCents: 12990,
        discountPercent: '10',
        ecoParticipationCents: 100,
      }),
    ])
    assert.equal(totals.rates[0].baseCents, 23582)
    assert.equal(totals.vatCents, 4716)
  })

  test('a free-text line bills nothing', ({ assert }) => {
    const totals = invoiceTotals('invoice', [
      line({ unitPriceCents: 1000 }),
      line({ kind: 'text', quantity: '0', label: 'Garantie pièces 3 mois' }),
    ])
    assert.equal(totals.exclVatCents, 1000)
  })
})

test.group('Invoice numbering, terms and nature', () => {
  test('numbers carry prefix, year and six digits', ({ assert }) => {
    assert.equal(invoiceNumber('FA', 2026, 123), 'FA-2026-000123')
    assert.isAtMost(invoiceNumber('ABCDEFGH', 2026, 999999999).length, 35)
  })

  test('a consumer pays on receipt, a business within the shop’s terms', ({ assert }) => {
    assert.equal(dueDate('2026-03-10', false, { days: 30, endOfMonth: false }), '2026-03-10')
    assert.equal(dueDate('2026-03-10', true, { days: 30, endOfMonth: false }), '2026-04-09')
    assert.equal(dueDate('2026-01-20', true, { days: 30, endOfMonth: true }), '2026-02-28')
    assert.equal(dueDate('2026-03-10', true, { days: 0, endOfMonth: false }), '2026-03-10')
  })

  test('goods, services or both', ({ assert }) => {
    assert.equal(natureOf([{ kind: 'article' }]), 'goods')
    assert.equal(natureOf([{ kind: 'labour' }, { kind: 'fee' }]), 'services')
    assert.equal(natureOf([{ kind: 'article' }, { kind: 'labour' }]), 'mixed')
  })

  test('the SIREN is the first nine digits of a SIRET', ({ assert }) => {
    assert.equal(sirenOf('73282932000074'), '732829320')
    assert.isNull(sirenOf(null))
  })
})

test.group('Invoicing a repair job', () => {
  const jobLine = (payer: BillableJobLine['payer'], kind: BillableJobLine['kind'] = 'labour') => ({
    id: `${payer}-${kind}`,
    kind,
    articleId: null,
    label: kind,
    quantity: '1',
    unitPriceExclVatCents: 1000,
    ecoParticipationCents: 0,
    vatRate: '20.00',
    payer,
  })

  test('one invoice per payer; the repair fund’s lines stay on the customer’s', ({ assert }) => {
    const groups = invoiceGroups([
      jobLine('manufacturer', 'part'),
      jobLine('customer', 'fee'),
      jobLine('eco_organism'),
      jobLine('principal'),
    ])
    assert.deepEqual(
      groups.map((group) => [group.payer, group.lines.length, group.bonusRequested]),
      [
        ['customer', 2, true],
        ['manufacturer', 1, false],
        ['principal', 1, false],
      ]
    )
    assert.equal(groups[0].lines[1].unit, 'HUR')
    assert.equal(groups[1].lines[0].kind, 'article')
  })
})

test.group('Repair bonus (COMPLIANCE §8)', () => {
  const request = { labelled: true, applianceType: 'washing_machine', underWarranty: false }

  test('a washing machine gets 50 €; below the bonus, none', ({ assert }) => {
    assert.deepEqual(repairBonus({ ...request, inclVatCents: 16200 }), {
      ok: true,
      amountCents: 5000,
    })
    assert.deepEqual(repairBonus({ ...request, inclVatCents: 4999 }), {
      ok: false,
      reason: 'below_bonus',
    })
  })

  test('only a labelled shop, out of warranty, on a listed appliance', ({ assert }) => {
    assert.propertyVal(
      repairBonus({ ...request, labelled: false, inclVatCents: 9000 }),
      'reason',
      'not_labelled'
    )
    assert.propertyVal(
      repairBonus({ ...request, underWarranty: true, inclVatCents: 9000 }),
      'reason',
      'under_warranty'
    )
    assert.propertyVal(
      repairBonus({ ...request, applianceType: null, inclVatCents: 9000 }),
      'reason',
      'not_eligible'
    )
  })

  test('a claim names what it still lacks', ({ assert }) => {
    const missing = missingClaimFields({
      brand: 'Bosch',
      applianceType: 'dishwasher',
      model: 'SMS46',
      serialNumber: '',
      symptom: 'Ne chauffe plus',
      customerLastName: 'Martin',
      customerFirstName: 'Paul',
      customerEmail: null,
      customerMobile: '+33612345678',
      postcode: '69003',
      city: 'Lyon',
      repairDate: '2026-03-14',
      invoiceNumber: 'FA-2026-000001',
      invoiceInclVatCents: 16200,
      parts: [],
      jobNumber: null,
    })
    assert.deepEqual(missing, ['serialNumber', 'customerEmail'])
  })
})

test.group('Invoices priced incl. VAT', () => {
  const shelf = [
    line({ kind: 'article', label: 'Filtre', quantity: '3', unitPriceCents: 999 }),
    line({ kind: 'text', label: 'Retrait en magasin' }),
    line({
      kind: 'article',
      label: 'Lave-linge',
      unitPriceCents: 39900,
      ecoParticipationCents: 1000,
      discountPercent: '5',
    }),
  ]

  test('lines print their TTC amounts; their HT nets add up to the base', ({ assert }) => {
    const [filter, text, washer] = pricedLines(shelf, 'incl_vat')
    assert.deepEqual(
      [filter.netCents, filter.ecoCents, filter.discountCents, filter.exclVatNetCents],
      [2997, 0, 0, 2498]
    )
    assert.equal(text.exclVatNetCents, 0)
    // 399,00 − 5 % = 379,05 TTC, plus 10,00 of eco-participation, never discounted.
    assert.deepEqual([washer.netCents, washer.ecoCents, washer.discountCents], [37905, 1000, 1995])
    const totals = invoiceTotals('invoice', shelf, { basis: 'incl_vat' })
    assert.equal(filter.exclVatNetCents + washer.exclVatNetCents, totals.exclVatCents)
    // 29,97 + 389,05 = 419,02 TTC at 20 %: 349,18 HT + 69,84 VAT = 419,02, no rounding.
    assert.deepEqual(totals.rates, [{ vatRate: '20', baseCents: 34918, vatCents: 6984 }])
    assert.equal(totals.roundingCents, 0)
    assert.equal(totals.dueCents, 41902)
  })

  test('3 × 9,99 €: the cent no HT reaches is rounding, and 29,97 € is due', ({ assert }) => {
    const totals = invoiceTotals('invoice', [shelf[0]], { basis: 'incl_vat' })
    assert.deepEqual(
      [totals.exclVatCents, totals.vatCents, totals.inclVatCents, totals.roundingCents],
      [2498, 500, 2998, -1]
    )
    assert.equal(totals.dueCents, 2997)
  })

  test('a ticket paid at the counter leaves nothing due; its credit note refunds nothing', ({
    assert,
  }) => {
    const paid = { prepaidCents: 2997, basis: 'incl_vat' as const }
    assert.equal(invoiceTotals('invoice', [shelf[0]], paid).dueCents, 0)
    const credit = invoiceTotals('credit_note', cancellingLines([shelf[0]]), paid)
    assert.deepEqual([credit.inclVatCents, credit.roundingCents, credit.dueCents], [-2998, 1, 0])
  })

  test('the same lines priced excl. VAT are unchanged by the new basis', ({ assert }) => {
    assert.deepEqual(
      pricedLines(repairInvoice, 'excl_vat').map((priced) => priced.exclVatNetCents),
      [11000, 3500, 6490]
    )
    assert.equal(invoiceTotals('invoice', repairInvoice).roundingCents, 0)
  })
})
