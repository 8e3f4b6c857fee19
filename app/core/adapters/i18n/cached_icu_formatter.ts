import formatters from '@poppinss/intl-formatter'
import { IntlMessageFormat } from 'intl-messageformat'
import type { TranslationsFormatterContract } from '@adonisjs/i18n/types'

/**
 * ICU messages compiled once per locale and reused: the stock formatter parses the message on
 * every `t()` call, which dominated the CPU time of rendering a page.
 */
export class CachedIcuFormatter implements TranslationsFormatterContract {
  readonly name = 'icu'
  #compiled = new Map<string, IntlMessageFormat>()

  format(message: string, locale: string, data?: Record<string, any>): string {
    if (!message.includes('{')) return message
    const key = `${locale}\u0000${message}`
    let compiled = this.#compiled.get(key)
    if (!compiled) {
      compiled = new IntlMessageFormat(message, locale, undefined, {
        formatters: {
          getNumberFormat: formatters.number,
          getDateTimeFormat: formatters.date,
          getPluralRules: formatters.plural,
        },
        ignoreTag: true,
      })
      this.#compiled.set(key, compiled)
    }
    return compiled.format(data ?? {}) as string
  }
}
