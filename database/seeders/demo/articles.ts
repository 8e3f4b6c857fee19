import type { QueryClientContract } from '@adonisjs/lucid/types/database'

/**
 * The demo shop's spare parts: a few hundred articles combined from part kinds, appliances and
 * the demo brands (deterministic, so every new database shows the same data), with families,
 * manufacturer part numbers in each maker's format, supplier references and purchase prices,
 * some superseded parts, two price grids and the customer categories that use them.
 */

type Appliance = 'washing' | 'dryer' | 'dishwasher' | 'fridge' | 'oven' | 'hob' | 'hood'

const families: Array<[code: string, name: string]> = [
  ['POMPE', 'Pompes'],
  ['JOINT', 'Joints de porte et de hublot'],
  ['CHARBON', 'Charbons moteur'],
  ['RESIST', 'Résistances et foyers'],
  ['SERRURE', 'Serrures et sécurités de porte'],
  ['THERMO', 'Thermostats et sondes'],
  ['FILTRE', 'Filtres'],
  ['COURROIE', 'Courroies et galets'],
  ['AMORT', 'Amortisseurs et suspensions'],
  ['ELECTRO', 'Électrovannes'],
  ['CARTE', 'Cartes électroniques'],
  ['ROULEMENT', 'Roulements et paliers'],
  ['VENTIL', 'Moteurs et ventilateurs'],
  ['LAMPE', 'Lampes'],
  ['PANIER', 'Paniers, bacs et balconnets'],
  ['BRAS', 'Bras de lavage'],
  ['COMMANDE', 'Boutons et claviers'],
  ['CHARNIERE', 'Charnières'],
  ['CONSO', 'Consommables'],
  ['MO', "Main-d'œuvre et forfaits"],
]

const appliances: Record<Appliance, { label: string; brands: string[] }> = {
  washing: {
    label: 'lave-linge',
    brands: [
      'Bosch',
      'Siemens',
      'Whirlpool',
      'Indesit',
      'Hotpoint',
      'Electrolux',
      'AEG',
      'Samsung',
      'Miele',
    ],
  },
  dryer: {
    label: 'sèche-linge',
    brands: ['Bosch', 'Siemens', 'Whirlpool', 'Indesit', 'Electrolux', 'AEG', 'Samsung', 'Miele'],
  },
  dishwasher: {
    label: 'lave-vaisselle',
    brands: [
      'Bosch',
      'Siemens',
      'Neff',
      'Whirlpool',
      'Indesit',
      'Electrolux',
      'AEG',
      'Samsung',
      'Miele',
    ],
  },
  fridge: {
    label: 'réfrigérateur',
    brands: ['Bosch', 'Siemens', 'Whirlpool', 'Indesit', 'Electrolux', 'Samsung', 'Miele'],
  },
  oven: {
    label: 'four',
    brands: [
      'Bosch',
      'Siemens',
      'Neff',
      'Whirlpool',
      'Electrolux',
      'AEG',
      'Arthur Martin',
      'Miele',
    ],
  },
  hob: {
    label: 'table de cuisson',
    brands: ['Bosch', 'Siemens', 'Neff', 'Whirlpool', 'Electrolux', 'AEG', 'Arthur Martin'],
  },
  hood: {
    label: 'hotte',
    brands: ['Bosch', 'Siemens', 'Neff', 'Whirlpool', 'Electrolux', 'AEG'],
  },
}

/** [family, appliance, label, purchase price range in cents, variants of the label] */
const partKinds: Array<[string, Appliance, string, [number, number], string[]?]> = [
  ['POMPE', 'washing', 'Pompe de vidange', [1200, 3500]],
  ['JOINT', 'washing', 'Joint de hublot', [2500, 6500]],
  ['CHARBON', 'washing', 'Jeu de charbons moteur', [800, 1800]],
  ['RESIST', 'washing', 'Résistance de chauffe', [1800, 4000], ['1950 W', '2000 W', '2050 W']],
  ['SERRURE', 'washing', 'Sécurité de porte', [1200, 3000]],
  ['COURROIE', 'washing', 'Courroie', [900, 2200], ['1270 J5', '1192 J6', '1242 J4', '1965 H7']],
  ['AMORT', 'washing', 'Amortisseur (la paire)', [1500, 3500]],
  ['ELECTRO', 'washing', 'Électrovanne double voie', [1200, 2800]],
  ['ROULEMENT', 'washing', 'Kit roulements et joint de palier', [2500, 6000]],
  ['FILTRE', 'washing', 'Filtre de vidange', [400, 1200]],
  ['THERMO', 'washing', 'Sonde de température CTN', [600, 1500]],
  ['CARTE', 'washing', 'Module de puissance', [9000, 18000]],
  ['COURROIE', 'dryer', 'Courroie de tambour', [900, 2000]],
  ['RESIST', 'dryer', 'Résistance', [2500, 5000], ['2400 W', '2600 W']],
  ['FILTRE', 'dryer', 'Filtre à peluches', [600, 1800]],
  ['THERMO', 'dryer', 'Thermostat de sécurité', [700, 1600]],
  ['JOINT', 'dryer', 'Joint de porte', [900, 2200]],
  ['COURROIE', 'dryer', 'Galet tendeur', [1000, 2400]],
  ['POMPE', 'dryer', 'Pompe de relevage', [2200, 4200]],
  ['POMPE', 'dishwasher', 'Pompe de vidange', [1500, 3500]],
  ['POMPE', 'dishwasher', 'Pompe de cyclage avec chauffage', [6000, 12000]],
  ['RESIST', 'dishwasher', 'Résistance de chauffe', [2000, 4500]],
  ['SERRURE', 'dishwasher', 'Fermeture de porte', [1500, 3200]],
  ['BRAS', 'dishwasher', 'Bras de lavage', [800, 2200], ['inférieur', 'supérieur']],
  ['FILTRE', 'dishwasher', 'Microfiltre', [900, 2000]],
  ['ELECTRO', 'dishwasher', "Électrovanne d'arrivée d'eau", [1200, 2600]],
  ['JOINT', 'dishwasher', 'Joint de cuve', [1000, 2400]],
  ['PANIER', 'dishwasher', 'Panier à couverts', [1200, 2800]],
  ['PANIER', 'dishwasher', 'Roulettes de panier (x4)', [300, 900]],
  ['THERMO', 'fridge', 'Thermostat', [1200, 3000]],
  ['JOINT', 'fridge', 'Joint de porte', [2500, 5500]],
  ['VENTIL', 'fridge', 'Ventilateur No Frost', [1800, 4000]],
  ['THERMO', 'fridge', 'Sonde de dégivrage', [600, 1500]],
  ['RESIST', 'fridge', 'Résistance de dégivrage', [1500, 3500]],
  ['LAMPE', 'fridge', 'Lampe LED', [900, 2500]],
  ['PANIER', 'fridge', 'Balconnet de porte', [1500, 3800]],
  ['FILTRE', 'fridge', 'Filtre à eau', [2000, 4500]],
  ['RESIST', 'oven', 'Résistance', [1500, 4200], ['de voûte', 'de sole', 'circulaire']],
  ['VENTIL', 'oven', 'Moteur de ventilation', [2500, 5500]],
  ['THERMO', 'oven', 'Thermostat', [1800, 4000]],
  ['JOINT', 'oven', 'Joint de porte', [1200, 2800]],
  ['LAMPE', 'oven', 'Lampe 25 W 300 °C', [300, 900]],
  ['CHARNIERE', 'oven', 'Charnières de porte (la paire)', [1800, 4500]],
  ['COMMANDE', 'oven', 'Manette de commande', [500, 1400]],
  ['RESIST', 'hob', 'Foyer radiant', [3000, 6500], ['145 mm', '180 mm']],
  ['RESIST', 'hob', 'Inducteur', [4000, 9000], ['160 mm', '210 mm']],
  ['COMMANDE', 'hob', 'Bouton de commande', [400, 1200]],
  ['CARTE', 'hob', 'Carte de puissance induction', [9000, 20000]],
  ['FILTRE', 'hood', 'Filtre à graisse métallique', [1200, 2800]],
  ['FILTRE', 'hood', 'Filtre à charbon actif', [1000, 2400]],
  ['VENTIL', 'hood', "Moteur d'aspiration", [4500, 9000]],
  ['LAMPE', 'hood', 'Lampe LED', [500, 1500]],
  ['COMMANDE', 'hood', 'Clavier de commande', [2500, 6000]],
]

/** Sold at the counter or on every job; services at a fixed price. */
const otherArticles = [
  {
    sku: 'CONSO-001',
    family: 'CONSO',
    kind: 'consumable',
    label: 'Détartrant lave-linge et lave-vaisselle 250 ml',
    purchase: 450,
  },
  {
    sku: 'CONSO-002',
    family: 'CONSO',
    kind: 'consumable',
    label: 'Graisse silicone alimentaire 100 g',
    purchase: 620,
  },
  {
    sku: 'CONSO-003',
    family: 'CONSO',
    kind: 'consumable',
    label: 'Nettoyant vitre de four 500 ml',
    purchase: 380,
  },
  {
    sku: 'CONSO-004',
    family: 'CONSO',
    kind: 'consumable',
    label: 'Sel régénérant lave-vaisselle 2 kg',
    purchase: 210,
  },
  {
    sku: 'ACC-001',
    family: 'PANIER',
    kind: 'accessory',
    label: 'Tuyau de vidange universel 2,5 m',
    purchase: 690,
  },
  {
    sku: 'ACC-002',
    family: 'ELECTRO',
    kind: 'accessory',
    label: "Tuyau d'arrivée d'eau 1,5 m",
    purchase: 540,
  },
  {
    sku: 'APP-001',
    family: null,
    kind: 'appliance',
    label: 'Micro-ondes Moulinex 20 L',
    purchase: 6200,
    eco: 200,
  },
  {
    sku: 'APP-002',
    family: null,
    kind: 'appliance',
    label: 'Expresso broyeur Krups',
    purchase: 28900,
    eco: 50,
  },
  {
    sku: 'APP-003',
    family: null,
    kind: 'appliance',
    label: 'Aspirateur sans sac Rowenta',
    purchase: 9900,
    eco: 100,
  },
  {
    sku: 'MO-001',
    family: 'MO',
    kind: 'service',
    label: 'Forfait déplacement Lyon et agglomération',
    sale: 3900,
    unit: 'piece',
  },
  {
    sku: 'MO-002',
    family: 'MO',
    kind: 'service',
    label: "Main-d'œuvre atelier",
    sale: 5500,
    unit: 'hour',
  },
  {
    sku: 'MO-003',
    family: 'MO',
    kind: 'service',
    label: 'Forfait diagnostic',
    sale: 3500,
    unit: 'piece',
  },
]

const suppliers = [
  { name: 'Distripièces Rhône', account_number: 'C-004512', prefix: 'DR' },
  { name: 'Pièces Ménager Express', account_number: 'PME-7781', prefix: 'PME' },
  { name: 'Centrale SAV Pièces', account_number: '00392', prefix: 'CSP' },
  { name: 'Service Pièces Constructeurs', account_number: 'SPC-1207', prefix: null },
]

/** A small deterministic generator (mulberry32): the same demo data on every new database. */
function random(seed: number) {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let value = Math.imul(state ^ (state >>> 15), 1 | state)
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296
  }
}

/** Manufacturer part numbers in each maker's usual format. */
function partNumber(brand: string, appliance: Appliance, next: () => number) {
  const digits = (count: number) =>
    Array.from({ length: count }, () => Math.floor(next() * 10)).join('')
  switch (brand) {
    case 'Bosch':
    case 'Siemens':
    case 'Neff':
      return `00${digits(6)}`
    case 'Whirlpool':
      return `4810${digits(8)}`
    case 'Indesit':
    case 'Hotpoint':
      return `C00${digits(6)}`
    case 'Samsung': {
      const prefix = { washing: 'DC97', dryer: 'DC96', dishwasher: 'DD82', fridge: 'DA97' }
      return `${prefix[appliance as keyof typeof prefix] ?? 'DG94'}-${digits(5)}A`
    }
    case 'Miele':
      return `${Math.floor(next() * 2)}${digits(7)}`
    default:
      return `${1 + Math.floor(next() * 8)}${digits(9)}`
  }
}

interface DemoArticle {
  sku: string
  label: string
  family: string | null
  kind: string
  brand: string | null
  appliance: Appliance | null
  partNumber: string | null
  purchase: number | null
  sale: number | null
  fixed: boolean
  unit: string
  eco: number
  stock: number
}

/** The spare parts: each kind of part for most of the brands that make that appliance. */
function demoArticles(): DemoArticle[] {
  const next = random(2026)
  const articles: DemoArticle[] = []
  let sequence = 0
  for (const [family, appliance, label, [low, high], variants] of partKinds) {
    const { label: applianceLabel, brands } = appliances[appliance]
    for (const brand of brands) {
      // About two brands in three for each kind of part: a stock, not a full catalogue.
      if (next() > 0.68) continue
      const variant = variants ? ` ${variants[Math.floor(next() * variants.length)]}` : ''
      const purchase = Math.round((low + next() * (high - low)) / 10) * 10
      sequence += 1
      articles.push({
        sku: `${family.slice(0, 3)}-${String(sequence).padStart(4, '0')}`,
        label: `${label}${variant} ${applianceLabel} ${brand}`,
        family,
        kind: 'spare_part',
        brand,
        appliance,
        partNumber: partNumber(brand, appliance, next),
        purchase,
        // The list price, used where no grid rule fits.
        sale: Math.round((purchase * 1.9) / 10) * 10 + 9,
        fixed: false,
        unit: 'piece',
        eco: 0,
        stock: next() < 0.4 ? Math.floor(next() * 6) : 0,
      })
    }
  }
  for (const other of otherArticles) {
    articles.push({
      sku: other.sku,
      label: other.label,
      family: other.family,
      kind: other.kind,
      brand: null,
      appliance: null,
      partNumber: null,
      purchase: other.purchase ?? null,
      sale: other.sale ?? null,
      fixed: other.kind === 'service',
      unit: other.unit ?? 'piece',
      eco: other.eco ?? 0,
      stock: other.kind === 'consumable' ? 12 : 0,
    })
  }
  return articles
}

/** Seeds the demo shop's articles and prices once (nothing when it already has articles). */
export async function seedDemoArticles(client: QueryClientContract, tenantId: string) {
  if (await client.from('articles').where('tenant_id', tenantId).first()) return
  await client.transaction(async (trx) => {
    const owned = <T extends Record<string, unknown>>(values: T) => ({
      ...values,
      tenant_id: tenantId,
    })
    const familyIds = new Map<string, string>()
    for (const [code, name] of families) {
      const [row] = await trx
        .table('article_families')
        .insert(owned({ code, name }))
        .returning('id')
      familyIds.set(code, row.id)
    }
    const brands = await trx.from('brands').where('tenant_id', tenantId).select('id', 'name')
    const brandIds = new Map(brands.map((brand) => [brand.name as string, brand.id as string]))
    const supplierIds: string[] = []
    for (const { name, account_number: accountNumber } of suppliers) {
      const existing = await trx.from('suppliers').where({ tenant_id: tenantId, name }).first()
      const [row] = existing
        ? [existing]
        : await trx
            .table('suppliers')
            .insert(owned({ name, account_number: accountNumber }))
            .returning('id')
      supplierIds.push(row.id)
    }

    const next = random(1974)
    const articles = demoArticles()
    const rows = await trx
      .table('articles')
      .insert(
        articles.map((article) =>
          owned({
            sku: article.sku,
            label: article.label,
            manufacturer_part_number: article.partNumber,
            kind: article.kind,
            family_id: article.family ? familyIds.get(article.family) : null,
            brand_id: article.brand ? (brandIds.get(article.brand) ?? null) : null,
            sale_price_cents: article.sale,
            fixed_price: article.fixed,
            eco_participation_cents: article.eco,
            unit: article.unit,
            stock_quantity: article.stock,
          })
        )
      )
      .returning(['id', 'sku'])
    const idOf = new Map(rows.map((row) => [row.sku as string, row.id as string]))

    // The wholesaler first (preferred), often a second source a little dearer or cheaper; one
    // part in twenty has no supplier yet, to show the sale-price fallback.
    const references = []
    for (const article of articles) {
      if (article.purchase === null || next() < 0.05) continue
      const first = Math.floor(next() * 3)
      const sources = next() < 0.45 ? [first, 3] : [first]
      for (const [index, supplier] of sources.entries()) {
        const { prefix } = suppliers[supplier]
        references.push(
          owned({
            article_id: idOf.get(article.sku),
            supplier_id: supplierIds[supplier],
            supplier_reference:
              prefix === null
                ? (article.partNumber ?? article.sku)
                : `${prefix}-${String(Math.floor(next() * 900000) + 100000)}`,
            purchase_price_cents:
              index === 0 ? article.purchase : Math.round(article.purchase * (0.9 + next() * 0.25)),
            preferred: index === 0,
          })
        )
      }
    }
    await trx.table('article_supplier_refs').multiInsert(references)

    // Makers supersede part numbers: one part in fifteen has an older, inactive version, and
    // the first of them a chain of two.
    const superseded = articles.filter((article, index) => article.appliance && index % 15 === 3)
    for (const [index, article] of superseded.entries()) {
      const current = idOf.get(article.sku)!
      const oldNumber = () => partNumber(article.brand!, article.appliance!, next)
      const [older] = await trx
        .table('articles')
        .insert(
          owned({
            sku: `${article.sku}-A`,
            label: article.label,
            manufacturer_part_number: oldNumber(),
            kind: 'spare_part',
            family_id: familyIds.get(article.family!),
            brand_id: brandIds.get(article.brand!) ?? null,
            sale_price_cents: article.sale,
            active: false,
            superseded_by_id: current,
            notes: 'Référence remplacée par le fabricant.',
          })
        )
        .returning('id')
      if (index === 0) {
        await trx.table('articles').insert(
          owned({
            sku: `${article.sku}-0`,
            label: article.label,
            manufacturer_part_number: oldNumber(),
            kind: 'spare_part',
            family_id: familyIds.get(article.family!),
            brand_id: brandIds.get(article.brand!) ?? null,
            active: false,
            superseded_by_id: older.id,
          })
        )
      }
    }

    // Private customers: coefficients falling as parts get dearer, prices ending in ,90;
    // trade customers: lower coefficients, ten-cent rounding and discounts by quantity.
    const [retail] = await trx
      .table('price_grids')
      .insert(owned({ name: 'Particuliers', rounding: 'ninety', is_default: true }))
      .returning('id')
    const [trade] = await trx
      .table('price_grids')
      .insert(owned({ name: 'Professionnels', rounding: 'ten_cents' }))
      .returning('id')
    const rules: Array<[string, string | null, number, string]> = [
      [retail.id, null, 0, '2.2000'],
      [retail.id, null, 1000, '1.9000'],
      [retail.id, null, 3000, '1.7000'],
      [retail.id, null, 8000, '1.5000'],
      [retail.id, null, 15000, '1.3500'],
      [retail.id, 'CARTE', 0, '1.4500'],
      [retail.id, 'CONSO', 0, '2.0000'],
      [trade.id, null, 0, '1.6000'],
      [trade.id, null, 3000, '1.4500'],
      [trade.id, null, 10000, '1.3000'],
      [trade.id, 'CARTE', 0, '1.2500'],
    ]
    await trx.table('price_grid_rules').multiInsert(
      rules.map(([gridId, family, min, coefficient]) =>
        owned({
          price_grid_id: gridId,
          family_id: family ? familyIds.get(family) : null,
          min_purchase_price_cents: min,
          coefficient,
        })
      )
    )
    await trx.table('price_grid_breaks').multiInsert(
      [
        ['5', '5.00'],
        ['10', '8.00'],
        ['25', '12.00'],
      ].map(([minQuantity, discount]) =>
        owned({ price_grid_id: trade.id, min_quantity: minQuantity, discount_percent: discount })
      )
    )
    const [, professionals] = await trx
      .table('customer_categories')
      .insert([
        owned({ code: 'PART', name: 'Particuliers', price_grid_id: retail.id }),
        owned({ code: 'PRO', name: 'Professionnels', price_grid_id: trade.id }),
      ])
      .returning('id')
    await trx
      .from('customers')
      .where({ tenant_id: tenantId, kind: 'company' })
      .update({ category_id: professionals.id })
  })
}
