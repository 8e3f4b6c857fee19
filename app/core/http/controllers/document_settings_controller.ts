import { readFile } from 'node:fs/promises'
import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import type { MultipartFile } from '@adonisjs/core/bodyparser'
import { urlFor } from '@adonisjs/core/services/url_builder'
import {
  DocumentSettingsRepository,
  RemoveDocumentLogo,
  SaveDocumentSettings,
} from '#core/application/document_settings'
import { withDocumentSettings } from '#core/application/document_identity'
import { DocumentPrinter } from '#core/application/document_printer'
import {
  DEFAULT_EARLY_PAYMENT_TEXT,
  DEFAULT_LATE_PENALTY_TEXT,
  LEGAL_FORMS,
  MAX_FOOTER_TEXT,
  MAX_HEADER_TEXT,
  MAX_LEGAL_MENTIONS,
  MAX_PAYMENT_DAYS,
  MAX_PAYMENT_DAYS_END_OF_MONTH,
  REGISTRATION_KINDS,
  formatIban,
  type DocumentSettings,
  type EditableDocumentSettings,
} from '#core/domain/document_settings'
import { centsToInput } from '#core/domain/money'
import { checkUpload, SNIFF_BYTES, uploadLimits, uploadRefusalKey } from '#core/domain/uploads'
import { documentIssuer, renderDocumentHtml, sendDocumentPdf } from '#core/http/documents'
import {
  documentPreviewValidator,
  documentSettingsMessages,
  documentSettingsValidator,
  PREVIEW_FIELDS,
} from '#core/http/document_settings_validator'
import { flashFieldErrors } from '#core/http/form_feedback'
import { sendDocumentHtml } from '#core/http/pdf_response'
import { sampleDocument } from '#core/http/sample_document'

type SettingsInput = Awaited<ReturnType<(typeof documentPreviewValidator)['validate']>>

/** What the form sent, as the settings documents read (blank texts fall back to the defaults). */
function settingsFromInput(input: SettingsInput): EditableDocumentSettings {
  const rcs = input.registration_kind === 'rcs'
  return {
    legalMentions: input.legal_mentions ?? null,
    footerText: input.footer_text ?? null,
    headerText: input.header_text ?? null,
    accentColor: input.accent_color,
    legalForm: input.legal_form ?? null,
    // amountRule turned the typed amount into cents.
    shareCapitalCents:
      input.share_capital === null || input.share_capital === undefined
        ? null
        : Number(input.share_capital),
    registrationKind: input.registration_kind ?? null,
    // The city belongs to the RCS: choosing the RNE forgets it rather than refusing the form.
    registrationCity: rcs ? (input.registration_city ?? null) : null,
    apeCode: input.ape_code ?? null,
    vatFranchise: input.vat_franchise ?? false,
    vatOnDebits: input.vat_on_debits ?? false,
    bankName: input.bank_name ?? null,
    iban: input.iban ?? null,
    bic: input.bic ?? null,
    paymentTermsDays: input.payment_terms_days,
    paymentTermsEndOfMonth: input.payment_terms_end_of_month ?? false,
    earlyPaymentText: input.early_payment_text ?? DEFAULT_EARLY_PAYMENT_TEXT,
    latePenaltyText: input.late_penalty_text ?? DEFAULT_LATE_PENALTY_TEXT,
  }
}

/** Saved settings as the form shows them (and as the preview falls back to, field by field). */
function formValues(settings: EditableDocumentSettings): Record<string, string | boolean | null> {
  return {
    legal_mentions: settings.legalMentions,
    footer_text: settings.footerText,
    header_text: settings.headerText,
    accent_color: settings.accentColor,
    legal_form: settings.legalForm,
    share_capital:
      settings.shareCapitalCents === null ? null : centsToInput(settings.shareCapitalCents),
    registration_kind: settings.registrationKind,
    registration_city: settings.registrationCity,
    ape_code: settings.apeCode,
    vat_franchise: settings.vatFranchise,
    vat_on_debits: settings.vatOnDebits,
    bank_name: settings.bankName,
    iban: settings.iban ? formatIban(settings.iban) : null,
    bic: settings.bic,
    payment_terms_days: String(settings.paymentTermsDays),
    payment_terms_end_of_month: settings.paymentTermsEndOfMonth,
    early_payment_text: settings.earlyPaymentText,
    late_penalty_text: settings.latePenaltyText,
  }
}

/**
 * The preview's reading of a draft: each field that passes the form's rules is shown, any other
 * keeps its saved value, so the sample follows the typing without waiting for a valid form.
 */
async function lenientDraft(fields: Record<string, unknown>, saved: DocumentSettings) {
  const fallback = formValues(saved)
  const data: Record<string, unknown> = Object.fromEntries(
    PREVIEW_FIELDS.map((name) => [name, fields[name]])
  )
  for (let attempt = 0; attempt < 3; attempt++) {
    const [error, value] = await documentPreviewValidator.tryValidate(data)
    if (!error) return settingsFromInput(value)
    for (const { field } of error.messages as Array<{ field: string }>) {
      data[field] = fallback[field] ?? undefined
    }
  }
  return saved
}

async function logoUpload(file: MultipartFile | null | undefined) {
  if (!file?.tmpPath) return null
  return {
    content: new Uint8Array(await readFile(file.tmpPath)),
    declaredType: file.headers['content-type'] ?? null,
    fileName: file.clientName,
  }
}

/** The manager's page for what every printed document carries: logo, legal identity, bank, terms. */
export default class DocumentSettingsController {
  @inject()
  async edit(ctx: HttpContext, repository: DocumentSettingsRepository) {
    await ctx.bouncer.authorize('permission', 'documents.manage')
    const issuer = await documentIssuer(ctx)
    const settings = await repository.find(issuer.tenantId)
    const option = (group: string) => (value: string) => ({
      value,
      label: ctx.i18n.t(`documents.settings.${group}.${value}`),
    })
    return ctx.view.render('pages/settings/documents', {
      values: formValues(settings),
      issuer,
      logoDataUrl: issuer.logoDataUrl,
      logoLimits: uploadLimits('logo'),
      legalForms: LEGAL_FORMS.map(option('legal_forms')),
      registrationKinds: REGISTRATION_KINDS.map(option('registration_kinds')),
      maxLegalMentions: MAX_LEGAL_MENTIONS,
      maxFooterText: MAX_FOOTER_TEXT,
      maxHeaderText: MAX_HEADER_TEXT,
      maxPaymentDays: MAX_PAYMENT_DAYS,
      maxPaymentDaysEndOfMonth: MAX_PAYMENT_DAYS_END_OF_MONTH,
      action: urlFor('settings.documents.update'),
      removeLogoAction: urlFor('settings.documents.removeLogo'),
      previewUrl: urlFor('settings.documents.preview'),
      previewHtmlUrl: urlFor('settings.documents.previewHtml'),
    })
  }

  /** Saves the form; with `intent=preview` (the Preview button, or the page's script) shows it instead. */
  @inject()
  async update(
    ctx: HttpContext,
    save: SaveDocumentSettings,
    repository: DocumentSettingsRepository
  ) {
    await ctx.bouncer.authorize('permission', 'documents.manage')
    if (ctx.request.input('intent') === 'preview') return this.draftPreview(ctx, repository)
    const input = await ctx.request.validateUsing(documentSettingsValidator, {
      messagesProvider: documentSettingsMessages(ctx.i18n),
    })
    const result = await save.execute({
      tenantId: ctx.tenantDb!.tenantId,
      settings: settingsFromInput(input),
      logo: await logoUpload(input.logo),
    })
    if (!result.ok) {
      switch (result.type) {
        case 'invalid':
          flashFieldErrors(
            ctx,
            Object.fromEntries(
              result.problems.map((problem) => [
                problem.field,
                ctx.i18n.t(`documents.problems.${problem.type}`, {
                  max: MAX_PAYMENT_DAYS,
                  maxEndOfMonth: MAX_PAYMENT_DAYS_END_OF_MONTH,
                }),
              ])
            )
          )
          break
        default:
          // A refused logo: the texts typed with it are shown again, not saved.
          flashFieldErrors(ctx, {
            logo: ctx.i18n.t(uploadRefusalKey(result.type), uploadLimits('logo')),
          })
      }
      return ctx.response.redirect().toRoute('settings.documents.edit')
    }
    ctx.session.flash('success', ctx.i18n.t('documents.flash.saved'))
    return ctx.response.redirect().toRoute('settings.documents.edit')
  }

  @inject()
  async removeLogo(ctx: HttpContext, removeLogo: RemoveDocumentLogo) {
    await ctx.bouncer.authorize('permission', 'documents.manage')
    const result = await removeLogo.execute(ctx.tenantDb!.tenantId)
    if (result.ok) ctx.session.flash('success', ctx.i18n.t('documents.flash.logo_removed'))
    else ctx.session.flash('info', ctx.i18n.t('documents.flash.no_logo'))
    return ctx.response.redirect().toRoute('settings.documents.edit')
  }

  /** A sample A4 document with the saved settings, as the PDF every module will print. */
  async preview(ctx: HttpContext) {
    await ctx.bouncer.authorize('permission', 'documents.manage')
    const issuer = await documentIssuer(ctx)
    return sendDocumentPdf(
      ctx,
      'documents/sample',
      sampleDocument(ctx.i18n, { vatFranchise: issuer.vatFranchise }),
      { filename: ctx.i18n.t('documents.sample.filename') }
    )
  }

  /** The same sample as the browser's print page (also the settings page's preview frame). */
  async previewHtml(ctx: HttpContext) {
    await ctx.bouncer.authorize('permission', 'documents.manage')
    const issuer = await documentIssuer(ctx)
    const data = sampleDocument(ctx.i18n, { vatFranchise: issuer.vatFranchise })
    sendDocumentHtml(ctx, await renderDocumentHtml(ctx, 'documents/sample', data))
    this.allowFraming(ctx)
  }

  /** The sample printed with the form's draft, saved nowhere (a chosen logo shown, not stored). */
  private async draftPreview(ctx: HttpContext, repository: DocumentSettingsRepository) {
    const saved = await documentIssuer(ctx)
    const draft = await lenientDraft(ctx.request.all(), await repository.find(saved.tenantId))
    const upload = await logoUpload(ctx.request.file('logo'))
    const checked = upload
      ? checkUpload('logo', {
          head: upload.content.subarray(0, SNIFF_BYTES),
          size: upload.content.byteLength,
          declaredType: upload.declaredType,
          fileName: upload.fileName,
        })
      : null
    const logoDataUrl = checked?.ok
      ? `data:${checked.value.contentType};base64,${Buffer.from(upload!.content).toString('base64')}`
      : saved.logoDataUrl
    const issuer = withDocumentSettings({ ...saved, logoDataUrl }, draft)
    const printer = await ctx.containerResolver.make(DocumentPrinter)
    const html = await printer.html(
      'documents/sample',
      sampleDocument(ctx.i18n, { vatFranchise: issuer.vatFranchise }),
      { locale: ctx.i18n.locale, issuer, format: 'A4' }
    )
    sendDocumentHtml(ctx, html)
    this.allowFraming(ctx)
  }

  /** The settings page frames its preview: its own policy says `frame-ancestors 'self'`. */
  private allowFraming(ctx: HttpContext) {
    ctx.response.removeHeader('x-frame-options')
  }
}
