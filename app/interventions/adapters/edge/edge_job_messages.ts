import edge from 'edge.js'
import { DateTime } from 'luxon'
import i18nManager from '@adonisjs/i18n/services/main'
import { signedUrlFor } from '@adonisjs/core/services/url_builder'
import { nationalFrenchPhone } from '#core/domain/phone_numbers'
import {
  clipSms,
  UNSUBSCRIBE_PATTERN,
  UNSUBSCRIBE_PURPOSE,
} from '#interventions/domain/customer_notifications'
import {
  type JobMessage,
  JobMessages,
  type RenderedMessage,
} from '#interventions/application/customer_notifications'

/**
 * The URL builder's pattern form (`disableRouteLookup`): no route lookup, so it works in any
 * process; its published types only list named routes, hence the narrow cast.
 */
type PatternSigner = (
  pattern: string,
  params: Record<string, string>,
  options: { prefixUrl: string; purpose: string; disableRouteLookup: true }
) => string

/** A signed link that stops a customer's notifications; it never expires, like the mail it is in. */
export function unsubscribeUrl(appUrl: string, tenantId: string, customerId: string) {
  return (signedUrlFor as unknown as PatternSigner)(
    UNSUBSCRIBE_PATTERN,
    { tenantId, customerId },
    { prefixUrl: appUrl, purpose: UNSUBSCRIBE_PURPOSE, disableRouteLookup: true }
  )
}

/**
 * Words job messages in the customer's language: the mail from the Edge views
 * `emails/jobs/<event>.edge` and `<event>_text.edge`, subject and SMS from resources/lang.
 * Times are the shop's (Europe/Paris), whatever the server's zone.
 */
export class EdgeJobMessages extends JobMessages {
  constructor(private config: { appUrl: string }) {
    super()
  }

  async render(message: JobMessage): Promise<RenderedMessage> {
    const i18n = i18nManager.locale(message.locale)
    const t = i18n.t.bind(i18n)
    const facts = this.facts(message, t)
    const link = unsubscribeUrl(this.config.appUrl, message.tenantId, message.customerId)
    const data = { t, i18n, locale: message.locale, facts, message, unsubscribeUrl: link }
    const [html, text] = await Promise.all([
      edge.render(`emails/jobs/${message.event}`, data),
      edge.render(`emails/jobs/${message.event}_text`, data),
    ])
    return {
      subject: t(`notifications.${message.event}.subject`, facts),
      html,
      text: text.replace(/\n{3,}/g, '\n\n').trim() + '\n',
      sms: clipSms(t(`notifications.${message.event}.sms`, facts)),
      unsubscribeUrl: link,
    }
  }

  /** The message's values as the templates print them; `none` stands for "not given" in ICU selects. */
  private facts(message: JobMessage, t: (key: string, data?: Record<string, string>) => string) {
    const intl = message.locale === 'en' ? 'en-GB' : 'fr-FR'
    const local = (date: Date) =>
      DateTime.fromJSDate(date, { zone: 'Europe/Paris' }).setLocale(intl)
    const starts = message.startsAt ? local(message.startsAt) : null
    const ends = message.endsAt ? local(message.endsAt) : null
    const type = message.appliance
      ? t(`referentials.appliance_types.${message.appliance.type}`)
      : ''
    // Mid-sentence: "votre lave-linge Bosch", "your Bosch washing machine".
    const appliance = message.appliance
      ? t('notifications.appliance', {
          type: type.charAt(0).toLocaleLowerCase(intl) + type.slice(1),
          brand: message.appliance.brand,
        })
      : t('notifications.any_appliance')
    return {
      shop: message.shop.name,
      name: message.customerName,
      number: message.jobNumber,
      appliance,
      date: starts ? starts.toFormat('cccc d LLLL') : 'none',
      start: starts ? starts.toFormat('HH:mm') : 'none',
      end: ends && ends.hasSame(starts ?? ends, 'day') ? ends.toFormat('HH:mm') : 'none',
      quote: message.quoteNumber ?? 'none',
      link: message.quoteUrl ?? 'none',
      phone: message.shop.phone ? nationalFrenchPhone(message.shop.phone) : 'none',
      address: message.shop.addressLines.join(', ') || 'none',
    }
  }
}
