import { BaseSeeder } from '@adonisjs/lucid/seeders'
import hash from '@adonisjs/core/services/hash'

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

/** Demo data for `npm run dev`: runs once, on an empty database. */
export default class DemoSeeder extends BaseSeeder {
  async run() {
    const existing = await this.client.from('users').where('email', 'admin@agoserve.fr').first()
    if (existing) return

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
