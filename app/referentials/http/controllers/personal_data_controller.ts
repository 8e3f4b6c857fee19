import type { HttpContext } from '@adonisjs/core/http'
import { auditRequest } from '#core/http/request_trace'
import { uuidParam } from '#core/http/validators'
import { personalDataSections } from '#core/adapters/lucid/personal_data_sections'

export default class PersonalDataController {
  /** A customer's access request: everything held about them, as one JSON file. */
  async export(ctx: HttpContext) {
    await ctx.bouncer.authorize('permission', 'personal_data.manage')
    const { params } = await ctx.request.validateUsing(uuidParam)
    const tenantDb = ctx.tenantDb!
    const data = await tenantDb.run(async (trx) => {
      const customer = await tenantDb.scoped(trx, 'customers').where('id', params.id).first()
      if (!customer) return null
      const appliances = await tenantDb
        .scoped(trx, 'customer_appliances')
        .where('customer_id', customer.id)
        .leftJoin('product_models', (join) => {
          join
            .on('product_models.id', 'customer_appliances.product_model_id')
            .andOn('product_models.tenant_id', 'customer_appliances.tenant_id')
        })
        .select('customer_appliances.*', 'product_models.model_reference')
      const withoutInternals = ({
        search_document: _search,
        tenant_id: _tenant,
        ...rest
      }: Record<string, unknown>) => rest
      const ofCustomer = (table: string) =>
        tenantDb.scoped(trx, table).where('customer_id', customer.id).orderBy('created_at')
      return {
        customer: withoutInternals(customer),
        appliances: appliances.map(withoutInternals),
        sites: await ofCustomer('customer_sites').then((rows) => rows.map(withoutInternals)),
        contacts: await ofCustomer('customer_contacts').then((rows) => rows.map(withoutInternals)),
        ...(await personalDataSections(trx, tenantDb, customer.id)),
      }
    })
    if (!data) return ctx.response.notFound()
    await auditRequest(ctx, {
      event: 'personal_data_exported',
      tenantId: tenantDb.tenantId,
      details: { customerId: params.id },
    })
    ctx.response.header(
      'content-disposition',
      `attachment; filename="donnees-client-${params.id}.json"`
    )
    ctx.response.header('cache-control', 'no-store')
    return ctx.response.json({ exportedAt: new Date().toISOString(), ...data })
  }
}
