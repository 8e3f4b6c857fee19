import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

/** A repair job's printed documents: the intake receipt (A4 and 80 mm ticket) and the report. */
export function jobDocumentRoutes() {
  const documents = controllers.interventions.JobDocuments
  router
    .group(() => {
      router.get('/:id/intake-receipt', [documents, 'intakeReceipt']).as('intakeReceipt')
      router.get('/:id/intake-receipt.pdf', [documents, 'intakeReceiptPdf']).as('intakeReceiptPdf')
      router.get('/:id/intake-ticket.pdf', [documents, 'intakeTicketPdf']).as('intakeTicketPdf')
      router.get('/:id/report', [documents, 'report']).as('report')
      router.get('/:id/report.pdf', [documents, 'reportPdf']).as('reportPdf')
    })
    .prefix('/jobs')
    .as('job_documents')
    .where('id', router.matchers.uuid())
    .use([middleware.auth(), middleware.tenant()])
}
