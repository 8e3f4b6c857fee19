import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { inTenantTransaction } from '#core/adapters/lucid/tenant_transaction'
import {
  documentLineFromRow,
  documentLineRow,
  isoDate,
} from '#invoicing/adapters/lucid/document_line_rows'
import type { TenantDb } from '#core/adapters/lucid/tenant_db'
import { nextDocumentNumber } from '#core/adapters/lucid/document_counters'
import {
  invoiceTotals,
  type InvoiceKind,
  type InvoiceLineInput,
  type InvoicePayer,
  type InvoiceTotals,
  type PriceBasis,
} from '#invoicing/domain/invoice'
import {
  InvoiceStore,
  type InvoicingSettings,
  type DraftChanges,
  type Issuance,
  type NewInvoice,
  type StoredInvoice,
  type StoredInvoiceLine,
} from '#invoicing/application/invoice_store'
import type { EcoOrganism } from '#invoicing/domain/repair_bonus'

export const lineFromRow = (row: Record<string, any>): StoredInvoiceLine => documentLineFromRow(row)

/** The stored totals of an invoice: frozen when issued, kept current on a draft for the lists. */
const totalsColumns = (totals: InvoiceTotals) => ({
  excl_vat_cents: totals.exclVatCents,
  eco_participation_cents: totals.ecoParticipationCents,
  vat_cents: totals.vatCents,
  incl_vat_cents: totals.inclVatCents,
  rounding_cents: totals.roundingCents,
  due_cents: totals.dueCents,
  vat_breakdown: JSON.stringify(totals.rates),
})

/** A draft's totals as they stand, from its row's kind, basis and amounts paid by others. */
const draftTotals = (
  row: { kind: InvoiceKind; prepaid_cents: number | string; bonus_cents: number | string },
  basis: PriceBasis,
  lines: InvoiceLineInput[]
) =>
  totalsColumns(
    invoiceTotals(row.kind, lines, {
      prepaidCents: Number(row.prepaid_cents),
      bonusCents: Number(row.bonus_cents),
      basis,
    })
  )

async function insertLines(
  trx: TransactionClientContract,
  tenantDb: TenantDb,
  invoiceId: string,
  lines: InvoiceLineInput[]
) {
  if (lines.length === 0) return
  await trx.table('invoice_lines').multiInsert(
    lines.map((line, index) =>
      tenantDb.owned({
        invoice_id: invoiceId,
        ...documentLineRow(line, index + 1),
        job_line_id: line.jobLineId,
      })
    )
  )
}

export class LucidInvoiceStore extends InvoiceStore {
  settings(tenantId: string) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const existing = await tenantDb.scoped(trx, 'invoicing_settings').first()
      const created = existing
        ? []
        : await trx
            .table('invoicing_settings')
            .insert(tenantDb.owned({}))
            .onConflict('tenant_id')
            .merge(['tenant_id'])
            .returning('*')
      const row = existing ?? created[0]
      return {
        invoicePrefix: row.invoice_prefix,
        creditNotePrefix: row.credit_note_prefix,
        qualireparLabelled: row.qualirepar_labelled,
        bonusEcoOrganism: row.bonus_eco_organism as EcoOrganism,
        autoInvoiceDelivered: row.auto_invoice_delivered,
        principalsMonthly: row.principals_monthly,
      } satisfies InvoicingSettings
    })
  }

  saveSettings(tenantId: string, settings: InvoicingSettings) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      await trx
        .table('invoicing_settings')
        .insert(
          tenantDb.owned({
            invoice_prefix: settings.invoicePrefix,
            credit_note_prefix: settings.creditNotePrefix,
            qualirepar_labelled: settings.qualireparLabelled,
            bonus_eco_organism: settings.bonusEcoOrganism,
            auto_invoice_delivered: settings.autoInvoiceDelivered,
            principals_monthly: settings.principalsMonthly,
            updated_at: new Date(),
          })
        )
        .onConflict('tenant_id')
        .merge()
    })
  }

  /** As the platform role, which reads every shop's settings (migration 0030's policy). */
  async principalsMonthlyTenants() {
    const rows = await db
      .connection('platform')
      .from('invoicing_settings')
      .where('principals_monthly', true)
      .orderBy('tenant_id')
      .select('tenant_id')
    return rows.map((row) => row.tenant_id as string)
  }

  createDraft(tenantId: string, invoice: NewInvoice, createdBy: string | null) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const [row] = await trx
        .table('invoices')
        .insert(
          tenantDb.owned({
            kind: invoice.kind,
            customer_id: invoice.customerId,
            payer: invoice.payer,
            job_id: invoice.jobId,
            corrects_invoice_id: invoice.correctsInvoiceId,
            purchase_order_ref: invoice.purchaseOrderRef,
            service_date: invoice.serviceDate,
            notes: invoice.notes,
            delivery_address: invoice.deliveryAddress
              ? JSON.stringify(invoice.deliveryAddress)
              : null,
            prepaid_cents: invoice.prepaidCents,
            prices_include_vat: invoice.priceBasis === 'incl_vat',
            ticket_id: invoice.ticketId ?? null,
            bonus_cents: invoice.bonus?.cents ?? 0,
            bonus_eco_organism: invoice.bonus?.ecoOrganism ?? null,
            created_by: createdBy,
            ...draftTotals(
              {
                kind: invoice.kind,
                prepaid_cents: invoice.prepaidCents,
                bonus_cents: invoice.bonus?.cents ?? 0,
              },
              invoice.priceBasis ?? 'excl_vat',
              invoice.lines
            ),
          })
        )
        .returning('id')
      await insertLines(trx, tenantDb, row.id, invoice.lines)
      return row.id as string
    })
  }

  updateDraft(tenantId: string, id: string, changes: DraftChanges) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const [row] = await tenantDb
        .scoped(trx, 'invoices')
        .where('id', id)
        .where('status', 'draft')
        .update({
          purchase_order_ref: changes.purchaseOrderRef,
          service_date: changes.serviceDate,
          notes: changes.notes,
          ...(changes.priceBasis ? { prices_include_vat: changes.priceBasis === 'incl_vat' } : {}),
          updated_at: new Date(),
        })
        .returning(['kind', 'prepaid_cents', 'bonus_cents', 'prices_include_vat'])
      if (!row) return false
      await tenantDb.scoped(trx, 'invoice_lines').where('invoice_id', id).delete()
      await insertLines(trx, tenantDb, id, changes.lines)
      const basis = row.prices_include_vat ? 'incl_vat' : 'excl_vat'
      await tenantDb
        .scoped(trx, 'invoices')
        .where('id', id)
        .update(draftTotals(row, basis, changes.lines))
      return true
    })
  }

  deleteDraft(tenantId: string, id: string) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const deleted = await tenantDb
        .scoped(trx, 'invoices')
        .where('id', id)
        .where('status', 'draft')
        .delete()
      return Number(deleted) > 0
    })
  }

  locked(tenantId: string, id: string) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const row = await tenantDb.scoped(trx, 'invoices').where('id', id).forUpdate().first()
      if (!row) return null
      const lines = await tenantDb
        .scoped(trx, 'invoice_lines')
        .where('invoice_id', id)
        .orderBy('position')
      return {
        id: row.id,
        kind: row.kind,
        status: row.status,
        number: row.number,
        issuedOn: isoDate(row.issued_on),
        customerId: row.customer_id,
        payer: row.payer,
        jobId: row.job_id,
        correctsInvoiceId: row.corrects_invoice_id,
        purchaseOrderRef: row.purchase_order_ref,
        serviceDate: isoDate(row.service_date),
        notes: row.notes,
        deliveryAddress: row.delivery_address,
        prepaidCents: Number(row.prepaid_cents),
        bonusCents: Number(row.bonus_cents),
        bonusEcoOrganism: row.bonus_eco_organism,
        priceBasis: row.prices_include_vat ? 'incl_vat' : 'excl_vat',
        ticketId: row.ticket_id,
        lines: lines.map(lineFromRow),
      } satisfies StoredInvoice
    })
  }

  creditNoteOf(tenantId: string, invoiceId: string) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const row = await tenantDb
        .scoped(trx, 'invoices')
        .where('corrects_invoice_id', invoiceId)
        .where('kind', 'credit_note')
        .select('id')
        .first()
      return (row?.id as string | undefined) ?? null
    })
  }

  nextSequence(tenantId: string, series: string, year: number) {
    return inTenantTransaction(tenantId, (trx) => nextDocumentNumber(trx, tenantId, series, year))
  }

  issue(tenantId: string, id: string, issuance: Issuance) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const { totals } = issuance
      await tenantDb
        .scoped(trx, 'invoices')
        .where('id', id)
        .update({
          status: 'issued',
          number: issuance.number,
          series: issuance.series,
          sequence: issuance.sequence,
          issued_on: issuance.issuedOn,
          issued_at: issuance.issuedAt,
          issued_by: issuance.issuedBy,
          buyer: JSON.stringify(issuance.buyer),
          seller: JSON.stringify(issuance.seller),
          due_on: issuance.dueOn,
          payment_terms: issuance.paymentTerms,
          nature: issuance.nature,
          ...totalsColumns(totals),
          updated_at: new Date(),
        })
    })
  }

  claimJob(tenantId: string, jobId: string, payer: InvoicePayer, invoiceId: string) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const inserted = await trx
        .table('invoiced_jobs')
        .insert(tenantDb.owned({ job_id: jobId, payer, invoice_id: invoiceId }))
        .onConflict(['tenant_id', 'job_id', 'payer'])
        .ignore()
        .returning('job_id')
      return inserted.length > 0
    })
  }

  claimTicket(tenantId: string, ticketId: string, invoiceId: string) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const inserted = await trx
        .table('invoiced_tickets')
        .insert(tenantDb.owned({ ticket_id: ticketId, invoice_id: invoiceId }))
        .onConflict(['tenant_id', 'ticket_id'])
        .ignore()
        .returning('ticket_id')
      return inserted.length > 0
    })
  }

  releaseSources(tenantId: string, invoiceId: string) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      await tenantDb.scoped(trx, 'invoiced_jobs').where('invoice_id', invoiceId).delete()
      await tenantDb.scoped(trx, 'invoiced_tickets').where('invoice_id', invoiceId).delete()
    })
  }

  recordBonusClaim(tenantId: string, claim: Parameters<InvoiceStore['recordBonusClaim']>[1]) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      await trx.table('repair_bonus_claims').insert(
        tenantDb.owned({
          invoice_id: claim.invoiceId,
          job_id: claim.jobId,
          eco_organism: claim.ecoOrganism,
          amount_cents: claim.amountCents,
          status: claim.missing.length > 0 ? 'incomplete' : 'eligible',
          data: JSON.stringify(claim.data),
          missing: claim.missing,
        })
      )
    })
  }
}
