import { inject } from '@adonisjs/core'
import {
  DocumentIdentities,
  withDocumentSettings,
  type DocumentIdentity,
} from '#core/application/document_identity'
import { FileStorage } from '#core/application/file_storage'
import { inTenantTransaction } from '#core/adapters/lucid/tenant_transaction'
import { SETTINGS_COLUMNS, settingsFromRow } from '#core/adapters/lucid/lucid_document_settings'

/** The tenant's row and its document settings in one query; the logo read from the file store. */
@inject()
export class LucidDocumentIdentities extends DocumentIdentities {
  constructor(private storage: FileStorage) {
    super()
  }

  async forTenant(tenantId: string): Promise<DocumentIdentity> {
    // Joins the caller's transaction when there is one (an invoice frozen with the shop's identity).
    const row = await inTenantTransaction(tenantId, (trx) =>
      trx
        .from('tenants')
        .leftJoin('document_settings', 'document_settings.tenant_id', 'tenants.id')
        .where('tenants.id', tenantId)
        .select(
          'tenants.name',
          'tenants.address_line1',
          'tenants.address_line2',
          'tenants.postcode',
          'tenants.city',
          'tenants.country',
          'tenants.siren',
          'tenants.siret',
          'tenants.vat_number',
          'tenants.phone',
          'tenants.email',
          ...SETTINGS_COLUMNS.map((column) => `document_settings.${column}`)
        )
        .first()
    )
    if (!row) throw new Error(`Tenant ${tenantId} not found`)
    const settings = settingsFromRow(row.accent_color ? row : null)
    const logo = settings.logo ? await this.storage.get(settings.logo.key) : null
    const town = [row.postcode, row.city].filter(Boolean).join(' ')
    return withDocumentSettings(
      {
        tenantId,
        legalName: row.name,
        addressLines: [
          row.address_line1,
          row.address_line2,
          town,
          row.country && row.country !== 'FR' ? row.country : null,
        ].filter((line): line is string => Boolean(line)),
        address: {
          line1: row.address_line1,
          line2: row.address_line2,
          postcode: row.postcode,
          city: row.city,
          country: row.country || 'FR',
        },
        siret: row.siret,
        siren: row.siren ?? (row.siret ? row.siret.slice(0, 9) : null),
        vatNumber: row.vat_number,
        phone: row.phone,
        email: row.email,
        logoDataUrl:
          logo && settings.logo
            ? `data:${settings.logo.contentType};base64,${Buffer.from(logo).toString('base64')}`
            : null,
      },
      settings
    )
  }
}
