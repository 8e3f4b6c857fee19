import type { Result } from '#core/domain/result'
import type {
  Channel,
  NotificationEvent,
  NotificationLocale,
} from '#interventions/domain/customer_notifications'

/**
 * What a notification is about. Appointments carry their id and time (a move is news again at each
 * new time), quotes their id; the customer's link to the quote goes in the message when given.
 */
export type NotificationRequest = { tenantId: string; jobId: string } & (
  | {
      event: 'appointment_set' | 'appointment_moved'
      details: {
        appointmentId: string
        startsAt: Date | string
        endsAt?: Date | string | null
      }
    }
  | {
      event: 'quote_ready'
      details: { quoteId: string; quoteNumber?: string | null; quoteUrl?: string | null }
    }
  | { event: 'appliance_ready'; details?: Record<string, never> }
)

/**
 * Asks for a job's customer to be told of an event. Called inside a use case's transaction, the
 * request is queued once that transaction commits (and dropped if it rolls back); the sending
 * itself happens later, in a worker, so a slow provider never holds a page.
 */
export abstract class CustomerNotifications {
  abstract enqueue(request: NotificationRequest): Promise<void>
}

/** A provider took the message (its id when it gives one), or did not. */
export type Delivery = Result<{ providerId: string | null }, { type: 'send_failed'; error: string }>

/** What a job's timeline already says about one notification, per channel. */
export interface NotificationRecord {
  channel: Channel
  status: 'sent' | 'failed' | 'skipped'
}

/** The messages recorded on a job's timeline, read back so a retried notification resumes. */
export abstract class NotificationHistory {
  abstract recorded(tenantId: string, jobId: string, key: string): Promise<NotificationRecord[]>
}

/** Everything a job message says, before it is worded in the customer's language. */
export interface JobMessage {
  tenantId: string
  customerId: string
  event: NotificationEvent
  locale: NotificationLocale
  shop: { name: string; phone: string | null; email: string | null; addressLines: string[] }
  customerName: string
  jobNumber: string
  appliance: { type: string; brand: string; model: string } | null
  startsAt: Date | null
  endsAt: Date | null
  quoteNumber: string | null
  quoteUrl: string | null
}

export interface RenderedMessage {
  subject: string
  html: string
  text: string
  sms: string
  /** Signed link that stops these messages without signing in. */
  unsubscribeUrl: string
}

/** Words a job message for e-mail and SMS from the shared templates. */
export abstract class JobMessages {
  abstract render(message: JobMessage): Promise<RenderedMessage>
}
