import { inTenantTransaction } from '#core/adapters/lucid/tenant_transaction'
import { sameTenant } from '#core/adapters/lucid/tenant_db'
import type { RateTotal } from '#core/domain/vat_breakdown'
import {
  invoiceTotals,
  pricedLines,
  type InvoiceKind,
  type PriceBasis,
  type PricedLine,
} from '#invoicing/domain/invoice'
import type { BuyerSnapshot, SellerSnapshot } from '#invoicing/application/invoice_store'
import { lineFromRow } from '#invoicing/adapters/lucid/lucid_invoice_store'
import { isoDate } from '#invoicing/adapters/lucid/document_line_rows'
import type { EInvoiceAddress } from '#invoicing/domain/e_invoice'

/** An invoice as its page and its printed document show it. */
export interface InvoiceDocument {
  id: string
  kind: InvoiceKind
  status: 'draft' | 'issued'
  number: string | null
  payer: 'customer' | 'manufacturer' | 'principal'
  customerId: string
  customerName: string
  jobId: string | null
  jobNumber: string | null
  correctsInvoice: { id: string; number: string; issuedOn: string } | null
  creditNote: { id: string; number: string | null } | null
  buyer: BuyerSnapshot | null
  seller: SellerSnapshot | null
  deliveryAddress: EInvoiceAddress | null
  nature: 'goods' | 'services' | 'mixed'
  purchaseOrderRef: string | null
  issuedOn: string | null
  issuedAt: Date | null
  serviceDate: string | null
  dueOn: string | null
  paymentTerms: string | null
  notes: string | null
  priceBasis: PriceBasis
  /** The counter ticket it bills, paid there. */
  ticket: { id: string; number: string } | null
  lines: (PricedLine & { id: string; position: number })[]
  exclVatCents: number
  ecoParticipationCents: number
  vatCents: number
  inclVatCents: number
  roundingCents: number
  prepaidCents: number
  bonusCents: number
  bonusEcoOrganism: 'ecosystem' | 'ecologic' | null
  dueCents: number
  rates: RateTotal[]
  createdAt: Date
}

/**
 * Reads one invoice with its lines, the invoice it corrects and the credit note that cancels it.
 * An issued invoice is read as it was frozen; a draft's totals are computed as they stand.
 */
export function invoiceDocument(tenantId: string, id: string) {
  return inTenantTransaction(tenantId, async (trx, tenantDb) => {
    const row = await tenantDb
      .scoped(trx, 'invoices')
      .join('customers', sameTenant('customers', 'invoices.customer_id'))
      .leftJoin('repair_jobs', sameTenant('repair_jobs', 'invoices.job_id'))
      .leftJoin('invoices as corrected', sameTenant('corrected', 'invoices.corrects_invoice_id'))
      .leftJoin('register_tickets', sameTenant('register_tickets', 'invoices.ticket_id'))
      .where('invoices.id', id)
      .select(
        'invoices.*',
        'customers.display_name as customer_name',
        'repair_jobs.number as job_number',
        'register_tickets.number as ticket_number',
        'corrected.number as corrected_number',
        'corrected.issued_on as corrected_issued_on'
      )
      .first()
    if (!row) return null
    const [lineRows, credit] = await Promise.all([
      tenantDb.scoped(trx, 'invoice_lines').where('invoice_id', id).orderBy('position'),
      tenantDb
        .scoped(trx, 'invoices')
        .where('corrects_invoice_id', id)
        .where('kind', 'credit_note')
        .select('id', 'number')
        .first(),
    ])
    const basis: PriceBasis = row.prices_include_vat ? 'incl_vat' : 'excl_vat'
    const lines = pricedLines(
      lineRows.map((line) => ({ ...lineFromRow(line), id: line.id, position: line.position })),
      basis
    )
    const issued = row.status === 'issued'
    const live = invoiceTotals(row.kind, lines, {
      prepaidCents: Number(row.prepaid_cents),
      bonusCents: Number(row.bonus_cents),
      basis,
    })
    return {
      id: row.id,
      kind: row.kind,
      status: row.status,
      number: row.number,
      payer: row.payer,
      customerId: row.customer_id,
      customerName: row.customer_name,
      jobId: row.job_id,
      jobNumber: row.job_number,
      correctsInvoice: row.corrects_invoice_id
        ? {
            id: row.corrects_invoice_id,
            number: row.corrected_number,
            issuedOn: isoDate(row.corrected_issued_on)!,
          }
        : null,
      creditNote: credit ? { id: credit.id, number: credit.number } : null,
      buyer: row.buyer,
      seller: row.seller,
      deliveryAddress: row.delivery_address,
      nature: row.nature,
      purchaseOrderRef: row.purchase_order_ref,
      issuedOn: isoDate(row.issued_on),
      issuedAt: row.issued_at,
      serviceDate: isoDate(row.service_date),
      dueOn: isoDate(row.due_on),
      paymentTerms: row.payment_terms,
      notes: row.notes,
      priceBasis: basis,
      ticket: row.ticket_id ? { id: row.ticket_id, number: row.ticket_number } : null,
      lines,
      exclVatCents: issued ? Number(row.excl_vat_cents) : live.exclVatCents,
      ecoParticipationCents: issued
        ? Number(row.eco_participation_cents)
        : live.ecoParticipationCents,
      vatCents: issued ? Number(row.vat_cents) : live.vatCents,
      inclVatCents: issued ? Number(row.incl_vat_cents) : live.inclVatCents,
      roundingCents: issued ? Number(row.rounding_cents) : live.roundingCents,
      prepaidCents: Number(row.prepaid_cents),
      bonusCents: Number(row.bonus_cents),
      bonusEcoOrganism: row.bonus_eco_organism,
      dueCents: issued ? Number(row.due_cents) : live.dueCents,
      rates: issued ? row.vat_breakdown : live.rates,
      createdAt: row.created_at,
    } satisfies InvoiceDocument
  })
}
