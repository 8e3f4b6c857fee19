import { inject } from '@adonisjs/core'
import { Exception } from '@adonisjs/core/exceptions'
import type { HttpContext } from '@adonisjs/core/http'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { sendDocumentPdf, sendPrintPage } from '#core/http/documents'
import { formatDecimal } from '#core/http/format'
import {
  type JobDocument,
  JobDocumentQuery,
} from '#interventions/adapters/lucid/job_document_query'

const INTAKE_RECEIPT = 'interventions/documents/intake_receipt'
const INTAKE_TICKET = 'interventions/documents/intake_ticket'
const REPORT = 'interventions/documents/report'

/** The printed documents of a repair job, for anyone who may follow the shop's jobs. */
export default class JobDocumentsController {
  @inject()
  async intakeReceipt(ctx: HttpContext, query: JobDocumentQuery) {
    const document = await readDocument(ctx, query)
    const id = document.job.id
    return sendJobPrintPage(ctx, INTAKE_RECEIPT, document, [
      { label: 'pdf', href: urlFor('job_documents.intakeReceiptPdf', { id }) },
      { label: 'ticket', href: urlFor('job_documents.intakeTicketPdf', { id }) },
    ])
  }

  @inject()
  async intakeReceiptPdf(ctx: HttpContext, query: JobDocumentQuery) {
    const document = await readDocument(ctx, query)
    return sendDocumentPdf(ctx, INTAKE_RECEIPT, viewData(ctx, document), {
      filename: filename(ctx, 'intake_receipt', document),
    })
  }

  @inject()
  async intakeTicketPdf(ctx: HttpContext, query: JobDocumentQuery) {
    const document = await readDocument(ctx, query)
    return sendDocumentPdf(ctx, INTAKE_TICKET, viewData(ctx, document), {
      filename: filename(ctx, 'intake_ticket', document),
      format: 'receipt80',
    })
  }

  @inject()
  async report(ctx: HttpContext, query: JobDocumentQuery) {
    const document = await readDocument(ctx, query)
    return sendJobPrintPage(ctx, REPORT, document, [
      { label: 'pdf', href: urlFor('job_documents.reportPdf', { id: document.job.id }) },
    ])
  }

  @inject()
  async reportPdf(ctx: HttpContext, query: JobDocumentQuery) {
    const document = await readDocument(ctx, query)
    return sendDocumentPdf(ctx, REPORT, viewData(ctx, document), {
      filename: filename(ctx, 'report', document),
    })
  }
}

/** The job of the signed-in shop, or the 404 page: another shop's job does not exist here. */
async function readDocument(ctx: HttpContext, query: JobDocumentQuery) {
  await ctx.bouncer.authorize('permission', 'jobs.view')
  const document = await query.forJob(ctx.tenantDb!.tenantId, ctx.params.id)
  if (!document) throw new Exception('Repair job not found', { status: 404, code: 'E_NOT_FOUND' })
  return document
}

function viewData(ctx: HttpContext, document: JobDocument) {
  const locale = ctx.i18n.locale
  return {
    document,
    printedAt: new Date(),
    decimal: (value: string) => formatDecimal(value, locale),
  }
}

function filename(ctx: HttpContext, kind: string, document: JobDocument) {
  return ctx.i18n.t(`job_documents.filenames.${kind}`, { number: document.job.number })
}

/** The document as the browser's print page. */
function sendJobPrintPage(
  ctx: HttpContext,
  view: string,
  document: JobDocument,
  links: Array<{ label: string; href: string }>
) {
  return sendPrintPage(ctx, view, viewData(ctx, document), links)
}
