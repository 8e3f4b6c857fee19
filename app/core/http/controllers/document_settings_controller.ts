import { readFile } from 'node:fs/promises'
import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { urlFor } from '@adonisjs/core/services/url_builder'
import {
  DocumentSettingsRepository,
  RemoveDocumentLogo,
  ReplaceDocumentLogo,
} from '#core/application/document_settings'
import { MAX_FOOTER_TEXT, MAX_LEGAL_MENTIONS } from '#core/domain/document_settings'
import { uploadLimits, uploadRefusalKey } from '#core/domain/uploads'
import { documentIssuer, renderDocumentHtml, sendDocumentPdf } from '#core/http/documents'
import { documentSettingsValidator } from '#core/http/document_settings_validator'
import { sendDocumentHtml } from '#core/http/pdf_response'
import { sampleDocument } from '#core/http/sample_document'

/** The manager's page for what every printed document carries: logo, mentions, colour. */
export default class DocumentSettingsController {
  async edit(ctx: HttpContext) {
    await ctx.bouncer.authorize('permission', 'documents.manage')
    const issuer = await documentIssuer(ctx)
    return ctx.view.render('pages/settings/documents', {
      settings: issuer,
      logoDataUrl: issuer.logoDataUrl,
      logoLimits: uploadLimits('logo'),
      maxLegalMentions: MAX_LEGAL_MENTIONS,
      maxFooterText: MAX_FOOTER_TEXT,
      action: urlFor('settings.documents.update'),
      removeLogoAction: urlFor('settings.documents.removeLogo'),
      previewUrl: urlFor('settings.documents.preview'),
    })
  }

  @inject()
  async update(
    ctx: HttpContext,
    settings: DocumentSettingsRepository,
    replaceLogo: ReplaceDocumentLogo
  ) {
    await ctx.bouncer.authorize('permission', 'documents.manage')
    const input = await ctx.request.validateUsing(documentSettingsValidator)
    const tenantId = ctx.tenantDb!.tenantId
    if (input.logo) {
      const result = await replaceLogo.execute({
        tenantId,
        content: await readFile(input.logo.tmpPath!),
        declaredType: input.logo.headers['content-type'] ?? null,
        fileName: input.logo.clientName,
      })
      if (!result.ok) {
        // Refused as a whole: the texts typed with it are shown again, not saved.
        ctx.session.flashExcept(['_csrf', 'logo'])
        ctx.session.flash('inputErrorsBag', {
          logo: [ctx.i18n.t(uploadRefusalKey(result.type), uploadLimits('logo'))],
        })
        return ctx.response.redirect().toRoute('settings.documents.edit')
      }
    }
    await settings.saveTexts(tenantId, {
      legalMentions: input.legal_mentions ?? null,
      footerText: input.footer_text ?? null,
      accentColor: input.accent_color,
    })
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
    return sendDocumentPdf(ctx, 'documents/sample', sampleDocument(ctx.i18n), {
      filename: ctx.i18n.t('documents.sample.filename'),
    })
  }

  /** The same sample as the browser's print page. */
  async previewHtml(ctx: HttpContext) {
    await ctx.bouncer.authorize('permission', 'documents.manage')
    return sendDocumentHtml(
      ctx,
      await renderDocumentHtml(ctx, 'documents/sample', sampleDocument(ctx.i18n))
    )
  }
}
