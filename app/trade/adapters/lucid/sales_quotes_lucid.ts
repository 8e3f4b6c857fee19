import { randomUUID } from 'node:crypto'
import { inTenantTransaction } from '#core/adapters/lucid/tenant_transaction'
import { nextDocumentNumber } from '#core/adapters/lucid/document_counters'
import { QUOTE_SERIES, quoteTotals } from '#trade/domain/sales_quote'
import {
  SalesQuoteStore,
  type QuoteDecision,
  type StoredQuote,
} from '#trade/application/sales_quote_store'
import {
  decimal,
  documentLineOf,
  insertDocumentLines,
  isoDate,
  totalsColumns,
} from '#trade/adapters/lucid/sales_quote_rows'

export class LucidSalesQuotes extends SalesQuoteStore {
  customerExists(tenantId: string, customerId: string) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const row = await tenantDb
        .scoped(trx, 'customers')
        .where('id', customerId)
        .select('id')
        .first()
      return Boolean(row)
    })
  }

  create(
    tenantId: string,
    quote: Parameters<SalesQuoteStore['create']>[1],
    createdBy: string | null
  ) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const id = randomUUID()
      await trx.table('sales_quotes').insert(
        tenantDb.owned({
          id,
          root_id: quote.rootId ?? id,
          version: quote.version,
          status: 'draft',
          customer_id: quote.customerId,
          site_address: quote.siteAddress,
          repair_nature: quote.repairNature,
          appliance: quote.appliance,
          lead_time: quote.leadTime,
          validity_days: quote.validityDays,
          paid_quote: quote.paidQuote,
          quote_fee_cents: quote.paidQuote ? quote.quoteFeeCents : 0,
          quote_fee_vat_rate: quote.quoteFeeVatRate,
          prices_include_vat: quote.priceBasis === 'incl_vat',
          ...totalsColumns(quoteTotals(quote.lines, quote.priceBasis)),
          created_by: createdBy,
        })
      )
      await insertDocumentLines(trx, tenantDb, 'sales_quote_lines', { quote_id: id }, quote.lines)
      return id
    })
  }

  locked(tenantId: string, id: string): Promise<StoredQuote | null> {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const row = await tenantDb.scoped(trx, 'sales_quotes').where('id', id).forUpdate().first()
      if (!row) return null
      const lines = await tenantDb
        .scoped(trx, 'sales_quote_lines')
        .where('quote_id', id)
        .orderBy('position')
      return {
        id: row.id,
        rootId: row.root_id,
        version: row.version,
        status: row.status,
        number: row.number,
        customerId: row.customer_id,
        siteAddress: row.site_address,
        repairNature: row.repair_nature,
        appliance: row.appliance,
        leadTime: row.lead_time,
        validityDays: row.validity_days,
        paidQuote: row.paid_quote,
        quoteFeeCents: Number(row.quote_fee_cents),
        quoteFeeVatRate: decimal(row.quote_fee_vat_rate),
        priceBasis: row.prices_include_vat ? 'incl_vat' : 'excl_vat',
        sentOn: isoDate(row.sent_on),
        validUntil: isoDate(row.valid_until),
        decidedAt: row.decided_at,
        feeInvoiceId: row.fee_invoice_id,
        convertedTo: row.converted_to,
        convertedId: row.converted_id,
        lines: lines.map(documentLineOf),
      }
    })
  }

  saveDraftLines(
    tenantId: string,
    id: string,
    lines: Parameters<SalesQuoteStore['saveDraftLines']>[2],
    totals: Parameters<SalesQuoteStore['saveDraftLines']>[3],
    priceBasis?: Parameters<SalesQuoteStore['saveDraftLines']>[4]
  ) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      await tenantDb.scoped(trx, 'sales_quote_lines').where('quote_id', id).delete()
      await insertDocumentLines(trx, tenantDb, 'sales_quote_lines', { quote_id: id }, lines)
      await tenantDb
        .scoped(trx, 'sales_quotes')
        .where('id', id)
        .update({
          ...totalsColumns(totals),
          ...(priceBasis ? { prices_include_vat: priceBasis === 'incl_vat' } : {}),
          updated_at: new Date(),
        })
    })
  }

  deleteDraft(tenantId: string, id: string) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const deleted = await tenantDb
        .scoped(trx, 'sales_quotes')
        .where('id', id)
        .where('status', 'draft')
        .delete()
      return Number(deleted) > 0
    })
  }

  nextSequence(tenantId: string, year: number) {
    return inTenantTransaction(tenantId, (trx) =>
      nextDocumentNumber(trx, tenantId, QUOTE_SERIES, year)
    )
  }

  markSent(tenantId: string, id: string, sending: Parameters<SalesQuoteStore['markSent']>[2]) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      await tenantDb
        .scoped(trx, 'sales_quotes')
        .where('id', id)
        .update({
          status: 'sent',
          number: sending.number,
          sent_on: sending.sentOn,
          sent_at: new Date(),
          sent_by: sending.sentBy,
          valid_until: sending.validUntil,
          ...totalsColumns(sending.totals),
          updated_at: new Date(),
        })
    })
  }

  supersede(tenantId: string, id: string) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      await tenantDb
        .scoped(trx, 'sales_quotes')
        .where('id', id)
        .update({ status: 'superseded', updated_at: new Date() })
    })
  }

  decide(tenantId: string, id: string, decision: QuoteDecision) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      await tenantDb
        .scoped(trx, 'sales_quotes')
        .where('id', id)
        .update({
          status: decision.status,
          decided_at: decision.decidedAt,
          decision_channel: decision.channel,
          decision_name: decision.name,
          decision_ip: decision.ip,
          decision_signature: decision.signature ? Buffer.from(decision.signature) : null,
          fee_invoice_id: decision.feeInvoiceId,
          updated_at: new Date(),
        })
    })
  }

  markConverted(
    tenantId: string,
    id: string,
    to: 'invoice' | 'job' | 'order',
    convertedId: string
  ) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      await tenantDb
        .scoped(trx, 'sales_quotes')
        .where('id', id)
        .update({ converted_to: to, converted_id: convertedId, updated_at: new Date() })
    })
  }

  latestVersion(tenantId: string, rootId: string) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const row = await tenantDb
        .scoped(trx, 'sales_quotes')
        .where('root_id', rootId)
        .orderBy('version', 'desc')
        .select('id')
        .first()
      return (row?.id as string | undefined) ?? null
    })
  }
}
