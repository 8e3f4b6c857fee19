/*
 * Bench data: 200 tenants and 10,000 staff users, half of them in the "Bench SAV" tenant the bench
 * signs in to. Deterministic (seeded random), inserted in one transaction through the owner role
 * (it owns the tables, so row-level security does not apply), skipped when already there.
 */
import argon2 from 'argon2'
import pg from 'pg'

export const BENCH_TENANT = 'Bench SAV'
export const BENCH_MANAGER = {
  email: 'bench.manager@bench.agoserve.fr',
  password: 'bench-password-1',
}

const TENANTS = 200
const USERS = 10_000
const BENCH_USERS = 5_000
const BENCH_SEATS = 50
const ROWS_PER_INSERT = 1_000

const FIRST_NAMES = list(`
  Camille, Léa, Manon, Chloé, Inès, Sarah, Emma, Julie, Lucie, Anaïs, Océane, Mathilde,
  Élodie, Claire, Nathalie, Isabelle, Sophie, Céline, Aurélie, Hélène, Lucas, Hugo, Thomas,
  Nicolas, Julien, Maxime, Antoine, Alexandre, Romain, Kévin, Théo, Mathieu, François,
  Jérôme, Sébastien, Stéphane, Frédéric, Olivier, Benoît, Loïc, Cédric, Yannick, Gaëlle,
  Noémie, Jean-Pierre, Marie-Claire
`)
const LAST_NAMES = list(`
  Martin, Bernard, Dubois, Thomas, Robert, Richard, Petit, Durand, Leroy, Moreau, Simon,
  Laurent, Lefèvre, Michel, Garcia, David, Bertrand, Roux, Vincent, Fournier, Morel, Girard,
  André, Mercier, Dupont, Lambert, Bonnet, François, Martinez, Legrand, Garnier, Faure,
  Rousseau, Blanc, Guérin, Muller, Henry, Roussel, Nicolas, Perrin, Morin, Mathieu, Clément,
  Gauthier, Dumont, Lopez, Fontaine, Chevalier, Robin, Masson, Sanchez, Gérard, Nguyen,
  Boyer, Denis, Lemaire, Duval, Joly, Gautier, Roger, Roche, Le Gall, Le Goff, Martineau,
  Marchand, Brun, Caron, Lemoine
`)
/** City and postcode. */
const CITIES = list(`
  Paris 75011, Lyon 69003, Marseille 13006, Toulouse 31000, Nice 06000, Nantes 44000,
  Strasbourg 67000, Montpellier 34000, Bordeaux 33000, Lille 59000, Rennes 35000,
  Reims 51100, Le Havre 76600, Saint-Étienne 42000, Toulon 83000, Grenoble 38000,
  Dijon 21000, Angers 49000, Nîmes 30000, Clermont-Ferrand 63000, Brest 29200, Limoges 87000,
  Tours 37000, Amiens 80000, Metz 57000, Perpignan 66000
`).map((entry) => {
  const at = entry.lastIndexOf(' ')
  return [entry.slice(0, at), entry.slice(at + 1)]
})
const STREETS = list(`
  rue de la République, avenue Jean Jaurès, rue Victor Hugo, boulevard Gambetta, rue Pasteur,
  avenue de la Gare, rue du Commerce, place de la Mairie, rue des Artisans
`)
const TRADES = list('SAV, Électroménager, Dépannage, Réparation, Atelier, Service')
/** Role and weight among a tenant's staff besides its first manager. */
const ROLES = [
  ['technician', 55],
  ['receptionist', 30],
  ['accountant', 10],
  ['manager', 5],
]

/** Seeds the bench data unless the bench tenant exists; returns its id and whether it was created. */
export async function seedBenchData(ownerUrl, { log = console.log } = {}) {
  const client = new pg.Client({ connectionString: ownerUrl })
  await client.connect()
  try {
    const existing = await client.query(
      `SELECT t.id, (SELECT count(*) FROM tenants)::int AS tenants, (SELECT count(*) FROM users)::int AS users
       FROM tenants t WHERE t.name = $1`,
      [BENCH_TENANT]
    )
    if (existing.rowCount > 0) {
      const { id, tenants, users } = existing.rows[0]
      log(`Bench data already there (${tenants} tenants, ${users} users): not seeding again`)
      return { tenantId: id, created: false }
    }

    const started = performance.now()
    const passwordHash = await hashPassword(BENCH_MANAGER.password)
    const random = mulberry32(20261126)
    const tenants = buildTenants(random)
    const users = buildUsers(random, tenants, passwordHash)

    await client.query('BEGIN')
    const tenantIds = await insertRows(client, 'tenants', tenants, 'id')
    for (const user of users) user.tenant_id = tenantIds[user.tenantIndex]
    await insertRows(
      client,
      'users',
      users.map(({ tenantIndex, ...user }) => user)
    )
    await client.query('COMMIT')
    // As autovacuum would soon after a bulk load: statistics, and a visibility map that lets
    // counts be answered from indexes alone.
    await client.query('VACUUM ANALYZE tenants')
    await client.query('VACUUM ANALYZE users')

    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    log(`Seeded ${tenants.length} tenants and ${users.length} users in ${seconds} s`)
    return { tenantId: tenantIds[0], created: true }
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {})
    throw error
  } finally {
    await client.end()
  }
}

/** Same parameters as config/hash.ts, so the app never needs to rehash on sign-in. */
export function hashPassword(password) {
  return argon2.hash(password, {
    type: argon2.argon2id,
    memoryCost: 65536,
    timeCost: 3,
    parallelism: 1,
    hashLength: 32,
  })
}

function buildTenants(random) {
  const tenants = []
  for (let index = 0; index < TENANTS; index++) {
    const bench = index === 0
    const [city, postcode] = pick(random, CITIES)
    const siren = luhnComplete(digits(random, 8))
    const siret = luhnComplete(siren + digits(random, 4))
    const name = bench
      ? BENCH_TENANT
      : `${pick(random, TRADES)} ${pick(random, LAST_NAMES)} ${city}`
    const createdAt = daysAgo(random, 900)
    tenants.push({
      name,
      siren,
      siret,
      vat_number: `FR${String((12 + 3 * (Number(siren) % 97)) % 97).padStart(2, '0')}${siren}`,
      address_line1: `${1 + Math.floor(random() * 180)} ${pick(random, STREETS)}`,
      postcode,
      city,
      country: 'FR',
      email: `contact@${slug(name)}-${index}.example.fr`,
      phone: phone(random, '01'),
      seats: bench ? BENCH_SEATS : 1 + Math.floor(random() * 10),
      status: bench
        ? 'active'
        : weighted(random, [
            ['active', 80],
            ['trial', 14],
            ['blocked', 4],
            ['terminated', 2],
          ]),
      created_at: createdAt,
      updated_at: createdAt,
    })
  }
  return tenants
}

function buildUsers(random, tenants, passwordHash) {
  const emails = new Set()
  const users = []
  const add = (tenantIndex, role, fullName, email) => {
    const createdAt = daysAgo(random, 700)
    users.push({
      tenantIndex,
      email,
      full_name: fullName,
      password: passwordHash,
      role,
      phone: phone(random, '06'),
      locale: 'fr',
      created_at: createdAt,
      updated_at: createdAt,
    })
  }
  const uniqueEmail = (first, last, domain) => {
    const base = `${slug(first)}.${slug(last)}`
    let email = `${base}@${domain}`
    for (let n = 2; emails.has(email); n++) email = `${base}${n}@${domain}`
    emails.add(email)
    return email
  }
  const person = (tenantIndex, role, domain) => {
    const first = pick(random, FIRST_NAMES)
    const last = pick(random, LAST_NAMES)
    add(tenantIndex, role, `${first} ${last}`, uniqueEmail(first, last, domain))
  }

  emails.add(BENCH_MANAGER.email)
  add(0, 'manager', 'Bench Manager', BENCH_MANAGER.email)
  for (let n = 1; n < BENCH_USERS; n++) person(0, weighted(random, ROLES), 'bench.agoserve.fr')

  const others = TENANTS - 1
  const remaining = USERS - BENCH_USERS
  for (let tenant = 1; tenant <= others; tenant++) {
    const count = Math.floor(remaining / others) + (tenant <= remaining % others ? 1 : 0)
    const domain = `${slug(tenants[tenant].name)}-${tenant}.example.fr`
    for (let n = 0; n < count; n++)
      person(tenant, n === 0 ? 'manager' : weighted(random, ROLES), domain)
  }
  return users
}

/** Multi-row INSERTs of ROWS_PER_INSERT rows (pg has no COPY FROM STDIN without pg-copy-streams). */
async function insertRows(client, table, rows, returning) {
  const columns = Object.keys(rows[0])
  const ids = []
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    const chunk = rows.slice(start, start + ROWS_PER_INSERT)
    const values = []
    const tuples = chunk.map((row) => {
      const placeholders = columns.map((column) => {
        values.push(row[column])
        return `$${values.length}`
      })
      return `(${placeholders.join(', ')})`
    })
    const result = await client.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}${returning ? ` RETURNING ${returning}` : ''}`,
      values
    )
    if (returning) ids.push(...result.rows.map((row) => row[returning]))
  }
  return ids
}

/** A comma-separated list written as text, so the data stays readable. */
function list(text) {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
}

function mulberry32(seed) {
  return () => {
    seed |= 0
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function pick(random, list) {
  return list[Math.floor(random() * list.length)]
}

function weighted(random, entries) {
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0)
  let roll = random() * total
  for (const [value, weight] of entries) {
    roll -= weight
    if (roll < 0) return value
  }
  return entries[0][0]
}

function digits(random, count) {
  let value = String(1 + Math.floor(random() * 9))
  while (value.length < count) value += Math.floor(random() * 10)
  return value
}

/** Appends the Luhn check digit (SIREN and SIRET both use it). */
function luhnComplete(partial) {
  for (let check = 0; check <= 9; check++) {
    const candidate = partial + check
    let sum = 0
    for (let i = 0; i < candidate.length; i++) {
      let digit = Number(candidate[candidate.length - 1 - i])
      if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2
      sum += digit
    }
    if (sum % 10 === 0) return candidate
  }
  throw new Error('unreachable')
}

function phone(random, prefix) {
  const pairs = Array.from({ length: 4 }, () => String(Math.floor(random() * 100)).padStart(2, '0'))
  return `${prefix} ${pairs.join(' ')}`
}

function daysAgo(random, maxDays) {
  return new Date(Date.now() - Math.floor(random() * maxDays * 86_400_000))
}

function slug(value) {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}
