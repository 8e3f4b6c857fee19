import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import i18nManager from '@adonisjs/i18n/services/main'
import { DocumentIdentities } from '#core/application/document_identity'
import { CustomerRegister } from '#referentials/application/customer_register'
import { UNSUBSCRIBE_PURPOSE } from '#interventions/domain/customer_notifications'

/**
 * The unsubscribe link of customer e-mails: no account, the signature is the proof. GET only
 * asks (mail scanners open links), POST stops the messages, then shows the same page.
 */
export default class UnsubscribeController {
  @inject()
  async show(ctx: HttpContext, register: CustomerRegister, identities: DocumentIdentities) {
    const found = await this.subject(ctx, register, identities)
    if (!found) return
    return this.page(ctx, found.locale, { shop: found.shop, done: found.optedOut })
  }

  @inject()
  async store(ctx: HttpContext, register: CustomerRegister, identities: DocumentIdentities) {
    const found = await this.subject(ctx, register, identities)
    if (!found) return
    await register.stopNotifications(ctx.params.tenantId, ctx.params.customerId)
    return ctx.response.redirect(ctx.request.url(true))
  }

  /** The customer and shop behind a genuine link; otherwise answers with the refusal page. */
  private async subject(
    ctx: HttpContext,
    register: CustomerRegister,
    identities: DocumentIdentities
  ) {
    const { tenantId, customerId } = ctx.params
    const customer = ctx.request.hasValidSignature(UNSUBSCRIBE_PURPOSE)
      ? await register.customer(tenantId, customerId)
      : null
    if (!customer) {
      ctx.response.status(403)
      ctx.response.send(await this.page(ctx, null, { invalid: true }))
      return null
    }
    const identity = await identities.forTenant(tenantId)
    return {
      shop: identity.legalName,
      locale: customer.notificationLocale,
      optedOut: customer.notificationsOptOut,
    }
  }

  /** In the language the visitor picked, else the one the shop set for this customer. */
  private page(ctx: HttpContext, customerLocale: string | null, data: Record<string, unknown>) {
    const locale = ctx.session?.get('locale') ?? customerLocale ?? ctx.i18n.locale
    const i18n = i18nManager.locale(locale)
    // Shared rather than passed: the layout (a component) reads the locale from shared state.
    ctx.view.share({ i18n, locale: i18n.locale })
    return ctx.view.render('pages/notifications/unsubscribe', {
      ...data,
      action: ctx.request.url(true),
    })
  }
}
