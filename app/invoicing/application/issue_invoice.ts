import { inject } from '@adonisjs/core'
import { parisToday } from '#core/domain/paris_today'
import { fail, ok, type Result } from '#core/domain/result'
import { DocumentIdentities, type DocumentIdentity } from '#core/application/document_identity'
import { UnitOfWork } from '#core/application/unit_of_work'
import { centsToInput } from '#core/domain/money'
import { CustomerRegister, type CustomerSummary } from '#referentials/application/customer_register'
import {
  dueDate,
  franchiseLines,
  invoiceNumber,
  invoiceTotals,
  natureOf,
  seriesOf,
  sirenOf,
} from '#invoicing/domain/invoice'
import { RegisterJournal } from '#trade/application/register_journal'
import { invoicePayload } from '#trade/domain/register_records'
import {
  InvoiceStore,
  type BuyerSnapshot,
  type SellerSnapshot,
} from '#invoicing/application/invoice_store'

export type IssueFailure =
  | { type: 'not_found' }
  | { type: 'already_issued' }
  | { type: 'no_lines' }
  | { type: 'unknown_buyer' }

/** A draft numbered and frozen: what the caller shows and links to. */
export interface IssuedInvoice {
  id: string
  number: string
}

/**
 * Validates a draft: it takes the next number of its series for the year inside the transaction
 * that freezes it (COMPLIANCE §3.2), with the buyer's and the shop's identity as they are today,
 * its totals computed once, and its due date from the shop's terms. Called alone or from the use
 * cases that make and issue invoices in one go (a job, a credit note).
 */
@inject()
export class IssueInvoice {
  constructor(
    private invoices: InvoiceStore,
    private customers: CustomerRegister,
    private identities: DocumentIdentities,
    private journal: RegisterJournal,
    private unitOfWork: UnitOfWork
  ) {}

  execute(input: {
    tenantId: string
    invoiceId: string
    userId: string | null
  }): Promise<Result<IssuedInvoice, IssueFailure>> {
    return this.unitOfWork.run(input.tenantId, () => this.issueLocked(input))
  }

  /** The same, inside the caller's unit of work. */
  async issueLocked({
    tenantId,
    invoiceId,
    userId,
  }: {
    tenantId: string
    invoiceId: string
    userId: string | null
  }): Promise<Result<IssuedInvoice, IssueFailure>> {
    const draft = await this.invoices.locked(tenantId, invoiceId)
    if (!draft) return fail({ type: 'not_found' })
    if (draft.status !== 'draft') return fail({ type: 'already_issued' })
    if (!draft.lines.some((line) => line.kind !== 'text')) return fail({ type: 'no_lines' })
    const customer = await this.customers.customer(tenantId, draft.customerId)
    if (!customer) return fail({ type: 'unknown_buyer' })

    const [settings, identity] = await Promise.all([
      this.invoices.settings(tenantId),
      this.identities.forTenant(tenantId),
    ])
    const issuedOn = parisToday()
    const year = Number(issuedOn.slice(0, 4))
    const series = seriesOf(draft.kind)
    const sequence = await this.invoices.nextSequence(tenantId, series, year)
    const prefix = draft.kind === 'credit_note' ? settings.creditNotePrefix : settings.invoicePrefix
    const number = invoiceNumber(prefix, year, sequence)
    const buyer = buyerSnapshot(customer)
    const seller = sellerSnapshot(identity)
    // A shop under the VAT franchise charges none: its lines become exempt before they freeze.
    const lines = seller.vatFranchise ? franchiseLines(draft.lines) : draft.lines
    if (seller.vatFranchise) {
      await this.invoices.updateDraft(tenantId, invoiceId, {
        purchaseOrderRef: draft.purchaseOrderRef,
        serviceDate: draft.serviceDate,
        notes: draft.notes,
        lines,
      })
    }
    const totals = invoiceTotals(draft.kind, lines, {
      prepaidCents: draft.prepaidCents,
      bonusCents: draft.bonusCents,
      basis: draft.priceBasis,
    })
    const issuedAt = new Date()
    await this.invoices.issue(tenantId, invoiceId, {
      number,
      issuedAt,
      series,
      sequence,
      issuedOn,
      buyer,
      seller,
      dueOn: dueDate(issuedOn, buyer.business, {
        days: seller.paymentTermsDays,
        endOfMonth: seller.paymentTermsEndOfMonth,
      }),
      paymentTerms: buyer.business ? seller.earlyPaymentText : null,
      nature: natureOf(lines),
      totals,
      issuedBy: userId,
    })
    // Chained and signed with the tickets (COMPLIANCE §5), in the same transaction.
    await this.journal.record(tenantId, {
      kind: 'invoice',
      reference: number,
      subjectId: invoiceId,
      payload: invoicePayload({
        number,
        issuedAt,
        documentType: draft.kind === 'credit_note' ? 'credit_note' : 'invoice',
        totalInclVatCents: totals.inclVatCents,
        rates: totals.rates.map((rate) => ({
          vatRate: rate.vatRate,
          exclVatCents: rate.baseCents,
          vatCents: rate.vatCents,
        })),
      }),
    })
    return ok({ id: invoiceId, number })
  }
}

/** A company, or anyone with a SIRET, buys as a business (B2B mentions, payment terms). */
export function buyerSnapshot(customer: CustomerSummary): BuyerSnapshot {
  return {
    name: customer.displayName,
    business: customer.kind === 'company' || Boolean(customer.siret),
    siren: sirenOf(customer.siret),
    siret: customer.siret,
    vatNumber: customer.vatNumber,
    email: customer.email,
    address: {
      line1: customer.addressLine1,
      line2: customer.addressLine2,
      postcode: customer.postcode,
      city: customer.city,
      country: customer.country || 'FR',
    },
  }
}

export function sellerSnapshot(identity: DocumentIdentity): SellerSnapshot {
  return {
    name: identity.legalName,
    addressLines: identity.addressLines,
    address: identity.address,
    siren: identity.siren,
    siret: identity.siret,
    vatNumber: identity.vatNumber,
    email: identity.email,
    phone: identity.phone,
    legalInformation: legalInformation(identity),
    iban: identity.iban,
    bic: identity.bic,
    vatFranchise: identity.vatFranchise,
    vatOnDebits: identity.vatOnDebits,
    paymentTermsDays: identity.paymentTermsDays,
    paymentTermsEndOfMonth: identity.paymentTermsEndOfMonth,
    earlyPaymentText: identity.earlyPaymentText,
    latePenaltyText: identity.latePenaltyText,
  }
}

/** "SARL au capital de 10 000 € · RCS Lyon 732 829 320" (BT-33), from the shop's settings. */
function legalInformation(identity: DocumentIdentity): string | null {
  const parts: string[] = []
  if (identity.legalForm) {
    const capital =
      identity.shareCapitalCents === null
        ? ''
        : ` au capital de ${centsToInput(identity.shareCapitalCents)} €`
    parts.push(`${identity.legalForm.toUpperCase()}${capital}`)
  }
  if (identity.registration && identity.siren) {
    const { kind, city } = identity.registration
    parts.push(
      kind === 'rcs'
        ? `RCS ${city ?? ''} ${identity.siren}`.replace(/\s+/g, ' ')
        : `RNE ${identity.siren}`
    )
  }
  return parts.length > 0 ? parts.join(' · ') : null
}
