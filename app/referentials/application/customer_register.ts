import type { Result } from '#core/domain/result'

export interface NewCustomer {
  kind: 'person' | 'company'
  civility: 'mr' | 'mrs' | null
  firstName: string | null
  lastName: string | null
  companyName: string | null
  email: string | null
  phone: string | null
  mobile: string | null
  addressLine1: string | null
  addressLine2: string | null
  postcode: string | null
  city: string | null
}

export interface NewAppliance {
  customerId: string
  productModelId: string
  serialNumber: string | null
  purchaseDate: string | null
  purchaseShop: string | null
}

export interface CustomerSummary {
  id: string
  kind: 'person' | 'company'
  displayName: string
  /** Companies: what invoices print as the buyer's identity (COMPLIANCE §3.1). */
  siret: string | null
  vatNumber: string | null
  country: string
  email: string | null
  phone: string | null
  mobile: string | null
  addressLine1: string | null
  addressLine2: string | null
  postcode: string | null
  city: string | null
  /** Language of the messages about the customer's repairs, and whether they want them at all. */
  notificationLocale: 'fr' | 'en'
  notificationsOptOut: boolean
}

export interface ApplianceSummary {
  id: string
  customerId: string
  serialNumber: string | null
  purchaseDate: string | null
  warrantyEnd: string | null
  extendedWarrantyProvider: string | null
  extendedWarrantyEnd: string | null
  applianceType: string
  modelReference: string
  commercialName: string | null
  brandName: string
  manufacturerName: string
}

/** A product model as another system names it (a manufacturer's portal, an import). */
export interface ModelFacts {
  manufacturer: string
  brand: string
  reference: string
  commercialName: string | null
  applianceType: string
}

export type RegisterApplianceFailure = { type: 'unknown_model' } | { type: 'unknown_customer' }

/**
 * Customers and appliances as other modules need them: registered at the counter while a repair
 * job is opened (inside the caller's unit of work), and read back for documents and planning.
 */
export abstract class CustomerRegister {
  abstract registerCustomer(tenantId: string, customer: NewCustomer): Promise<{ id: string }>
  /** The manufacturer's warranty end follows from the purchase date and the brand's months. */
  abstract registerAppliance(
    tenantId: string,
    appliance: NewAppliance
  ): Promise<Result<{ id: string }, RegisterApplianceFailure>>
  /**
   * The catalogue's model for these facts (names compared case aside), created with its brand and
   * manufacturer when the shop does not have it yet; returns its id.
   */
  abstract ensureProductModel(tenantId: string, model: ModelFacts): Promise<string>
  abstract customer(tenantId: string, id: string): Promise<CustomerSummary | null>
  abstract appliance(tenantId: string, id: string): Promise<ApplianceSummary | null>
  /** The customer asked for no more repair messages (unsubscribe link); false when not found. */
  abstract stopNotifications(tenantId: string, customerId: string): Promise<boolean>
}

export { warrantyStatus, type WarrantyStatus } from '#referentials/domain/warranty'
