import type { ApplicationService } from '@adonisjs/core/types'
import { DocumentMailer, DocumentSends } from '#core/application/document_mail'
import { AuditLog } from '#core/application/audit_log'
import { UnitOfWork } from '#core/application/unit_of_work'
import { SeatRegistry } from '#core/application/seat_registry'
import { StaffAccounts } from '#core/application/staff_accounts'
import { AccountMailer, PasswordResetTokens } from '#core/application/password_resets'
import { PdfRenderer } from '#core/application/pdf_renderer'
import { FileStorage } from '#core/application/file_storage'
import { DocumentSettingsRepository } from '#core/application/document_settings'
import { DocumentIdentities } from '#core/application/document_identity'
import { DocumentPrinter } from '#core/application/document_printer'

/** Composition root of the platform kernel: binds its ports to the PostgreSQL adapters. */
export default class CoreProvider {
  /** Set once something printed: shutdown closes its browser. */
  private pdfRenderer: PdfRenderer | null = null

  constructor(protected app: ApplicationService) {}

  register() {
    this.app.container.singleton(DocumentMailer, async () => {
      const { AdonisDocumentMailer } = await import('#core/adapters/mail/adonis_document_mailer')
      const { default: notifications } = await import('#config/notifications')
      return new AdonisDocumentMailer(notifications.mail.fromAddress)
    })
    this.app.container.singleton(DocumentSends, async () => {
      const { LucidDocumentSends } = await import('#core/adapters/lucid/lucid_document_sends')
      return new LucidDocumentSends()
    })
    this.app.container.singleton(UnitOfWork, async () => {
      const { LucidUnitOfWork } = await import('#core/adapters/lucid/tenant_transaction')
      return new LucidUnitOfWork()
    })
    this.app.container.singleton(AuditLog, async () => {
      const { LucidAuditLog } = await import('#core/adapters/lucid/lucid_audit_log')
      return new LucidAuditLog()
    })
    this.app.container.singleton(SeatRegistry, async () => {
      const { LucidSeatRegistry } = await import('#core/adapters/lucid/lucid_seat_registry')
      const settings = this.app.config.get<{ seatIdleMinutes: number }>('agoserve')
      return new LucidSeatRegistry(settings.seatIdleMinutes)
    })

    this.app.container.singleton(StaffAccounts, async () => {
      const { LucidStaffAccounts } = await import('#core/adapters/lucid/lucid_staff_accounts')
      return new LucidStaffAccounts()
    })
    this.app.container.singleton(PasswordResetTokens, async () => {
      const { LucidPasswordResetTokens } =
        await import('#core/adapters/lucid/lucid_password_reset_tokens')
      return new LucidPasswordResetTokens()
    })
    this.app.container.singleton(AccountMailer, async () => {
      const { AdonisAccountMailer } = await import('#core/adapters/mail/adonis_account_mailer')
      return new AdonisAccountMailer()
    })

    this.app.container.singleton(PdfRenderer, async () => {
      const { PuppeteerPdfRenderer } = await import('#core/adapters/pdf/puppeteer_pdf_renderer')
      const { chromiumArgs, requireChromium } = await import('#config/browser')
      const settings = this.app.config.get<{ concurrency: number; timeoutMs: number }>('pdf')
      this.pdfRenderer = new PuppeteerPdfRenderer({
        executablePath: requireChromium,
        args: chromiumArgs,
        ...settings,
      })
      return this.pdfRenderer
    })
    this.app.container.singleton(DocumentPrinter, async (resolver) => {
      const { EdgeDocumentPrinter } = await import('#core/adapters/pdf/edge_document_printer')
      return new EdgeDocumentPrinter(
        await resolver.make(PdfRenderer),
        this.app.makePath('resources/css/document.css'),
        this.app.inProduction
      )
    })
    this.app.container.singleton(FileStorage, async () => {
      const { LocalDiskStorage } = await import('#core/adapters/storage/local_disk_storage')
      return new LocalDiskStorage(this.app.config.get<string>('storage.root'))
    })
    this.app.container.singleton(DocumentSettingsRepository, async () => {
      const { LucidDocumentSettings } = await import('#core/adapters/lucid/lucid_document_settings')
      return new LucidDocumentSettings()
    })
    this.app.container.singleton(DocumentIdentities, async (resolver) => {
      const { LucidDocumentIdentities } =
        await import('#core/adapters/lucid/lucid_document_identities')
      return resolver.make(LucidDocumentIdentities)
    })
  }

  async boot() {
    // pg returns `date` columns as local-midnight Date objects; business dates stay strings.
    const { default: pg } = await import('pg')
    pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value)
    pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value))
  }

  async shutdown() {
    await this.pdfRenderer?.close()
  }
}
