import { inject } from '@adonisjs/core'
import { fail, ok, type Result } from '#core/domain/result'

export type MailedDocumentKind = 'invoice' | 'quote' | 'delivery_note' | 'order' | 'ticket'

export interface DocumentMail {
  to: string
  toName: string
  /** The shop's name: the customer knows the shop, not the software. */
  fromName: string
  replyTo: string | null
  subject: string
  html: string
  text: string
  attachment: { filename: string; content: Uint8Array }
}

/** Sends a document to its customer, its PDF attached. */
export abstract class DocumentMailer {
  abstract send(
    mail: DocumentMail
  ): Promise<Result<{ providerId: string }, { type: 'send_failed'; error: string }>>
}

export interface DocumentSend {
  recipient: string
  status: 'sent' | 'failed'
  providerId: string | null
  error: string | null
  sentBy: string | null
  sentByName: string | null
  sentAt: Date
}

/** The e-mails that carried a document, kept on it. */
export abstract class DocumentSends {
  abstract record(
    tenantId: string,
    document: { kind: MailedDocumentKind; id: string },
    send: Omit<DocumentSend, 'sentAt'>
  ): Promise<void>
  abstract of(tenantId: string, kind: MailedDocumentKind, id: string): Promise<DocumentSend[]>
}

/**
 * E-mails a document with its PDF attached and records the attempt on it, sent or failed: the shop
 * sees who received which invoice, quote or delivery note, and when.
 */
@inject()
export class SendDocument {
  constructor(
    private mailer: DocumentMailer,
    private sends: DocumentSends
  ) {}

  async execute(input: {
    tenantId: string
    document: { kind: MailedDocumentKind; id: string }
    mail: DocumentMail
    sender: { userId: string | null; name: string | null }
  }): Promise<Result<null, { type: 'send_failed'; error: string }>> {
    const sent = await this.mailer.send(input.mail)
    await this.sends.record(input.tenantId, input.document, {
      recipient: input.mail.to,
      status: sent.ok ? 'sent' : 'failed',
      providerId: sent.ok ? sent.value.providerId : null,
      error: sent.ok ? null : sent.error,
      sentBy: input.sender.userId,
      sentByName: input.sender.name,
    })
    return sent.ok ? ok(null) : fail({ type: 'send_failed', error: sent.error })
  }
}
