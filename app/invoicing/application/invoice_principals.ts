import { inject } from '@adonisjs/core'
import { fail, ok, type Result } from '#core/domain/result'
import { parisToday } from '#core/domain/paris_today'
import { UnitOfWork } from '#core/application/unit_of_work'
import {
  RepairJobs,
  type Actor,
  type PrincipalShareToInvoice,
} from '#interventions/application/repair_jobs'
import {
  dayAfterMonth,
  previousMonth,
  principalMonthlyLines,
  sharesByPrincipal,
  type PrincipalShare,
} from '#invoicing/domain/job_invoices'
import { InvoiceStore, invoiceDraft } from '#invoicing/application/invoice_store'
import { IssueInvoice } from '#invoicing/application/issue_invoice'

/** Jobs read per query; a month of a busy shop is a few hundred. */
const PAGE = 1000

/** One principal's invoice for the month. */
export interface PrincipalInvoice {
  id: string
  number: string
  principalId: string
  jobNumbers: string[]
}

export interface PrincipalsInvoiced {
  month: string
  invoices: PrincipalInvoice[]
  /** Principals whose invoice could not be issued (their jobs stay due for the next run). */
  failures: Array<{ principalId: string; reason: string }>
}

export type InvoicePrincipalsFailure = { type: 'future_month' }

const shareOf = (share: PrincipalShareToInvoice): PrincipalShare => ({
  ...share,
  lines: share.lines.map((line) => ({
    id: line.id,
    kind: line.kind,
    articleId: line.articleId,
    label: line.label,
    quantity: line.quantity,
    unitPriceExclVatCents: line.unitPriceExclVatCents,
    ecoParticipationCents: line.ecoParticipationCents,
    vatRate: line.vatRate,
    payer: line.payer,
  })),
})

/**
 * Invoices each principal once for its shares of the jobs handed back up to the end of a month
 * (the previous one by default), shares left over from earlier months included: one invoice per
 * principal, a text line heading each job's lines. Each principal's invoice is one transaction
 * that claims its jobs in `invoiced_jobs` (payer principal) before issuing: a job another run or
 * a click claimed first is left out, so nothing is invoiced twice and a rerun issues nothing.
 */
@inject()
export class InvoicePrincipalsMonthly {
  constructor(
    private jobs: RepairJobs,
    private invoices: InvoiceStore,
    private issue: IssueInvoice,
    private unitOfWork: UnitOfWork
  ) {}

  async execute(input: {
    tenantId: string
    month?: string | null
    actor: Actor
  }): Promise<Result<PrincipalsInvoiced, InvoicePrincipalsFailure>> {
    const today = parisToday()
    const month = input.month || previousMonth(today)
    if (month > today.slice(0, 7)) return fail({ type: 'future_month' })
    const deliveredBefore = dayAfterMonth(month)
    const outcome: PrincipalsInvoiced = { month, invoices: [], failures: [] }
    const failed = new Set<string>()

    for (;;) {
      const page = await this.jobs.principalSharesToInvoice(input.tenantId, {
        deliveredBefore,
        limit: PAGE,
      })
      let groups = sharesByPrincipal(
        page.filter((share) => !failed.has(share.principalId)).map(shareOf)
      )
      // A full page may cut the last principal's jobs short: it waits for the next page.
      if (page.length === PAGE && groups.length > 1) groups = groups.slice(0, -1)
      if (groups.length === 0) break
      let progressed = false
      for (const group of groups) {
        const result = await this.invoicePrincipal(input.tenantId, group, input.actor)
        if (result.ok) {
          outcome.invoices.push(result.value)
          progressed = true
        } else if (result.type === 'nothing_claimed') {
          // Another run invoiced these jobs meanwhile: they no longer show as due.
          progressed = true
        } else {
          failed.add(group[0].principalId)
          outcome.failures.push({ principalId: group[0].principalId, reason: result.type })
        }
      }
      if (!progressed || page.length < PAGE) break
    }
    return ok(outcome)
  }

  /** One principal, one transaction: draft, claims, then the number. */
  private invoicePrincipal(tenantId: string, shares: PrincipalShare[], actor: Actor) {
    const principalId = shares[0].principalId
    return this.unitOfWork.run(
      tenantId,
      async (): Promise<Result<PrincipalInvoice, { type: string }>> => {
        const id = await this.invoices.createDraft(
          tenantId,
          invoiceDraft({
            customerId: principalId,
            payer: 'principal',
            lines: principalMonthlyLines(shares),
          }),
          actor.userId
        )
        const claimed: PrincipalShare[] = []
        for (const share of shares) {
          if (await this.invoices.claimJob(tenantId, share.jobId, 'principal', id)) {
            claimed.push(share)
          }
        }
        // A failed result rolls the draft back with the unit of work.
        if (claimed.length === 0) return fail({ type: 'nothing_claimed' })
        if (claimed.length < shares.length) {
          await this.invoices.updateDraft(tenantId, id, {
            purchaseOrderRef: null,
            serviceDate: null,
            notes: null,
            lines: principalMonthlyLines(claimed),
          })
        }
        const issued = await this.issue.issueLocked({
          tenantId,
          invoiceId: id,
          userId: actor.userId,
        })
        if (!issued.ok) return fail({ type: issued.type })
        return ok({
          id,
          number: issued.value.number,
          principalId,
          jobNumbers: claimed.map((share) => share.jobNumber),
        })
      }
    )
  }
}
