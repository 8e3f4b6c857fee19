import { inject } from '@adonisjs/core'
import { fail, type Result } from '#core/domain/result'
import { UnitOfWork } from '#core/application/unit_of_work'
import { cancellingLines } from '#invoicing/domain/invoice'
import { InvoiceStore, invoiceDraft } from '#invoicing/application/invoice_store'
import { DeliveryNoteStore } from '#invoicing/application/delivery_note_store'
import { IssueInvoice, type IssuedInvoice } from '#invoicing/application/issue_invoice'

export type CancelFailure =
  | { type: 'not_found' }
  | { type: 'not_issued' }
  | { type: 'is_credit_note' }
  | { type: 'already_cancelled'; creditNoteId: string }

/**
 * Cancels an issued invoice the only lawful way: a credit note of the same lines, negated, in the
 * credit notes' own series, naming the invoice it corrects (COMPLIANCE §3.1). The invoice itself
 * never changes; a job or the delivery notes it billed may then be invoiced again.
 */
@inject()
export class CancelInvoice {
  constructor(
    private invoices: InvoiceStore,
    private deliveryNotes: DeliveryNoteStore,
    private issue: IssueInvoice,
    private unitOfWork: UnitOfWork
  ) {}

  execute(input: {
    tenantId: string
    invoiceId: string
    userId: string | null
    reason: string | null
  }): Promise<Result<IssuedInvoice, CancelFailure>> {
    const { tenantId, invoiceId, userId } = input
    return this.unitOfWork.run(tenantId, async () => {
      const original = await this.invoices.locked(tenantId, invoiceId)
      if (!original) return fail({ type: 'not_found' })
      if (original.status !== 'issued') return fail({ type: 'not_issued' })
      if (original.kind === 'credit_note') return fail({ type: 'is_credit_note' })
      const existing = await this.invoices.creditNoteOf(tenantId, invoiceId)
      if (existing) return fail({ type: 'already_cancelled', creditNoteId: existing })
      const id = await this.invoices.createDraft(
        tenantId,
        invoiceDraft({
          kind: 'credit_note',
          customerId: original.customerId,
          payer: original.payer,
          jobId: original.jobId,
          correctsInvoiceId: original.id,
          purchaseOrderRef: original.purchaseOrderRef,
          serviceDate: original.serviceDate,
          notes: input.reason,
          deliveryAddress: original.deliveryAddress,
          prepaidCents: original.prepaidCents,
          bonus:
            original.bonusCents > 0 && original.bonusEcoOrganism
              ? { cents: original.bonusCents, ecoOrganism: original.bonusEcoOrganism }
              : null,
          lines: cancellingLines(original.lines),
          priceBasis: original.priceBasis,
        }),
        userId
      )
      const issued = await this.issue.issueLocked({ tenantId, invoiceId: id, userId })
      if (!issued.ok) throw new Error(`A credit note could not be issued: ${issued.type}`)
      await this.invoices.releaseSources(tenantId, original.id)
      await this.deliveryNotes.releaseInvoice(tenantId, original.id)
      return issued
    })
  }
}
