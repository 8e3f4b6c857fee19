import { BaseSeeder } from '@adonisjs/lucid/seeders'
import hash from '@adonisjs/core/services/hash'
import { seedDemoCustomers } from '#database/seeders/demo/customers'
import { seedDemoArticles } from '#database/seeders/demo/articles'
import { seedDemoJobs } from '#database/seeders/demo/jobs'
import { seedDemoPlanning } from '#database/seeders/demo/planning'

export const DEMO_PASSWORD = 'demo1234'

const demoTenant = {
  name: 'Dépannage Électroménager Martin',
  siren: '732829320',
  siret: '73282932000074',
  vat_number: 'FR44732829320',
  address_line1: '14 rue des Lilas',
  postcode: '69003',
  city: 'Lyon',
  email: 'contact@demo.agoserve.fr',
  phone: '+33478123456',
  seats: 3,
  status: 'active',
}

/** What the demo shop prints on its documents (a valid test IBAN: the mod-97 key checks). */
const demoDocumentSettings = {
  header_text: 'Dépannage électroménager toutes marques depuis 1998',
  legal_form: 'sarl',
  share_capital_cents: 800_000,
  registration_kind: 'rcs',
  registration_city: 'Lyon',
  ape_code: '95.22Z',
  bank_name: 'Crédit Agricole Centre-Est',
  iban: 'FR7630006000011234567890189',
  bic: 'AGRIFRPP878',
  payment_terms_days: 30,
  footer_text: 'Atelier ouvert du mardi au samedi, 9 h – 12 h et 14 h – 18 h 30',
}

const otherTenants = [
  { name: 'SAV Froid Service', city: 'Bordeaux', postcode: '33000', seats: 2, status: 'active' },
  {
    name: 'Réparation Lavage Express',
    city: 'Lille',
    postcode: '59000',
    seats: 1,
    status: 'trial',
  },
  {
    name: 'Atelier Cuisson Pro',
    city: 'Nantes',
    postcode: '44000',
    seats: 5,
    status: 'blocked',
    status_reason: 'Facture impayée',
  },
]

const demoStaff = [
  {
    email: 'gerant@demo.agoserve.fr',
    full_name: 'Sophie Martin',
    role: 'manager',
    phone: '+33612345678',
  },
  {
    email: 'accueil@demo.agoserve.fr',
    full_name: 'Julie Bernard',
    role: 'receptionist',
    phone: '+33623456789',
  },
  {
    email: 'technicien@demo.agoserve.fr',
    full_name: 'Karim Benali',
    role: 'technician',
    phone: '+33634567890',
  },
  { email: 'compta@demo.agoserve.fr', full_name: 'Nathalie Roux', role: 'accountant', phone: null },
]

const demoCatalogue = [
  {
    maker: 'BSH Électroménager',
    brands: [
      ['Bosch', 24],
      ['Siemens', 24],
      ['Neff', 24],
    ],
  },
  {
    maker: 'Whirlpool France',
    brands: [
      ['Whirlpool', 24],
      ['Indesit', 24],
      ['Hotpoint', 24],
    ],
  },
  {
    maker: 'Groupe SEB',
    brands: [
      ['Moulinex', 24],
      ['Rowenta', 24],
      ['Krups', 24],
    ],
  },
  {
    maker: 'Electrolux France',
    brands: [
      ['Electrolux', 24],
      ['AEG', 24],
      ['Arthur Martin', 24],
    ],
  },
  { maker: 'Samsung Electronics France', brands: [['Samsung', 24]] },
  { maker: 'Miele', brands: [['Miele', 24]] },
] as const

const demoModels: Array<[string, string, string, string]> = [
  ['Bosch', 'washing_machine', 'WAN28208FF', 'Série 4 lave-linge 8 kg'],
  ['Bosch', 'dishwasher', 'SMS4HVI33E', 'Série 4 lave-vaisselle 60 cm'],
  ['Siemens', 'oven', 'HB578ABS0', 'iQ500 four encastrable'],
  ['Neff', 'hob', 'T46FD53X2', 'Table induction 60 cm'],
  ['Whirlpool', 'fridge_freezer', 'W7X 82I OX', 'Réfrigérateur combiné'],
  ['Indesit', 'dryer', 'YT M11 82K RX FR', 'Sèche-linge pompe à chaleur 8 kg'],
  ['Hotpoint', 'washing_machine', 'NSWM 1045C W FR', 'Lave-linge 10 kg'],
  ['Moulinex', 'microwave', 'MO2070', 'Micro-ondes 20 L'],
  ['Krups', 'coffee_machine', 'EA8108', 'Expresso broyeur'],
  ['AEG', 'dishwasher', 'FSE73727P', 'Lave-vaisselle tout intégrable'],
  ['Electrolux', 'hood', 'LFV616K', 'Hotte murale 60 cm'],
  ['Samsung', 'washing_machine', 'WW90T534DAW', 'Lave-linge EcoBubble 9 kg'],
  ['Miele', 'washing_machine', 'WWD 320 WCS', 'Lave-linge 8 kg'],
  ['Arthur Martin', 'cooker', 'ACM6200AWA', 'Cuisinière mixte'],
]

/** Demo data for `npm run dev`: each part runs once (on a database that lacks it). */
export default class DemoSeeder extends BaseSeeder {
  async run() {
    const existing = await this.client.from('users').where('email', 'admin@agoserve.fr').first()
    if (!existing) await this.seedTenantsAndStaff()
    const demo = await this.client.from('tenants').where('name', demoTenant.name).first()
    const catalogued = await this.client.from('manufacturers').where('tenant_id', demo.id).first()
    if (!catalogued) await this.seedCatalogue(demo.id)
    const customers = await this.client.from('customers').where('tenant_id', demo.id).first()
    if (!customers) await this.seedCustomers(demo.id)
    await seedDemoArticles(this.client, demo.id)
    await seedDemoJobs(this.client, demo.id)
    await seedDemoPlanning(this.client, demo.id)
    await this.client
      .table('document_settings')
      .insert({ tenant_id: demo.id, ...demoDocumentSettings })
      .onConflict('tenant_id')
      .ignore()
  }

  private async seedCustomers(tenantId: string) {
    await this.client.transaction((trx) => seedDemoCustomers(trx, tenantId))
  }

  private async seedCatalogue(tenantId: string) {
    await this.client.transaction(async (trx) => {
      const brandIds = new Map<string, string>()
      for (const { maker, brands } of demoCatalogue) {
        const [manufacturer] = await trx
          .table('manufacturers')
          .insert({ tenant_id: tenantId, name: maker })
          .returning('id')
        for (const [name, warrantyMonths] of brands) {
          const [brand] = await trx
            .table('brands')
            .insert({
              tenant_id: tenantId,
              manufacturer_id: manufacturer.id,
              name,
              warranty_months: warrantyMonths,
            })
            .returning('id')
          brandIds.set(name, brand.id)
        }
      }
      await trx.table('product_models').insert(
        demoModels.map(([brand, applianceType, reference, commercialName]) => ({
          tenant_id: tenantId,
          brand_id: brandIds.get(brand),
          appliance_type: applianceType,
          model_reference: reference,
          commercial_name: commercialName,
        }))
      )
    })
  }

  private async seedTenantsAndStaff() {
    const password = await hash.make(DEMO_PASSWORD)
    await this.client.transaction(async (trx) => {
      const [tenant] = await trx.table('tenants').insert(demoTenant).returning('id')
      await trx
        .table('users')
        .insert(demoStaff.map((person) => ({ ...person, tenant_id: tenant.id, password })))
      for (const other of otherTenants) {
        const [row] = await trx.table('tenants').insert(other).returning('id')
        const slug = other.name
          .toLowerCase()
          .normalize('NFD')
          .replace(/[^a-z]+/g, '-')
          .replace(/^-|-$/g, '')
        await trx.table('users').insert({
          tenant_id: row.id,
          email: `gerant@${slug}.fr`,
          full_name: `Gérant ${other.name}`,
          role: 'manager',
          password,
        })
      }
      await trx.table('users').insert([
        {
          email: 'admin@agoserve.fr',
          full_name: 'Claire Opérateur',
          role: 'operator_admin',
          password,
        },
        {
          email: 'support@agoserve.fr',
          full_name: 'Thomas Support',
          role: 'operator_support',
          password,
        },
      ])
    })
  }
}
