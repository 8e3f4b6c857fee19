import env from '#start/env'
import { defineConfig, transports } from '@adonisjs/mail'
import { LogTransport } from '#core/adapters/mail/log_transport'

const mailConfig = defineConfig({
  default: env.get('MAIL_TRANSPORT', 'log'),
  from: { address: env.get('MAIL_FROM', 'no-reply@agoserve.local'), name: 'Agoserve' },
  mailers: {
    // Development and tests: mails go to the log and to the /dev/mails preview page.
    log: () => new LogTransport(),
    smtp: transports.smtp({
      host: env.get('SMTP_HOST', 'localhost'),
      port: env.get('SMTP_PORT', 25),
      auth: env.get('SMTP_USERNAME')
        ? { type: 'login', user: env.get('SMTP_USERNAME')!, pass: env.get('SMTP_PASSWORD', '') }
        : undefined,
    }),
  },
})

export default mailConfig

declare module '@adonisjs/mail/types' {
  export interface MailersList extends InferMailers<typeof mailConfig> {}
}
