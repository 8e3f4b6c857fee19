import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { InvoiceStore } from '#invoicing/application/invoice_store'
import { invoicingSettingsValidator } from '#invoicing/http/validators'
import { ECO_ORGANISMS } from '#invoicing/domain/repair_bonus'

/** The prefixes of the shop's numbering series and its repair-bonus label. */
export default class InvoicingSettingsController {
  @inject()
  async show(ctx: HttpContext, invoices: InvoiceStore) {
    await ctx.bouncer.authorize('permission', 'invoicing.settings')
    const settings = await invoices.settings(ctx.tenantDb!.tenantId)
    return ctx.view.render('invoicing/settings', { settings, ecoOrganisms: ECO_ORGANISMS })
  }

  @inject()
  async update(ctx: HttpContext, invoices: InvoiceStore) {
    await ctx.bouncer.authorize('permission', 'invoicing.settings')
    const input = await ctx.request.validateUsing(invoicingSettingsValidator)
    await invoices.saveSettings(ctx.tenantDb!.tenantId, {
      invoicePrefix: input.invoice_prefix,
      creditNotePrefix: input.credit_note_prefix,
      qualireparLabelled: Boolean(input.qualirepar_labelled),
      bonusEcoOrganism: input.bonus_eco_organism,
      autoInvoiceDelivered: Boolean(input.auto_invoice_delivered),
      principalsMonthly: Boolean(input.principals_monthly),
    })
    ctx.session.flash('success', ctx.i18n.t('invoices.settings.saved'))
    return ctx.response.redirect().toRoute('invoicing_settings.show')
  }
}
