import { inject } from '@adonisjs/core'
import { fail, ok, type Result } from '#core/domain/result'
import { UnitOfWork } from '#core/application/unit_of_work'
import { CustomerRegister } from '#referentials/application/customer_register'
import { RepairJobs, type Actor, type LockedJob } from '#interventions/application/repair_jobs'
import { invoiceTotals, type InvoicePayer } from '#invoicing/domain/invoice'
import { invoiceGroups, type JobInvoiceGroup } from '#invoicing/domain/job_invoices'
import {
  missingClaimFields,
  repairBonus,
  type BonusClaimData,
} from '#invoicing/domain/repair_bonus'
import {
  InvoiceStore,
  invoiceDraft,
  type InvoicingSettings,
} from '#invoicing/application/invoice_store'
import { parisToday } from '#core/domain/paris_today'
import { IssueInvoice, type IssuedInvoice } from '#invoicing/application/issue_invoice'

export type InvoiceJobFailure =
  | { type: 'not_found' }
  | { type: 'not_delivered'; status: string }
  | { type: 'nothing_to_invoice' }
  | { type: 'already_invoiced'; payer: InvoicePayer }
  | { type: 'no_billing_account'; payer: InvoicePayer }

/** The invoices a job produced, one per payer, in the order customer, manufacturer, principal. */
export interface JobInvoices {
  jobNumber: string
  invoices: (IssuedInvoice & { payer: InvoicePayer })[]
  /** The principal's share waits for its monthly invoice (setting `principalsMonthly`). */
  principalDeferred: boolean
}

/** The timeline's comment when the principal's share waits for the month's invoice. */
const DEFERRED_COMMENT = "part du donneur d'ordre : facture mensuelle"

/** Thrown inside the transaction to roll back what the job's earlier payers got. */
class Abandon {
  constructor(readonly failure: InvoiceJobFailure) {}
}

/**
 * Invoices a delivered job: one invoice per payer (customer, manufacturer under warranty,
 * principal), each issued and numbered, the repair bonus deducted on the customer's when the
 * repair fund pays a share, and the job moved to "invoiced" — all in one transaction. The
 * job-and-payer key makes a second run (a double click, the batch on another instance) a no-op
 * that reports the job as already invoiced.
 */
@inject()
export class InvoiceJob {
  constructor(
    private jobs: RepairJobs,
    private invoices: InvoiceStore,
    private customers: CustomerRegister,
    private issue: IssueInvoice,
    private unitOfWork: UnitOfWork
  ) {}

  async execute(input: {
    tenantId: string
    jobId: string
    actor: Actor
  }): Promise<Result<JobInvoices, InvoiceJobFailure>> {
    try {
      const outcome = await this.unitOfWork.run(input.tenantId, () =>
        this.jobs.change(input.tenantId, input.jobId, input.actor, (locked, changes) =>
          this.invoiceLocked(input, locked).then(async (result) => {
            if (result.ok) {
              const numbers = result.value.invoices.map((invoice) => invoice.number)
              if (result.value.principalDeferred) numbers.push(DEFERRED_COMMENT)
              await changes.setStatus('invoiced', numbers.join(', '))
            }
            return result
          })
        )
      )
      return outcome ?? fail({ type: 'not_found' })
    } catch (error) {
      if (error instanceof Abandon) return { ok: false, ...error.failure }
      throw error
    }
  }

  private async invoiceLocked(
    { tenantId, actor }: { tenantId: string; actor: Actor },
    { job, lines }: LockedJob
  ): Promise<Result<JobInvoices, InvoiceJobFailure>> {
    if (job.status !== 'delivered') return fail({ type: 'not_delivered', status: job.status })
    const groups = invoiceGroups(
      lines.map((line) => ({
        id: line.id,
        kind: line.kind,
        articleId: line.articleId,
        label: line.label,
        quantity: line.quantity,
        unitPriceExclVatCents: line.unitPriceExclVatCents,
        ecoParticipationCents: line.ecoParticipationCents,
        vatRate: line.vatRate,
        payer: line.payer,
      }))
    )
    if (groups.length === 0) return fail({ type: 'nothing_to_invoice' })
    const settings = await this.invoices.settings(tenantId)
    // The principal's share goes on its monthly invoice (`InvoicePrincipalsMonthly`); a job with
    // only principal lines is still handed over to invoicing, with no invoice of its own now.
    const principalDeferred =
      settings.principalsMonthly && groups.some((group) => group.payer === 'principal')
    const invoices: JobInvoices['invoices'] = []
    for (const group of groups) {
      if (principalDeferred && group.payer === 'principal') continue
      const buyerId = group.payer === 'customer' ? job.customerId : job.principalId
      if (!buyerId) throw new Abandon({ type: 'no_billing_account', payer: group.payer })
      const bonus = group.bonusRequested
        ? await this.bonusFor(tenantId, job, group, settings)
        : null
      const id = await this.invoices.createDraft(
        tenantId,
        invoiceDraft({
          customerId: buyerId,
          payer: group.payer,
          jobId: job.id,
          purchaseOrderRef: group.payer === 'customer' ? null : job.principalReference,
          bonus: bonus && { cents: bonus.amountCents, ecoOrganism: settings.bonusEcoOrganism },
          lines: group.lines,
        }),
        actor.userId
      )
      if (!(await this.invoices.claimJob(tenantId, job.id, group.payer, id))) {
        throw new Abandon({ type: 'already_invoiced', payer: group.payer })
      }
      const issued = await this.issue.issueLocked({ tenantId, invoiceId: id, userId: actor.userId })
      if (!issued.ok) throw new Error(`A job's invoice could not be issued: ${issued.type}`)
      if (bonus) {
        const data = { ...bonus.claim, invoiceNumber: issued.value.number }
        await this.invoices.recordBonusClaim(tenantId, {
          invoiceId: id,
          jobId: job.id,
          ecoOrganism: settings.bonusEcoOrganism,
          amountCents: bonus.amountCents,
          data,
          missing: missingClaimFields(data),
        })
      }
      invoices.push({ ...issued.value, payer: group.payer })
    }
    return ok({ jobNumber: job.number, invoices, principalDeferred })
  }

  /** The bonus the customer's invoice deducts, with what its claim needs; null when none applies. */
  private async bonusFor(
    tenantId: string,
    job: LockedJob['job'],
    group: JobInvoiceGroup,
    settings: InvoicingSettings
  ) {
    const [appliance, customer] = await Promise.all([
      job.applianceId ? this.customers.appliance(tenantId, job.applianceId) : null,
      this.customers.customer(tenantId, job.customerId),
    ])
    const totals = invoiceTotals('invoice', group.lines)
    const bonus = repairBonus({
      labelled: settings.qualireparLabelled,
      applianceType: appliance?.applianceType ?? null,
      underWarranty: job.warrantyStatus !== 'none',
      inclVatCents: totals.inclVatCents,
    })
    if (!bonus.ok) return null
    const claim: BonusClaimData = {
      brand: appliance?.brandName ?? null,
      applianceType: appliance?.applianceType ?? null,
      model: appliance?.modelReference ?? null,
      serialNumber: appliance?.serialNumber ?? null,
      symptom: job.symptoms,
      customerLastName: customer?.displayName ?? null,
      customerFirstName: null,
      customerEmail: customer?.email ?? null,
      customerMobile: customer?.mobile ?? null,
      postcode: customer?.postcode ?? null,
      city: customer?.city ?? null,
      repairDate: parisToday(),
      invoiceNumber: '',
      invoiceInclVatCents: totals.inclVatCents,
      parts: group.lines
        .filter((line) => line.kind === 'article')
        .map((line) => ({ label: line.label, exclVatCents: line.unitPriceCents })),
      jobNumber: job.number,
    }
    return { amountCents: bonus.amountCents, claim }
  }
}
