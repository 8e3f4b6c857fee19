import { BaseSeeder } from '@adonisjs/lucid/seeders'
import hash from '@adonisjs/core/services/hash'
import { warrantyEnd } from '#referentials/domain/warranty'

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

const demoCustomers = [
  {
    kind: 'person',
    civility: 'mrs',
    last_name: 'Lefèvre',
    first_name: 'Claire',
    mobile: '+33612457890',
    email: 'claire.lefevre@exemple.fr',
    address_line1: '8 rue Victor Hugo',
    postcode: '69002',
    city: 'Lyon',
    marketing_consent: true,
  },
  {
    kind: 'person',
    civility: 'mr',
    last_name: 'Moreau',
    first_name: 'Paul',
    phone: '+33478654321',
    address_line1: '21 avenue Jean Jaurès',
    postcode: '69007',
    city: 'Lyon',
  },
  {
    kind: 'person',
    civility: 'mrs',
    last_name: 'Garcia',
    first_name: 'Inès',
    mobile: '+33698765432',
    email: 'ines.garcia@exemple.fr',
    postcode: '69100',
    city: 'Villeurbanne',
  },
  {
    kind: 'company',
    company_name: 'Résidence Les Tilleuls',
    siret: '73282932000074',
    phone: '+33472334455',
    address_line1: '3 allée des Tilleuls',
    postcode: '69300',
    city: 'Caluire-et-Cuire',
    payment_terms_days: 30,
  },
]

const demoAppliances: Array<[number, string, string, string]> = [
  [0, 'WAN28208FF', 'FD9912 004512', '2024-05-18'],
  [0, 'SMS4HVI33E', 'FD0103 118822', '2022-11-02'],
  [1, 'W7X 82I OX', '1234 5678 9012', '2025-02-10'],
  [2, 'WW90T534DAW', '0HTB5ABR300123Y', '2023-07-21'],
  [3, 'NSWM 1045C W FR', '31045987001', '2021-09-30'],
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
  }

  private async seedCustomers(tenantId: string) {
    await this.client.transaction(async (trx) => {
      const ids = await trx
        .table('customers')
        .insert(demoCustomers.map((customer) => ({ tenant_id: tenantId, ...customer })))
        .returning('id')
      const models = await trx
        .from('product_models')
        .join('brands', 'brands.id', 'product_models.brand_id')
        .where('product_models.tenant_id', tenantId)
        .select('product_models.id', 'product_models.model_reference', 'brands.warranty_months')
      for (const [customer, reference, serial, purchased] of demoAppliances) {
        const model = models.find((candidate) => candidate.model_reference === reference)
        await trx.table('customer_appliances').insert({
          tenant_id: tenantId,
          customer_id: ids[customer].id,
          product_model_id: model.id,
          serial_number: serial,
          purchase_date: purchased,
          warranty_end: warrantyEnd(purchased, model.warranty_months),
        })
      }
    })
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
