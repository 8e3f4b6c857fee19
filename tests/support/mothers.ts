import { randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import hash from '@adonisjs/core/services/hash'
import { PASSWORD, WebClient } from '#tests/support/web_client'

/**
 * Object Mothers writing through the owner connection (no row-level security), so a test can
 * set up several tenants. Every name is unique: tests share one database and never truncate it.
 */
let passwordHash: Promise<string> | null = null
const owner = () => db.connection('owner')
export const unique = () => randomUUID().slice(0, 8)

export async function aTenant(overrides: Record<string, unknown> = {}) {
  const [tenant] = await owner()
    .table('tenants')
    .insert({ name: `Atelier ${unique()}`, seats: 5, status: 'active', ...overrides })
    .returning('*')
  return tenant as { id: string; name: string; seats: number; status: string }
}

export async function aUser(tenantId: string | null, overrides: Record<string, unknown> = {}) {
  passwordHash ??= hash.make(PASSWORD)
  const [user] = await owner()
    .table('users')
    .insert({
      tenant_id: tenantId,
      email: `user-${unique()}@example.test`,
      full_name: `Personne ${unique()}`,
      role: tenantId ? 'manager' : 'operator_admin',
      password: await passwordHash,
      ...overrides,
    })
    .returning('*')
  return user as {
    id: string
    email: string
    tenant_id: string | null
    role: string
    full_name: string
  }
}

/** A tenant with a manager, ready to sign in. */
export async function aShop(tenantOverrides: Record<string, unknown> = {}) {
  const tenant = await aTenant(tenantOverrides)
  const manager = await aUser(tenant.id, { role: 'manager' })
  return { tenant, manager }
}

export function auditEntries(event: string, filter: Record<string, unknown> = {}) {
  return owner()
    .from('audit_logs')
    .where({ event, ...filter })
    .orderBy('id', 'desc')
}

export function ownerDb() {
  return owner()
}

/** A tenant with a signed-in staff member of `role` (the tenant's manager when role is manager). */
export async function signedInStaff(
  role = 'manager',
  tenantOverrides: Record<string, unknown> = {}
) {
  const shop = await aShop(tenantOverrides)
  const user = role === 'manager' ? shop.manager : await aUser(shop.tenant.id, { role })
  const client = new WebClient()
  await client.signIn(user.email)
  return { ...shop, user, client }
}

async function insert(table: string, values: Record<string, unknown>) {
  const [row] = await owner().table(table).insert(values).returning('*')
  return row
}

export function aManufacturer(tenantId: string, overrides: Record<string, unknown> = {}) {
  return insert('manufacturers', {
    tenant_id: tenantId,
    name: `Fabricant ${unique()}`,
    ...overrides,
  })
}

export function aBrand(
  tenantId: string,
  manufacturerId: string,
  overrides: Record<string, unknown> = {}
) {
  return insert('brands', {
    tenant_id: tenantId,
    manufacturer_id: manufacturerId,
    name: `Marque ${unique()}`,
    ...overrides,
  })
}

/** A product model, with a manufacturer and a brand of its own (`warrantyMonths` on the brand). */
export async function aModel(
  tenantId: string,
  overrides: Record<string, unknown> = {},
  warrantyMonths = 24
) {
  const maker = await aManufacturer(tenantId)
  const brand = await aBrand(tenantId, maker.id, { warranty_months: warrantyMonths })
  return insert('product_models', {
    tenant_id: tenantId,
    brand_id: brand.id,
    appliance_type: 'washing_machine',
    model_reference: `WM-${unique()}`,
    ...overrides,
  })
}

export function aCustomer(tenantId: string, overrides: Record<string, unknown> = {}) {
  return insert('customers', {
    tenant_id: tenantId,
    kind: 'person',
    last_name: `Client ${unique()}`,
    ...overrides,
  })
}

export function anAppliance(
  tenantId: string,
  customerId: string,
  modelId: string,
  overrides: Record<string, unknown> = {}
) {
  return insert('customer_appliances', {
    tenant_id: tenantId,
    customer_id: customerId,
    product_model_id: modelId,
    ...overrides,
  })
}

export function aSupplier(tenantId: string, overrides: Record<string, unknown> = {}) {
  return insert('suppliers', { tenant_id: tenantId, name: `Fournisseur ${unique()}`, ...overrides })
}

export function aFamily(tenantId: string, overrides: Record<string, unknown> = {}) {
  const code = `F${unique()}`.toUpperCase()
  return insert('article_families', {
    tenant_id: tenantId,
    code,
    name: `Famille ${code}`,
    ...overrides,
  })
}

export function anArticle(tenantId: string, overrides: Record<string, unknown> = {}) {
  const sku = `ART-${unique()}`.toUpperCase()
  return insert('articles', { tenant_id: tenantId, sku, label: `Pièce ${sku}`, ...overrides })
}

/** A supplier reference (preferred unless told otherwise) with a supplier of its own. */
export async function aSupplierRef(
  tenantId: string,
  articleId: string,
  purchasePriceCents: number,
  overrides: Record<string, unknown> = {}
) {
  const supplierId = overrides.supplier_id ?? (await aSupplier(tenantId)).id
  return insert('article_supplier_refs', {
    tenant_id: tenantId,
    article_id: articleId,
    supplier_id: supplierId,
    supplier_reference: `REF-${unique()}`,
    purchase_price_cents: purchasePriceCents,
    preferred: true,
    ...overrides,
  })
}

/**
 * A price grid with its rules (`[familyId | null, min purchase cents, coefficient]`) and quantity
 * breaks (`[min quantity, discount percent]`).
 */
export async function aPriceGrid(
  tenantId: string,
  options: {
    name?: string
    rounding?: string
    isDefault?: boolean
    rules?: Array<[string | null, number, string]>
    breaks?: Array<[string, string]>
  } = {}
) {
  const grid = await insert('price_grids', {
    tenant_id: tenantId,
    name: options.name ?? `Grille ${unique()}`,
    rounding: options.rounding ?? 'cent',
    is_default: options.isDefault ?? false,
  })
  for (const [familyId, min, coefficient] of options.rules ?? []) {
    await insert('price_grid_rules', {
      tenant_id: tenantId,
      price_grid_id: grid.id,
      family_id: familyId,
      min_purchase_price_cents: min,
      coefficient,
    })
  }
  for (const [minQuantity, discountPercent] of options.breaks ?? []) {
    await insert('price_grid_breaks', {
      tenant_id: tenantId,
      price_grid_id: grid.id,
      min_quantity: minQuantity,
      discount_percent: discountPercent,
    })
  }
  return grid
}

export function aCustomerCategory(
  tenantId: string,
  priceGridId: string | null,
  overrides: Record<string, unknown> = {}
) {
  const code = `C${unique()}`.toUpperCase()
  return insert('customer_categories', {
    tenant_id: tenantId,
    code,
    name: `Catégorie ${code}`,
    price_grid_id: priceGridId,
    ...overrides,
  })
}
