import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { warrantyEnd } from '#referentials/domain/warranty'

/**
 * The demo shop's customers around Lyon: a few hand-written ones the README and screenshots
 * mention, then about 150 more combined from French names, streets and towns (deterministic, so
 * every `npm run dev` on a new database shows the same data), with their appliances, some
 * holiday homes and rented flats as site addresses, and relatives' phones as extra contacts.
 */
const handWritten = [
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

const handWrittenAppliances: Array<[number, string, string, string]> = [
  [0, 'WAN28208FF', 'FD9912 004512', '2024-05-18'],
  [0, 'SMS4HVI33E', 'FD0103 118822', '2022-11-02'],
  [1, 'W7X 82I OX', '1234 5678 9012', '2025-02-10'],
  [2, 'WW90T534DAW', '0HTB5ABR300123Y', '2023-07-21'],
  [3, 'NSWM 1045C W FR', '31045987001', '2021-09-30'],
]

const LAST_NAMES = [
  'Martin',
  'Bernard',
  'Dubois',
  'Thomas',
  'Robert',
  'Richard',
  'Petit',
  'Durand',
  'Leroy',
  'Simon',
  'Laurent',
  'Michel',
  'David',
  'Bertrand',
  'Roux',
  'Vincent',
  'Fournier',
  'Morel',
  'Girard',
  'André',
  'Mercier',
  'Dupont',
  'Lambert',
  'Bonnet',
  'François',
  'Legrand',
  'Garnier',
  'Faure',
  'Rousseau',
  'Blanc',
  'Guérin',
  'Muller',
  'Henry',
  'Perrin',
  'Morin',
  'Mathieu',
  'Clément',
  'Gauthier',
  'Chevalier',
  'Robin',
  'Masson',
  'Nguyen',
  'Boyer',
  'Denis',
  'Lemaire',
  'Duval',
  'Joly',
  'Roche',
  'Brun',
  'Caron',
  'Picard',
  'Renaud',
  'Barbier',
  'Arnaud',
  'Meunier',
]
const FIRST_NAMES = [
  ['mrs', 'Camille'],
  ['mrs', 'Léa'],
  ['mrs', 'Chloé'],
  ['mrs', 'Julie'],
  ['mrs', 'Nathalie'],
  ['mrs', 'Isabelle'],
  ['mrs', 'Sophie'],
  ['mrs', 'Hélène'],
  ['mrs', 'Monique'],
  ['mrs', 'Anaïs'],
  ['mr', 'Lucas'],
  ['mr', 'Hugo'],
  ['mr', 'Thomas'],
  ['mr', 'Julien'],
  ['mr', 'Antoine'],
  ['mr', 'Romain'],
  ['mr', 'Jérôme'],
  ['mr', 'Stéphane'],
  ['mr', 'Olivier'],
  ['mr', 'Bernard'],
  ['mr', 'Jacques'],
  ['mr', 'Yannick'],
] as const
const STREETS = [
  'rue de la République',
  'avenue Jean Jaurès',
  'rue Victor Hugo',
  'cours Gambetta',
  'rue Pasteur',
  'avenue Berthelot',
  'rue Paul Bert',
  'montée de la Grande Côte',
  'rue Garibaldi',
  'boulevard des Belges',
  'chemin de Montessuy',
  'rue du Repos',
]
const TOWNS = [
  ['69001', 'Lyon'],
  ['69003', 'Lyon'],
  ['69004', 'Lyon'],
  ['69006', 'Lyon'],
  ['69008', 'Lyon'],
  ['69100', 'Villeurbanne'],
  ['69120', 'Vaulx-en-Velin'],
  ['69200', 'Vénissieux'],
  ['69500', 'Bron'],
  ['69130', 'Écully'],
  ['69160', 'Tassin-la-Demi-Lune'],
  ['69600', 'Oullins'],
] as const
const COMPANIES = [
  'Régie Saint-Jean',
  'Hôtel du Parc',
  'Boulangerie Delorme',
  'Crèche Les Petits Pas',
  'Gîtes des Monts d’Or',
  'Restaurant Le Bouchon Lyonnais',
  'EHPAD Les Glycines',
  'Camping Les Berges du Rhône',
]
const HOLIDAY_TOWNS = [
  ['06400', 'Cannes'],
  ['74400', 'Chamonix-Mont-Blanc'],
  ['07150', 'Vallon-Pont-d’Arc'],
  ['38860', 'Les Deux Alpes'],
  ['83990', 'Saint-Tropez'],
] as const

const GENERATED = 150

/** Inserts the demo customers, their appliances, site addresses and extra contacts. */
export async function seedDemoCustomers(trx: TransactionClientContract, tenantId: string) {
  const people = Array.from({ length: GENERATED }, (_, index) => generatedCustomer(index))
  const rows = [...handWritten, ...people].map((customer, index) => ({
    tenant_id: tenantId,
    external_ref: `C${String(index + 1).padStart(5, '0')}`,
    ...customer,
  }))
  const ids: Array<{ id: string }> = await trx.table('customers').insert(rows).returning('id')

  const models = await trx
    .from('product_models')
    .join('brands', 'brands.id', 'product_models.brand_id')
    .where('product_models.tenant_id', tenantId)
    .orderBy('product_models.model_reference')
    .select('product_models.id', 'product_models.model_reference', 'brands.warranty_months')
  const appliance = (
    customer: number,
    model: (typeof models)[number],
    serial: string,
    date: string
  ) => ({
    tenant_id: tenantId,
    customer_id: ids[customer].id,
    product_model_id: model.id,
    serial_number: serial,
    purchase_date: date,
    warranty_end: warrantyEnd(date, model.warranty_months),
  })
  const appliances = handWrittenAppliances.map(([customer, reference, serial, date]) =>
    appliance(
      customer,
      models.find((m) => m.model_reference === reference)!,
      serial,
      date
    )
  )
  // Two customers in three have one appliance on file, one in six a second one.
  for (let index = 0; index < GENERATED; index++) {
    const customer = handWritten.length + index
    for (let nth = 0; nth < (index % 6 === 0 ? 2 : index % 3 === 2 ? 0 : 1); nth++) {
      const model = models[(index * 5 + nth * 3) % models.length]
      const year = 2017 + ((index + nth) % 9)
      const month = String(1 + ((index * 7) % 12)).padStart(2, '0')
      const day = String(1 + ((index * 11) % 28)).padStart(2, '0')
      const serial = `${model.model_reference.slice(0, 3).toUpperCase()}${year % 100}${String(100000 + index * 7919 + nth).slice(-6)}`
      appliances.push(appliance(customer, model, serial, `${year}-${month}-${day}`))
    }
  }
  await trx.table('customer_appliances').insert(appliances)

  const sites = []
  const contacts = []
  for (let index = 0; index < GENERATED; index += 12) {
    const [postcode, city] = HOLIDAY_TOWNS[(index / 12) % HOLIDAY_TOWNS.length]
    sites.push({
      tenant_id: tenantId,
      customer_id: ids[handWritten.length + index].id,
      label: 'Résidence secondaire',
      address_line1: `${5 + index} chemin des Crêtes`,
      postcode,
      city,
      access_notes: 'Clés chez le gardien, prévenir la veille.',
    })
  }
  sites.push({
    tenant_id: tenantId,
    customer_id: ids[3].id,
    label: 'Bâtiment B — buanderie',
    address_line1: '5 allée des Tilleuls',
    postcode: '69300',
    city: 'Caluire-et-Cuire',
    contact_name: 'M. Renaud (gardien)',
    contact_phone: '+33472334456',
    access_notes: 'Digicode 4521B, sous-sol, porte de droite.',
  })
  for (let index = 5; index < GENERATED; index += 10) {
    contacts.push({
      tenant_id: tenantId,
      customer_id: ids[handWritten.length + index].id,
      label: index % 20 === 5 ? 'Fille (gère les réparations)' : 'Travail',
      phone: `+3378${String(1000000 + index * 4231).slice(-7)}`,
      email: index % 20 === 5 ? null : `contact${index}@entreprise.exemple.fr`,
    })
  }
  await trx.table('customer_sites').insert(sites)
  await trx.table('customer_contacts').insert(contacts)
}

function generatedCustomer(index: number) {
  const [postcode, city] = TOWNS[(index * 5) % TOWNS.length]
  const address = {
    address_line1: `${1 + ((index * 17) % 140)} ${STREETS[(index * 7) % STREETS.length]}`,
    postcode,
    city,
  }
  if (index % 19 === 7) {
    const company = COMPANIES[Math.floor(index / 19) % COMPANIES.length]
    return {
      kind: 'company',
      company_name: company,
      phone: `+334${String(72000000 + index * 6151).slice(-8)}`,
      email: `accueil@${company
        .toLowerCase()
        .normalize('NFD')
        .replace(/[^a-z]+/g, '-')
        .replace(/^-|-$/g, '')}.exemple.fr`,
      payment_terms_days: 30,
      ...address,
    }
  }
  const lastName = LAST_NAMES[(index * 7) % LAST_NAMES.length]
  const [civility, firstName] = FIRST_NAMES[(index * 3) % FIRST_NAMES.length]
  const plain = (text: string) =>
    text
      .toLowerCase()
      .normalize('NFD')
      .replace(/[^a-z]/g, '')
  return {
    kind: 'person',
    civility,
    last_name: lastName,
    first_name: firstName,
    mobile: `+336${String(10000000 + index * 48611).slice(-8)}`,
    email: index % 4 === 3 ? null : `${plain(firstName)}.${plain(lastName)}${index}@exemple.fr`,
    marketing_consent: index % 3 === 0,
    ...address,
  }
}
