/** Moments of a repair job the customer is told about, by e-mail and SMS. */
export const NOTIFICATION_EVENTS = [
  'appointment_set',
  'appointment_moved',
  'quote_ready',
  'appliance_ready',
] as const
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number]

export type Channel = 'email' | 'sms'
export const CHANNELS: readonly Channel[] = ['email', 'sms']

export type NotificationLocale = 'fr' | 'en'

/**
 * The unsubscribe link, shared by the templates that sign it and the route that checks it; its
 * signature is good for nothing else.
 */
export const UNSUBSCRIBE_PATTERN = '/notifications/unsubscribe/:tenantId/:customerId'
export const UNSUBSCRIBE_PURPOSE = 'notifications-unsubscribe'

/** What the caller knows of the event; dates as `Date` or ISO strings (they cross the queue as JSON). */
export interface NotificationDetails {
  appointmentId?: string
  startsAt?: Date | string
  endsAt?: Date | string | null
  quoteId?: string
  quoteNumber?: string | null
  /** The customer's link to read and answer the quote. */
  quoteUrl?: string | null
}

/**
 * What makes two requests the same message, so it is never sent twice: the appointment, and for a
 * move the new time too (each move is news, the same move asked twice is not); the quote; the job
 * itself for "ready to collect".
 */
export function notificationKey(
  jobId: string,
  event: NotificationEvent,
  details: NotificationDetails = {}
): string {
  const startsAt = details.startsAt ? new Date(details.startsAt).toISOString() : ''
  switch (event) {
    case 'appointment_set':
      return `${jobId}:${event}:${details.appointmentId ?? startsAt}`
    case 'appointment_moved':
      return `${jobId}:${event}:${details.appointmentId ?? ''}@${startsAt}`
    case 'quote_ready':
      return `${jobId}:${event}:${details.quoteId ?? details.quoteNumber ?? ''}`
    case 'appliance_ready':
      return `${jobId}:${event}`
  }
}

export function isNotificationEvent(value: unknown): value is NotificationEvent {
  return NOTIFICATION_EVENTS.includes(value as NotificationEvent)
}

/**
 * The timeline is read by the whole shop and kept for years: it shows enough of an address to
 * tell which one was used (`j•••@example.com`), not the address itself.
 */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@')
  if (at < 1) return '•••'
  return `${address[0]}•••${address.slice(at)}`
}

/** `+33612345678` → `+336••••••78`: the country, the kind of line and the last two digits. */
export function maskPhone(number: string): string {
  if (number.length < 7) return '•••'
  return number.slice(0, 4) + '•'.repeat(number.length - 6) + number.slice(-2)
}

/** Providers split long SMS and bill each part: a message is kept to a few parts at most. */
export const SMS_MAX_LENGTH = 306

/** Trims a text to `max` characters on a word boundary, with an ellipsis. */
export function clipSms(text: string, max = SMS_MAX_LENGTH): string {
  const clean = text.replace(/\s+/g, ' ').trim()
  if (clean.length <= max) return clean
  const cut = clean.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`
}
