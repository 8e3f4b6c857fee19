/*
 * Referentials at scale: one tenant with 1,000,000 customers, 1,000,000 appliances and 500,000
 * articles, and 50 other tenants holding 10,000 customers, 10,000 appliances and 5,000 articles
 * each. Rows are generated inside PostgreSQL (INSERT … SELECT over generate_series, through the
 * owner role), deterministic, in batches; a tenant already generated is skipped, so a run that was
 * interrupted resumes where it stopped. Sizes can be lowered with BENCH_SCALE (e.g. 0.1).
 */
import { hashPassword } from './seed.js'
import pg from 'pg'

export const LARGE_TENANT = 'Bench Référentiels'
export const LARGE_MANAGER = {
  email: 'bench.referentials@bench.agoserve.fr',
  password: 'bench-password-1',
}

const SCALE = Number(process.env.BENCH_SCALE || 1)
const LARGE = { customers: 1_000_000, appliances: 1_000_000, articles: 500_000 }
const OTHER = { customers: 10_000, appliances: 10_000, articles: 5_000 }
const OTHER_TENANTS = 50
const BATCH = 100_000

const sqlArray = (values) => `ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')}]`

const LAST_NAMES = sqlArray(
  `Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent Lefèvre
   Michel Garcia David Bertrand Roux Vincent Fournier Morel Girard André Mercier Dupont Lambert
   Bonnet François Martinez Legrand Garnier Faure Rousseau Blanc Guérin Muller Henry Roussel
   Nicolas Perrin Morin Mathieu Clément Gauthier Dumont Lopez Fontaine Chevalier Robin Masson
   Sanchez Gérard Nguyen Boyer Denis Lemaire Duval Joly Gautier Roger Roche Marchand Brun Caron
   Lemoine Picard Renaud Leclerc Barbier Arnaud Giraud Meunier Aubert Rey Lucas Dufour Colin Brunet
   Schmitt Bailly Collet Royer Hubert Carpentier Moulin Leclercq Benoît Renard Dumas Charpentier`.split(
    /\s+/
  )
)
const FIRST_NAMES = sqlArray(
  `Camille Léa Manon Chloé Inès Sarah Emma Julie Lucie Anaïs Océane Mathilde Élodie Claire Nathalie
   Isabelle Sophie Céline Aurélie Hélène Lucas Hugo Thomas Nicolas Julien Maxime Antoine Alexandre
   Romain Kévin Théo Mathieu François Jérôme Sébastien Stéphane Frédéric Olivier Benoît Loïc Cédric
   Yannick Gaëlle Noémie Pierre Jacques Monique Françoise Bernard Christine`.split(/\s+/)
)
const CITIES = sqlArray(
  `Paris Lyon Marseille Toulouse Nice Nantes Strasbourg Montpellier Bordeaux Lille Rennes Reims
   Toulon Grenoble Dijon Angers Nîmes Brest Limoges Tours Amiens Metz Perpignan Caen Orléans Rouen`.split(
    /\s+/
  )
)
const POSTCODES = sqlArray(
  `75011 69003 13006 31000 06000 44000 67000 34000 33000 59000 35000 51100 83000 38000 21000 49000
   30000 29200 87000 37000 80000 57000 66000 14000 45000 76000`.split(/\s+/)
)
const STREETS = sqlArray([
  'rue de la République',
  'avenue Jean Jaurès',
  'rue Victor Hugo',
  'boulevard Gambetta',
  'rue Pasteur',
  'avenue de la Gare',
  'rue du Commerce',
  'place de la Mairie',
  'rue des Artisans',
  'chemin des Vignes',
])
const PART_NAMES = sqlArray([
  'Pompe de vidange',
  'Joint de hublot',
  'Charbons moteur',
  'Résistance de chauffe',
  'Serrure de porte',
  'Thermostat',
  'Filtre à peluches',
  'Courroie',
  'Carte électronique',
  'Électrovanne',
  'Roulement de tambour',
  'Amortisseur',
  'Bras de lavage',
  'Ventilateur',
  'Sonde de température',
  'Joint de porte',
  'Ampoule de four',
  'Bouton de commande',
  'Filtre à graisse',
  'Pressostat',
])
const PART_FITS = sqlArray([
  'lave-linge',
  'sèche-linge',
  'lave-vaisselle',
  'réfrigérateur',
  'four',
  'table de cuisson',
  'hotte',
  'congélateur',
])
const BRANDS =
  `Bosch Siemens Whirlpool Indesit Brandt Vedette Candy Hoover Samsung LG Miele Electrolux
  AEG Beko Haier Sauter Smeg Gorenje Liebherr Hotpoint`.split(/\s+/)
const APPLIANCE_TYPES = sqlArray([
  'washing_machine',
  'dryer',
  'dishwasher',
  'fridge',
  'freezer',
  'oven',
  'hob',
  'hood',
  'microwave',
  'small_appliance',
])

/** Generates what is missing; returns the large tenant's id. */
export async function seedLargeTenants(ownerUrl, { log = console.log } = {}) {
  const client = new pg.Client({ connectionString: ownerUrl })
  await client.connect()
  try {
    const large = await ensureTenant(client, LARGE_TENANT, 60)
    await ensureManager(client, large)
    let generated = await fill(client, large, scaled(LARGE), log)
    const others = await client.query(
      `SELECT id, name FROM tenants WHERE name <> $1 AND name <> 'Bench SAV' ORDER BY name LIMIT $2`,
      [LARGE_TENANT, OTHER_TENANTS]
    )
    for (const row of others.rows)
      generated = (await fill(client, row.id, scaled(OTHER), log)) || generated
    // As autovacuum would soon after a bulk load: statistics, and GIN pending lists merged.
    if (generated)
      await client.query('VACUUM ANALYZE customers, customer_appliances, articles, product_models')
    return large
  } finally {
    await client.end()
  }
}

function scaled(sizes) {
  return Object.fromEntries(
    Object.entries(sizes).map(([key, value]) => [key, Math.max(100, Math.round(value * SCALE))])
  )
}

async function ensureTenant(client, name, seats) {
  const found = await client.query('SELECT id FROM tenants WHERE name = $1', [name])
  if (found.rowCount) return found.rows[0].id
  const created = await client.query(
    `INSERT INTO tenants (name, siren, postcode, city, country, seats, status)
     VALUES ($1, '552100554', '69003', 'Lyon', 'FR', $2, 'active') RETURNING id`,
    [name, seats]
  )
  return created.rows[0].id
}

async function ensureManager(client, tenantId) {
  const found = await client.query('SELECT 1 FROM users WHERE email = $1', [LARGE_MANAGER.email])
  if (found.rowCount) return
  const hash = await hashPassword(LARGE_MANAGER.password)
  await client.query(
    `INSERT INTO users (tenant_id, email, full_name, role, password) VALUES ($1, $2, $3, 'manager', $4)`,
    [tenantId, LARGE_MANAGER.email, 'Gérant Référentiels', hash]
  )
}

/** Fills one tenant up to the given sizes, batch by batch (each batch its own transaction); true if it added rows. */
async function fill(client, tenantId, sizes, log) {
  const count = async (table) =>
    Number(
      (await client.query(`SELECT count(*) FROM ${table} WHERE tenant_id = $1`, [tenantId])).rows[0]
        .count
    )
  const started = performance.now()
  await ensureCatalogue(client, tenantId)
  let customers = await count('customers')
  let appliances = await count('customer_appliances')
  let articles = await count('articles')
  if (customers >= sizes.customers && appliances >= sizes.appliances && articles >= sizes.articles)
    return false
  while (customers < sizes.customers) {
    const size = Math.min(BATCH, sizes.customers - customers)
    await client.query(insertCustomers, [tenantId, customers + 1, customers + size])
    customers += size
  }
  await client.query('ANALYZE customers, product_models')
  while (appliances < sizes.appliances) {
    const size = Math.min(BATCH, sizes.appliances - appliances)
    await client.query(insertAppliances, [tenantId, appliances + 1, appliances + size, customers])
    appliances += size
  }
  while (articles < sizes.articles) {
    const size = Math.min(BATCH, sizes.articles - articles)
    await client.query(insertArticles, [tenantId, articles + 1, articles + size])
    articles += size
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  log(
    `Tenant ${tenantId.slice(0, 8)}: ${customers} customers, ${appliances} appliances, ${articles} articles (${seconds} s)`
  )
  return true
}

/** One manufacturer and brand per name, 100 models per brand. */
async function ensureCatalogue(client, tenantId) {
  const found = await client.query('SELECT count(*) FROM product_models WHERE tenant_id = $1', [
    tenantId,
  ])
  if (Number(found.rows[0].count) > 0) return
  await client.query('BEGIN')
  for (const name of BRANDS) {
    const maker = await client.query(
      `INSERT INTO manufacturers (tenant_id, name) VALUES ($1, $2)
       ON CONFLICT (tenant_id, lower(name)) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
      [tenantId, name]
    )
    const brand = await client.query(
      `INSERT INTO brands (tenant_id, manufacturer_id, name) VALUES ($1, $2, $3)
       ON CONFLICT (tenant_id, lower(name)) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
      [tenantId, maker.rows[0].id, name]
    )
    await client.query(
      `INSERT INTO product_models (tenant_id, brand_id, appliance_type, model_reference, commercial_name)
       SELECT $1, $2, (${APPLIANCE_TYPES})[1 + i % 10], upper(left($3, 3)) || lpad(i::text, 5, '0'),
              $3 || ' Série ' || (1 + i % 8)
       FROM generate_series(1, 100) AS i
       ON CONFLICT DO NOTHING`,
      [tenantId, brand.rows[0].id, name]
    )
  }
  await client.query('COMMIT')
}

// Names, phones, e-mails and cities cycle through lists with co-prime lengths, so combinations vary.
const insertCustomers = `
  INSERT INTO customers (tenant_id, kind, last_name, first_name, company_name, email, phone, mobile,
    address_line1, postcode, city, external_ref, created_at)
  SELECT $1,
    CASE WHEN i % 10 = 0 THEN 'company' ELSE 'person' END,
    CASE WHEN i % 10 = 0 THEN NULL ELSE (${LAST_NAMES})[1 + (i::bigint * 7) % array_length(${LAST_NAMES}, 1)] END,
    CASE WHEN i % 10 = 0 THEN NULL ELSE (${FIRST_NAMES})[1 + (i::bigint * 13) % array_length(${FIRST_NAMES}, 1)] END,
    CASE WHEN i % 10 = 0 THEN 'SARL ' || (${LAST_NAMES})[1 + (i::bigint * 7) % array_length(${LAST_NAMES}, 1)] || ' ' || i ELSE NULL END,
    'client' || i || '@exemple.fr',
    '+334' || lpad((i::bigint * 7919 % 100000000)::text, 8, '0'),
    '+336' || lpad(i::text, 8, '0'),
    (1 + i % 180) || ' ' || (${STREETS})[1 + i % 10],
    (${POSTCODES})[1 + (i * 11) % 26],
    (${CITIES})[1 + (i * 11) % 26],
    'C' || lpad(i::text, 8, '0'),
    now() - (i % 2000) * interval '1 day'
  FROM generate_series($2::int, $3::int) AS i`

// The i-th appliance belongs to the customer whose external reference is C<(3 i) mod customers>.
const insertAppliances = `
  WITH models AS (
    SELECT id, row_number() OVER (ORDER BY id) AS n, count(*) OVER () AS total
    FROM product_models WHERE tenant_id = $1
  )
  INSERT INTO customer_appliances (tenant_id, customer_id, product_model_id, serial_number,
    purchase_date, warranty_end, external_ref)
  SELECT $1, owner.id, models.id,
    upper(substr(md5('serial' || i), 1, 4)) || lpad(i::text, 8, '0'),
    date '2018-01-01' + (i % 2900),
    date '2020-01-01' + (i % 2900),
    'A' || lpad(i::text, 8, '0')
  FROM generate_series($2::int, $3::int) AS i
  JOIN models ON models.n = 1 + i % models.total
  CROSS JOIN LATERAL (
    SELECT id FROM customers
    WHERE tenant_id = $1 AND external_ref = 'C' || lpad((1 + (i::bigint * 3) % $4)::text, 8, '0')
  ) AS owner`

const insertArticles = `
  INSERT INTO articles (tenant_id, sku, manufacturer_part_number, label, kind, sale_price_cents,
    vat_code, eco_participation_cents, unit, stock_quantity)
  SELECT $1,
    'P' || lpad(i::text, 7, '0'),
    (48 + i % 50)::text || lpad((i::bigint * 7919 % 10000000)::text, 7, '0'),
    (${PART_NAMES})[1 + i % 20] || ' ' || (${PART_FITS})[1 + (i / 20) % 8] || ' ' || (${sqlArray(BRANDS)})[1 + (i / 160) % ${BRANDS.length}],
    'spare_part',
    500 + (i * 37) % 25000,
    'normal',
    CASE WHEN i % 50 = 0 THEN 50 ELSE 0 END,
    'piece',
    i % 12
  FROM generate_series($2::int, $3::int) AS i`
