import mail from '@adonisjs/mail/services/main'
import i18nManager from '@adonisjs/i18n/services/main'
import { AccountMailer } from '#core/application/password_resets'
import type { Account } from '#core/application/staff_accounts'

export class AdonisAccountMailer extends AccountMailer {
  async sendPasswordReset(account: Account, link: string) {
    const i18n = i18nManager.locale(account.locale)
    await mail.send((message) => {
      message
        .to(account.email, account.fullName)
        .subject(i18n.t('auth.reset_mail.subject'))
        .htmlView('emails/password_reset', { i18n, t: i18n.t.bind(i18n), account, link })
        .textView('emails/password_reset_text', { i18n, t: i18n.t.bind(i18n), account, link })
    })
  }
}
