import vine from '@vinejs/vine'
import type { HttpContext } from '@adonisjs/core/http'
import { optionalText } from '#core/http/vine_rules'
import { documentIssuer } from '#core/http/documents'
import {
  SendDocument,
  DocumentSends,
  type MailedDocumentKind,
} from '#core/application/document_mail'

/** Where to e-mail a document: the customer's address by default, any address typed. */
export const documentMailValidator = vine.create({
  to: vine.string().trim().toLowerCase().email().maxLength(254),
  message: optionalText(2000),
})

/**
 * E-mails a document from its page: the shop's name as sender, answers to the shop, the text in
 * the user's language (`intro` says what it is, `link` an optional call to action, `note` a last
 * line), the PDF attached; the attempt is recorded on the document and flashed.
 */
export async function mailDocument(
  ctx: HttpContext,
  input: {
    document: { kind: MailedDocumentKind; id: string }
    to: string
    toName: string
    message: string | null
    subject: string
    intro: string
    link?: { label: string; url: string } | null
    note?: string | null
    pdf: Uint8Array
    filename: string
  }
) {
  const issuer = await documentIssuer(ctx)
  const data = {
    shop: issuer.legalName,
    phone: issuer.phone,
    intro: input.intro,
    message: input.message,
    link: input.link ?? null,
    note: input.note ?? null,
  }
  const send = await ctx.containerResolver.make(SendDocument)
  const sent = await send.execute({
    tenantId: ctx.tenantDb!.tenantId,
    document: input.document,
    sender: { userId: ctx.auth.user!.id, name: ctx.auth.user!.fullName },
    mail: {
      to: input.to,
      toName: input.toName,
      fromName: issuer.legalName,
      replyTo: issuer.email,
      subject: input.subject,
      html: await ctx.view.render('emails/document', data),
      text: await ctx.view.render('emails/document_text', data),
      attachment: {
        filename: input.filename.toLowerCase().endsWith('.pdf')
          ? input.filename
          : `${input.filename}.pdf`,
        content: input.pdf,
      },
    },
  })
  ctx.session.flash(
    sent.ok ? 'success' : 'error',
    ctx.i18n.t(sent.ok ? 'documents.mail.sent_flash' : 'documents.mail.failed_flash', {
      to: input.to,
    })
  )
  return sent.ok
}

/** The e-mails that carried a document, newest first, for its page. */
export async function documentSends(ctx: HttpContext, kind: MailedDocumentKind, id: string) {
  const sends = await ctx.containerResolver.make(DocumentSends)
  return sends.of(ctx.tenantDb!.tenantId, kind, id)
}
