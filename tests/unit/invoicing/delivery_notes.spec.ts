import { test } from '@japa/runner'
import { invoiceTotals, type InvoiceLineInput } from '#invoicing/domain/invoice'
import {
  deliveryNoteNumber,
  invoiceOfNotes,
  noteReference,
  type DeliveryNoteForInvoice,
} from '#invoicing/domain/delivery_notes'

const line = (overrides: Partial<InvoiceLineInput> = {}): InvoiceLineInput => ({
  kind: 'article',
  articleId: null,
  jobLineId: null,
  sku: null,
  label: 'Filtre',
  quantity: '1',
  unit: 'C62',
  unitPriceCents: 1001,
  discountPercent: '0',
  ecoParticipationCents: 0,
  vatRate: '20',
  vatCategory: 'S',
  ...overrides,
})

const note = (overrides: Partial<DeliveryNoteForInvoice> = {}): DeliveryNoteForInvoice => ({
  id: 'n1',
  status: 'issued',
  number: 'BL-2026-000001',
  customerId: 'c1',
  issuedOn: '2026-03-05',
  invoiceId: null,
  deliveryAddress: null,
  lines: [line()],
  ...overrides,
})

test.group('Delivery notes: numbering', () => {
  test('BL, the year and six digits', ({ assert }) => {
    assert.equal(deliveryNoteNumber(2026, 1), 'BL-2026-000001')
    assert.equal(deliveryNoteNumber(2027, 123456), 'BL-2027-123456')
  })

  test('the reference line names the note and its date in dd/mm/yyyy', ({ assert }) => {
    assert.equal(
      noteReference('BL-2026-000007', '2026-03-05'),
      'Bon de livraison BL-2026-000007 du 05/03/2026'
    )
  })
})

test.group('Delivery notes: one invoice of several notes', () => {
  test('lines of each note follow a line naming it, notes in number order', ({ assert }) => {
    const planned = invoiceOfNotes([
      note({
        id: 'n2',
        number: 'BL-2026-000002',
        issuedOn: '2026-03-06',
        lines: [line({ label: 'Joint' })],
      }),
      note({ lines: [line({ label: 'Filtre' }), line({ label: 'Tuyau', vatRate: '10' })] }),
    ])
    assert.isTrue(planned.ok)
    if (!planned.ok) return
    assert.deepEqual(
      planned.value.lines.map((entry) => [entry.kind, entry.label]),
      [
        ['text', 'Bon de livraison BL-2026-000001 du 05/03/2026'],
        ['article', 'Filtre'],
        ['article', 'Tuyau'],
        ['text', 'Bon de livraison BL-2026-000002 du 06/03/2026'],
        ['article', 'Joint'],
      ]
    )
    assert.isNull(planned.value.serviceDate, 'two delivery days: each reference line gives its own')
    // BR-CO-17: VAT once per rate on the rate's base, reference lines bill nothing.
    const totals = invoiceTotals('invoice', planned.value.lines)
    assert.deepEqual(
      totals.rates.map((rate) => [rate.vatRate, rate.baseCents, rate.vatCents]),
      [
        ['20', 2002, 400],
        ['10', 1001, 100],
      ]
    )
    assert.equal(totals.inclVatCents, 3503)
  })

  test('one delivery day and one shared address go onto the invoice', ({ assert }) => {
    const address = {
      line1: '1 rue du Port',
      line2: null,
      postcode: '69002',
      city: 'Lyon',
      country: 'FR',
    }
    const planned = invoiceOfNotes([
      note({ deliveryAddress: address }),
      note({ id: 'n2', number: 'BL-2026-000002', deliveryAddress: { ...address } }),
    ])
    assert.isTrue(planned.ok)
    if (!planned.ok) return
    assert.equal(planned.value.serviceDate, '2026-03-05')
    assert.deepEqual(planned.value.deliveryAddress, address)
    const mixed = invoiceOfNotes([note({ deliveryAddress: address }), note({ id: 'n2' })])
    assert.isTrue(mixed.ok && mixed.value.deliveryAddress === null)
  })

  test('refuses drafts, invoiced notes, several customers and nothing at all', ({ assert }) => {
    assert.deepInclude(invoiceOfNotes([]), { ok: false, type: 'no_notes' })
    assert.deepInclude(invoiceOfNotes([note({ status: 'draft', number: null, issuedOn: null })]), {
      ok: false,
      type: 'not_issued',
    })
    assert.deepInclude(invoiceOfNotes([note({ invoiceId: 'i1' })]), {
      ok: false,
      type: 'already_invoiced',
      number: 'BL-2026-000001',
    })
    assert.deepInclude(invoiceOfNotes([note(), note({ id: 'n2', customerId: 'c2' })]), {
      ok: false,
      type: 'several_customers',
    })
    assert.deepInclude(
      invoiceOfNotes([note({ lines: [line({ kind: 'text', quantity: '0', unitPriceCents: 0 })] })]),
      { ok: false, type: 'nothing_to_invoice' }
    )
  })
})
