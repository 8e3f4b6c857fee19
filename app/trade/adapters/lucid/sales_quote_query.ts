import { sameTenant, type TenantDb } from '#core/adapters/lucid/tenant_db'
import type { PriceBasis, PricedLine } from '#invoicing/domain/invoice'
import {
  payableCents,
  quotePricedLines,
  quoteStatus,
  quoteTotals,
  type QuoteStatus,
} from '#trade/domain/sales_quote'
import { decimal, documentLineOf, isoDate } from '#trade/adapters/lucid/sales_quote_rows'

/** What the quote's page, its print and the customer's link show. */
export interface QuotePage {
  id: string
  rootId: string
  version: number
  status: QuoteStatus
  storedStatus: string
  number: string | null
  customerId: string
  customer: {
    name: string
    lines: string[]
    email: string | null
  }
  siteAddress: string | null
  repairNature: string
  appliance: string | null
  leadTime: string | null
  validityDays: number
  validUntil: string | null
  sentOn: string | null
  paidQuote: boolean
  quoteFeeCents: number
  quoteFeeVatRate: string
  decidedAt: Date | null
  decisionChannel: string | null
  decisionName: string | null
  decisionIp: string | null
  signature: string | null
  feeInvoiceId: string | null
  convertedTo: string | null
  convertedId: string | null
  createdAt: Date
  priceBasis: PriceBasis
  lines: Array<PricedLine & { id: string; position: number }>
  totals: ReturnType<typeof quoteTotals>
  versions: Array<{ id: string; version: number; number: string | null; status: string }>
}

/** The customer as a quote or an order prints it: name, postal lines, e-mail. */
const CUSTOMER_COLUMNS = [
  'customers.display_name as customer_name',
  'customers.address_line1',
  'customers.address_line2',
  'customers.postcode',
  'customers.city',
  'customers.email as customer_email',
]

function customerOf(row: Record<string, any>) {
  return {
    name: row.customer_name as string,
    lines: [
      row.address_line1,
      row.address_line2,
      [row.postcode, row.city].filter((part) => part).join(' '),
    ].filter((part): part is string => Boolean(part)),
    email: row.customer_email as string | null,
  }
}

const basisOf = (row: { prices_include_vat: boolean }): PriceBasis =>
  row.prices_include_vat ? 'incl_vat' : 'excl_vat'

/** Read side of quotes: plain data for pages (STYLE rule 6: read screens query directly). */
export async function quotePage(tenantDb: TenantDb, id: string, today: string) {
  return tenantDb.run(async (trx) => {
    const row = await tenantDb
      .scoped(trx, 'sales_quotes')
      .join('customers', sameTenant('customers', 'sales_quotes.customer_id'))
      .where('sales_quotes.id', id)
      .select('sales_quotes.*', ...CUSTOMER_COLUMNS)
      .first()
    if (!row) return null
    const lines = await tenantDb
      .scoped(trx, 'sales_quote_lines')
      .where('quote_id', id)
      .orderBy('position')
    const versions = await tenantDb
      .scoped(trx, 'sales_quotes')
      .where('root_id', row.root_id)
      .orderBy('version')
      .select('id', 'version', 'number', 'status')
    const documentLines = lines.map(documentLineOf)
    const basis = basisOf(row)
    const validUntil = isoDate(row.valid_until)
    const page: QuotePage = {
      id: row.id,
      rootId: row.root_id,
      version: row.version,
      status: quoteStatus({ status: row.status, validUntil }, today),
      storedStatus: row.status,
      number: row.number,
      customerId: row.customer_id,
      customer: customerOf(row),
      siteAddress: row.site_address,
      repairNature: row.repair_nature,
      appliance: row.appliance,
      leadTime: row.lead_time,
      validityDays: row.validity_days,
      validUntil,
      sentOn: isoDate(row.sent_on),
      paidQuote: row.paid_quote,
      quoteFeeCents: Number(row.quote_fee_cents),
      quoteFeeVatRate: decimal(row.quote_fee_vat_rate),
      decidedAt: row.decided_at,
      decisionChannel: row.decision_channel,
      decisionName: row.decision_name,
      decisionIp: row.decision_ip,
      signature: row.decision_signature
        ? Buffer.from(row.decision_signature).toString('base64')
        : null,
      feeInvoiceId: row.fee_invoice_id,
      convertedTo: row.converted_to,
      convertedId: row.converted_id,
      createdAt: row.created_at,
      priceBasis: basis,
      lines: quotePricedLines(documentLines, basis),
      totals: quoteTotals(documentLines, basis),
      versions,
    }
    return page
  })
}

/** The order's page: its lines, reservations, deposits and final invoice. */
export async function orderPage(tenantDb: TenantDb, id: string) {
  return tenantDb.run(async (trx) => {
    const row = await tenantDb
      .scoped(trx, 'customer_orders')
      .join('customers', sameTenant('customers', 'customer_orders.customer_id'))
      .where('customer_orders.id', id)
      .select('customer_orders.*', ...CUSTOMER_COLUMNS)
      .first()
    if (!row) return null
    const lines = await tenantDb
      .scoped(trx, 'customer_order_lines')
      .where('order_id', id)
      .orderBy('position')
    const reservations = await tenantDb
      .scoped(trx, 'stock_reservations')
      .join('articles', sameTenant('articles', 'stock_reservations.article_id'))
      .where('stock_reservations.order_id', id)
      .orderBy('stock_reservations.created_at')
      .select(
        'stock_reservations.*',
        'articles.sku',
        'articles.label as article_label',
        'articles.stock_quantity'
      )
    const deposits = await tenantDb
      .scoped(trx, 'customer_order_deposits')
      .where('order_id', id)
      .orderBy('created_at')
    const quote = row.quote_id
      ? await tenantDb
          .scoped(trx, 'sales_quotes')
          .where('id', row.quote_id)
          .select('id', 'number')
          .first()
      : null
    const documentLines = lines.map(documentLineOf)
    const basis = basisOf(row)
    const totals = quoteTotals(documentLines, basis)
    const depositCents = deposits.reduce(
      (sum, deposit) => sum + Number(deposit.amount_incl_vat_cents),
      0
    )
    return {
      id: row.id as string,
      number: row.number as string,
      status: row.status as string,
      customerId: row.customer_id as string,
      customerName: row.customer_name as string,
      customer: customerOf(row),
      quote: quote as { id: string; number: string } | null,
      invoiceId: row.invoice_id as string | null,
      createdAt: row.created_at as Date,
      deliveredAt: row.delivered_at as Date | null,
      priceBasis: basis,
      lines: quotePricedLines(documentLines, basis),
      totals,
      reservations: reservations.map((reservation) => ({
        sku: reservation.sku as string,
        label: reservation.article_label as string,
        quantity: decimal(reservation.quantity),
        stock: decimal(reservation.stock_quantity),
        releasedAt: reservation.released_at as Date | null,
        releasedBecause: reservation.released_because as string | null,
      })),
      deposits: deposits.map((deposit) => ({
        invoiceId: deposit.invoice_id as string,
        number: deposit.invoice_number as string,
        amountCents: Number(deposit.amount_incl_vat_cents),
        createdAt: deposit.created_at as Date,
      })),
      depositCents,
      remainingCents: payableCents(totals) - depositCents,
    }
  })
}
