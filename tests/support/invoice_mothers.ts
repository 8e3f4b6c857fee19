import { ownerDb, unique } from '#tests/support/mothers'

/**
 * Issued invoices and credit notes for payment tests, written through the owner connection the
 * way validation leaves them: created as a draft with its lines, then issued with a number of its
 * series (issued rows and their lines never change afterwards: the triggers refuse it).
 */
export interface InvoiceOptions {
  dueCents?: number
  issuedOn?: string
  dueOn?: string | null
  kind?: 'invoice' | 'deposit' | 'credit_note'
  correctsInvoiceId?: string
  buyer?: Record<string, unknown>
  number?: string
}

let sequence = 0

export async function anIssuedInvoice(
  tenantId: string,
  customerId: string,
  options: InvoiceOptions = {}
) {
  const kind = options.kind ?? 'invoice'
  const issuedOn = options.issuedOn ?? '2026-03-01'
  const due = options.dueCents ?? 12_000
  // 20 % VAT on the whole amount, split so that excl. + VAT = incl. to the cent.
  const excl = Math.round(due / 1.2)
  const vat = due - excl
  const series = `${kind === 'credit_note' ? 'AV' : 'FA'}-${issuedOn.slice(0, 4)}`
  sequence += 1
  const number = options.number ?? `${series}-${unique()}`
  const db = ownerDb()
  const [draft] = await db
    .table('invoices')
    .insert({
      tenant_id: tenantId,
      kind,
      status: 'draft',
      customer_id: customerId,
      corrects_invoice_id: options.correctsInvoiceId ?? null,
      excl_vat_cents: excl,
      vat_cents: vat,
      incl_vat_cents: due,
      due_cents: due,
      vat_breakdown: JSON.stringify([
        { category: 'S', rate: '20', baseCents: excl, vatCents: vat },
      ]),
    })
    .returning('*')
  await db.table('invoice_lines').insert({
    tenant_id: tenantId,
    invoice_id: draft.id,
    position: 1,
    kind: 'labour',
    label: 'Main-d’œuvre',
    quantity: kind === 'credit_note' ? '-1' : '1',
    unit: 'HUR',
    unit_price_cents: Math.abs(excl),
    vat_rate: '20',
  })
  const [issued] = await db
    .from('invoices')
    .where({ tenant_id: tenantId, id: draft.id })
    .update({
      status: 'issued',
      number,
      series,
      sequence,
      issued_on: issuedOn,
      issued_at: new Date(`${issuedOn}T10:00:00Z`),
      due_on: options.dueOn === undefined ? issuedOn : options.dueOn,
      buyer: JSON.stringify({
        name: 'Client',
        business: false,
        siren: null,
        siret: null,
        vatNumber: null,
        email: null,
        address: {
          line1: '1 rue de la Paix',
          line2: null,
          postcode: '75002',
          city: 'Paris',
          country: 'FR',
        },
        ...options.buyer,
      }),
      seller: JSON.stringify({
        name: 'Atelier',
        addressLines: ['2 rue du Four', '75006 Paris'],
        latePenaltyText: null,
      }),
    })
    .returning('*')
  return issued as { id: string; number: string; due_cents: number; customer_id: string }
}

/** The credit note cancelling the whole of an issued invoice. */
export function aCreditNote(
  tenantId: string,
  invoice: { id: string; customer_id: string; due_cents: number },
  issuedOn = '2026-03-05'
) {
  return anIssuedInvoice(tenantId, invoice.customer_id, {
    kind: 'credit_note',
    correctsInvoiceId: invoice.id,
    dueCents: -Number(invoice.due_cents),
    issuedOn,
    dueOn: null,
  })
}
