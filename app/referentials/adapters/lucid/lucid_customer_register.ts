import { sameTenant } from '#core/adapters/lucid/tenant_db'
import { fail, ok } from '#core/domain/result'
import { inTenantTransaction } from '#core/adapters/lucid/tenant_transaction'
import { warrantyEnd } from '#referentials/domain/warranty'
import {
  type ApplianceSummary,
  CustomerRegister,
  type CustomerSummary,
  type ModelFacts,
  type NewAppliance,
  type NewCustomer,
} from '#referentials/application/customer_register'

export class LucidCustomerRegister extends CustomerRegister {
  registerCustomer(tenantId: string, customer: NewCustomer) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const company = customer.kind === 'company'
      const [row] = await trx
        .table('customers')
        .insert(
          tenantDb.owned({
            kind: customer.kind,
            civility: company ? null : customer.civility,
            first_name: customer.firstName,
            last_name: customer.lastName,
            company_name: customer.companyName,
            email: customer.email,
            phone: customer.phone,
            mobile: customer.mobile,
            address_line1: customer.addressLine1,
            address_line2: customer.addressLine2,
            postcode: customer.postcode,
            city: customer.city,
          })
        )
        .returning('id')
      return { id: row.id as string }
    })
  }

  registerAppliance(tenantId: string, appliance: NewAppliance) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const customer = await tenantDb
        .scoped(trx, 'customers')
        .where('id', appliance.customerId)
        .select('id')
        .first()
      if (!customer) return fail({ type: 'unknown_customer' })
      const model = await tenantDb
        .scoped(trx, 'product_models')
        .join('brands', sameTenant('brands', 'product_models.brand_id'))
        .where('product_models.id', appliance.productModelId)
        .select('brands.warranty_months')
        .first()
      if (!model) return fail({ type: 'unknown_model' })
      const [row] = await trx
        .table('customer_appliances')
        .insert(
          tenantDb.owned({
            customer_id: appliance.customerId,
            product_model_id: appliance.productModelId,
            serial_number: appliance.serialNumber,
            purchase_date: appliance.purchaseDate,
            purchase_shop: appliance.purchaseShop,
            warranty_end: appliance.purchaseDate
              ? warrantyEnd(appliance.purchaseDate, model.warranty_months)
              : null,
          })
        )
        .returning('id')
      return ok({ id: row.id as string })
    })
  }

  ensureProductModel(tenantId: string, model: ModelFacts) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      // One creation at a time per shop, so two callers naming a new brand do not both create it
      // (names are unique, case aside).
      await trx.rawQuery('SELECT pg_advisory_xact_lock(hashtextextended(?, 0))', [
        `catalogue-models:${tenantId}`,
      ])
      const named = async (table: string, name: string) => {
        const row = await tenantDb
          .scoped(trx, table)
          .whereRaw('lower(name) = lower(?)', [name])
          .select('id')
          .first()
        return (row?.id as string | undefined) ?? null
      }
      const insert = async (table: string, values: Record<string, unknown>) => {
        const [row] = await trx.table(table).insert(tenantDb.owned(values)).returning('id')
        return row.id as string
      }

      let brandId = await named('brands', model.brand)
      if (!brandId) {
        const manufacturerId =
          (await named('manufacturers', model.manufacturer)) ??
          (await insert('manufacturers', { name: model.manufacturer }))
        brandId = await insert('brands', { manufacturer_id: manufacturerId, name: model.brand })
      }
      const existing = await tenantDb
        .scoped(trx, 'product_models')
        .where('brand_id', brandId)
        .whereRaw('lower(model_reference) = lower(?)', [model.reference])
        .select('id')
        .first()
      if (existing) return existing.id as string
      return insert('product_models', {
        brand_id: brandId,
        appliance_type: model.applianceType,
        model_reference: model.reference,
        commercial_name: model.commercialName,
      })
    })
  }

  customer(tenantId: string, id: string) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const row = await tenantDb.scoped(trx, 'customers').where('id', id).first()
      if (!row) return null
      return {
        id: row.id,
        kind: row.kind,
        displayName: row.display_name,
        siret: row.siret,
        vatNumber: row.vat_number,
        country: row.country,
        email: row.email,
        phone: row.phone,
        mobile: row.mobile,
        addressLine1: row.address_line1,
        addressLine2: row.address_line2,
        postcode: row.postcode,
        city: row.city,
        notificationLocale: row.notification_locale,
        notificationsOptOut: row.notifications_opt_out,
      } satisfies CustomerSummary
    })
  }

  stopNotifications(tenantId: string, customerId: string) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const updated = await tenantDb
        .scoped(trx, 'customers')
        .where('id', customerId)
        .update({ notifications_opt_out: true, updated_at: new Date() })
      return Number(updated) > 0
    })
  }

  appliance(tenantId: string, id: string) {
    return inTenantTransaction(tenantId, async (trx, tenantDb) => {
      const row = await tenantDb
        .scoped(trx, 'customer_appliances')
        .join(
          'product_models',
          sameTenant('product_models', 'customer_appliances.product_model_id')
        )
        .join('brands', sameTenant('brands', 'product_models.brand_id'))
        .join('manufacturers', sameTenant('manufacturers', 'brands.manufacturer_id'))
        .where('customer_appliances.id', id)
        .select(
          'customer_appliances.*',
          'product_models.appliance_type',
          'product_models.model_reference',
          'product_models.commercial_name',
          'brands.name as brand_name',
          'manufacturers.name as manufacturer_name'
        )
        .first()
      if (!row) return null
      return {
        id: row.id,
        customerId: row.customer_id,
        serialNumber: row.serial_number,
        purchaseDate: row.purchase_date,
        warrantyEnd: row.warranty_end,
        extendedWarrantyProvider: row.extended_warranty_provider,
        extendedWarrantyEnd: row.extended_warranty_end,
        applianceType: row.appliance_type,
        modelReference: row.model_reference,
        commercialName: row.commercial_name,
        brandName: row.brand_name,
        manufacturerName: row.manufacturer_name,
      } satisfies ApplianceSummary
    })
  }
}
