import type { ApplicationService } from '@adonisjs/core/types'
import { bindPayments } from '#invoicing/payments_bindings'
import { InvoiceStore } from '#invoicing/application/invoice_store'
import { DeliveryNoteStore } from '#invoicing/application/delivery_note_store'
import { EInvoicing } from '#invoicing/application/e_invoicing'
import { InvoicingRunQueue, InvoicingRuns } from '#invoicing/application/invoicing_runs'
import { InvoiceDocuments, InvoicePdfs } from '#invoicing/application/keep_invoice_pdf'

/** Composition root of the invoicing module: invoices, credit notes, payments, e-invoicing. */
export default class InvoicingProvider {
  constructor(protected app: ApplicationService) {}

  /** The customer's access request includes their invoices. */
  async boot() {
    const { registerPersonalDataSection } =
      await import('#core/adapters/lucid/personal_data_sections')
    const { invoicesOfCustomer } = await import('#invoicing/adapters/lucid/invoice_personal_data')
    registerPersonalDataSection('invoices', invoicesOfCustomer)
  }

  register() {
    this.app.container.singleton(InvoiceStore, async () => {
      const { LucidInvoiceStore } = await import('#invoicing/adapters/lucid/lucid_invoice_store')
      return new LucidInvoiceStore()
    })
    this.app.container.singleton(DeliveryNoteStore, async () => {
      const { LucidDeliveryNotes } = await import('#invoicing/adapters/lucid/lucid_delivery_notes')
      return new LucidDeliveryNotes()
    })
    this.app.container.singleton(EInvoicing, async () => {
      const { FacturXEInvoicing } = await import('#invoicing/adapters/facturx/facturx_e_invoicing')
      return new FacturXEInvoicing()
    })
    bindPayments(this.app)
    this.bindRuns()
  }

  /** Batch invoicing: runs, their queue, and the kept Factur-X of issued invoices. */
  private bindRuns() {
    this.app.container.singleton(InvoicingRuns, async () => {
      const { LucidInvoicingRuns } = await import('#invoicing/adapters/lucid/lucid_invoicing_runs')
      return new LucidInvoicingRuns()
    })
    this.app.container.singleton(InvoiceDocuments, async () => {
      const { LucidInvoiceDocuments } =
        await import('#invoicing/adapters/lucid/lucid_invoice_documents')
      return new LucidInvoiceDocuments()
    })
    this.app.container.singleton(InvoicePdfs, async (resolver) => {
      const { PrintedInvoicePdfs } = await import('#invoicing/adapters/invoice_pdf')
      const { DocumentPrinter } = await import('#core/application/document_printer')
      const { DocumentIdentities } = await import('#core/application/document_identity')
      const { default: i18nManager } = await import('@adonisjs/i18n/services/main')
      return new PrintedInvoicePdfs(
        await resolver.make(DocumentPrinter),
        await resolver.make(EInvoicing),
        await resolver.make(DocumentIdentities),
        i18nManager.defaultLocale
      )
    })
    this.app.container.singleton(InvoicingRunQueue, async () => {
      const { InvoicingRunJobs } = await import('#invoicing/adapters/pg_boss/invoicing_run_jobs')
      const { platformDatabaseUrl } = await import('#config/database')
      return new InvoicingRunJobs({
        connectionString: platformDatabaseUrl(),
        logger: await this.app.container.make('logger'),
        schedule: this.app.getEnvironment() === 'web',
      })
    })
  }

  async ready() {
    const { startInvoicingRunWorker } =
      await import('#invoicing/adapters/pg_boss/invoicing_run_jobs')
    await startInvoicingRunWorker(this.app)
  }

  async shutdown() {
    const { stopInvoicingRunWorker } =
      await import('#invoicing/adapters/pg_boss/invoicing_run_jobs')
    await stopInvoicingRunWorker(this.app)
  }
}
