type Translate = (key: string, data?: Record<string, unknown>) => string

export interface TimelineEvent {
  kind: string
  from_status: string | null
  to_status: string | null
  comment: string | null
  details: Record<string, any> | null
  user_name: string | null
  at: Date
}

/**
 * A timeline entry in the reader's language: events keep facts in `details` (what was signed,
 * which message went where), the words are chosen here. The comment stays the plain trace.
 */
export function describeEvent(event: TimelineEvent, t: Translate) {
  const details = event.details ?? {}
  const status = (value: string | null) => t(`repair_jobs.statuses.${value}`)
  let label: string
  let comment = event.comment
  if (event.kind === 'transition') {
    label = t('repair_jobs.timeline.transition', {
      from: status(event.from_status),
      to: status(event.to_status),
    })
  } else if (event.kind === 'message' && details.channel) {
    const reason = details.status === 'skipped' ? `skipped_${details.reason}` : details.status
    label = t(`notifications.timeline.${reason}`, {
      channel: t(`notifications.channels.${details.channel}`),
      event: t(`notifications.events.${details.template}`),
      to: details.to ?? '',
      error: details.error ?? '',
    })
    comment = null
  } else if (details.signed) {
    label = t('repair_jobs.timeline.signed', {
      kind: t(`repair_jobs.signatures.${details.signed}`),
      name: details.by,
    })
  } else if (details.slipNumber) {
    label = t('take_backs.timeline.recorded', { number: details.slipNumber })
  } else if (details.attached || details.detached) {
    label = t(
      details.attached ? 'repair_jobs.timeline.attached' : 'repair_jobs.timeline.detached',
      {
        name: details.attached ?? details.detached,
      }
    )
  } else {
    label = t(`repair_jobs.timeline.${event.kind}`)
  }
  return { kind: event.kind, label, comment, at: event.at, by: event.user_name }
}
