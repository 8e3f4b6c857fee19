/**
 * A repair quote shows what the customer will pay: their lines of the job, frozen when the quote
 * is sent, valid for a month (COMPLIANCE §3.3: validity period, detailed breakdown).
 */
export const QUOTE_VALIDITY_DAYS = 30

export function quoteNumber(jobNumber: string, version: number) {
  return `${jobNumber}-D${version}`
}

/** Whether the customer may still decide on a quote on `today` (ISO dates, Europe/Paris). */
export function isOpenQuote(quote: { status: string; validUntil: string }, today: string) {
  return quote.status === 'sent' && today <= quote.validUntil
}
