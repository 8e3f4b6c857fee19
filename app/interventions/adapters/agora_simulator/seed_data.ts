/*
 * What the simulated portal knows when it starts: French-market brands, models, a parts
 * catalogue and a few pending mandates. Objects are in the API's wire format (see
 * agora_http/api.md). Names, addresses and serial numbers are invented.
 */

export interface SeedBrand {
  code: string
  name: string
  manufacturer: string
}

export interface SeedModel {
  reference: string
  brandCode: string
  commercialName: string
  productType: string
}

export interface SeedPart {
  partNumber: string
  label: string
  brandCode: string
  priceCents: number
  retailPriceInclVatCents: number | null
  availability: 'IN_STOCK' | 'ON_ORDER' | 'DISCONTINUED'
  deliveryDays: number | null
  replacedBy: string | null
  compatibleModels: string[]
  /** How the portal answers an order line for this part. */
  orderOutcome: 'ORDERED' | 'REPLACEMENT_PRODUCT' | 'RCA'
  /** With REPLACEMENT_PRODUCT: the product shipped instead. */
  replacementProductRef?: string
}

export interface SeedMandate {
  id: string
  status: 'NEW' | 'ACCEPTED' | 'REFUSED' | 'PLANNED' | 'INPROGRESS' | 'CLOSED'
  manufacturer: string
  brand: string
  productType: string
  modelReference: string
  commercialName: string | null
  serialNumber: string | null
  purchaseDate: string | null
  customer: {
    title: 'M.' | 'Mme' | null
    lastName: string
    firstName: string | null
    address: { street: string; postcode: string; city: string; country: string }
    phones: string[]
    email: string | null
  }
  retailer: { name: string; city: string | null } | null
  symptom: string
  irisSymptomCode: string | null
  warrantyType: 'MANUFACTURER' | 'EXTENDED' | 'OUT_OF_WARRANTY'
  appointmentWish: string | null
  createdAt: string
}

export interface SimulatorSeed {
  brands: SeedBrand[]
  models: SeedModel[]
  parts: SeedPart[]
  mandates: SeedMandate[]
  refusalReasons: { code: string; label: string }[]
  /** API clients allowed to get a token. */
  clients: { clientId: string; clientSecret: string }[]
  tokenTtlSeconds: number
  /** Polls before an asynchronous answer shows (claim decision, order outcome, payment). */
  polls: { decision: number; payment: number }
  /** Flat fee the manufacturer pays for a warranty request it settles. */
  warrantyFlatFeeCents: number
  /** Travel costs above this are cut from a claim (partial acceptance). */
  travelCapCents: number
  /** Manufacturer warranty length: a later purchase date makes the request invalid. */
  warrantyMonths: number
}

/** Warranty requests and claims for this serial number are always refused (reported stolen). */
export const BLOCKED_SERIAL_NUMBER = '00000000000'

export const DEV_CLIENT = { clientId: 'agoserve-dev', clientSecret: 'agoserve-dev-secret' }

const BRANDS: SeedBrand[] = [
  { code: 'WHI', name: 'Whirlpool', manufacturer: 'Whirlpool France SAS' },
  { code: 'BOS', name: 'Bosch', manufacturer: 'BSH Électroménager' },
  { code: 'SIE', name: 'Siemens', manufacturer: 'BSH Électroménager' },
  { code: 'ELE', name: 'Electrolux', manufacturer: 'Electrolux France' },
  { code: 'AEG', name: 'AEG', manufacturer: 'Electrolux France' },
  { code: 'BEK', name: 'Beko', manufacturer: 'Beko France' },
  { code: 'CAN', name: 'Candy', manufacturer: 'Haier Europe (Candy Hoover)' },
  { code: 'BRA', name: 'Brandt', manufacturer: 'Groupe Brandt' },
  { code: 'DED', name: 'De Dietrich', manufacturer: 'Groupe Brandt' },
  { code: 'MIE', name: 'Miele', manufacturer: 'Miele SAS' },
]

const MODELS: SeedModel[] = [
  {
    reference: 'FFB8458WVFR',
    brandCode: 'WHI',
    commercialName: 'FreshCare+ 8 kg',
    productType: 'Lave-linge',
  },
  {
    reference: 'W7X93T',
    brandCode: 'WHI',
    commercialName: 'Supreme Clean 60 cm',
    productType: 'Lave-vaisselle',
  },
  {
    reference: 'WAN28209FF',
    brandCode: 'BOS',
    commercialName: 'Série 4 8 kg',
    productType: 'Lave-linge',
  },
  {
    reference: 'SMS4HTI45E',
    brandCode: 'BOS',
    commercialName: 'Série 4 60 cm',
    productType: 'Lave-vaisselle',
  },
  {
    reference: 'KGN39VWEQ',
    brandCode: 'BOS',
    commercialName: 'Série 4 combiné No Frost',
    productType: 'Réfrigérateur',
  },
  {
    reference: 'WM14N209FF',
    brandCode: 'SIE',
    commercialName: 'iQ300 8 kg',
    productType: 'Lave-linge',
  },
  {
    reference: 'HB578GBS0',
    brandCode: 'SIE',
    commercialName: 'iQ500 four pyrolyse',
    productType: 'Four',
  },
  {
    reference: 'EW6F4822AC',
    brandCode: 'ELE',
    commercialName: 'PerfectCare 600 8 kg',
    productType: 'Lave-linge',
  },
  {
    reference: 'L7FEE48S',
    brandCode: 'AEG',
    commercialName: 'ProSteam 8 kg',
    productType: 'Lave-linge',
  },
  {
    reference: 'WTV8736XS',
    brandCode: 'BEK',
    commercialName: 'SteamCure 8 kg',
    productType: 'Lave-linge',
  },
  {
    reference: 'CS1410TXME',
    brandCode: 'CAN',
    commercialName: 'Smart Inverter 10 kg',
    productType: 'Lave-linge',
  },
  {
    reference: 'BT8662ST',
    brandCode: 'BRA',
    commercialName: 'Top 6 kg',
    productType: 'Lave-linge',
  },
  {
    reference: 'BFC8600NX',
    brandCode: 'BRA',
    commercialName: 'Combiné 2 portes No Frost',
    productType: 'Réfrigérateur',
  },
  {
    reference: 'DOP7785X',
    brandCode: 'DED',
    commercialName: 'Four pyrolyse Absolute',
    productType: 'Four',
  },
  {
    reference: 'WWD320WPS',
    brandCode: 'MIE',
    commercialName: 'W1 8 kg',
    productType: 'Lave-linge',
  },
  {
    reference: 'G7110SC',
    brandCode: 'MIE',
    commercialName: 'AutoDos 60 cm',
    productType: 'Lave-vaisselle',
  },
]

const PARTS: SeedPart[] = [
  {
    partNumber: '481010584940',
    label: 'Pompe de vidange',
    brandCode: 'WHI',
    priceCents: 3290,
    retailPriceInclVatCents: 5490,
    availability: 'IN_STOCK',
    deliveryDays: 2,
    replacedBy: null,
    compatibleModels: ['FFB8458WVFR'],
    orderOutcome: 'ORDERED',
  },
  {
    partNumber: 'C00311016',
    label: 'Courroie 1192 J5',
    brandCode: 'WHI',
    priceCents: 1190,
    retailPriceInclVatCents: 1990,
    availability: 'IN_STOCK',
    deliveryDays: 2,
    replacedBy: null,
    compatibleModels: ['FFB8458WVFR'],
    orderOutcome: 'ORDERED',
  },
  {
    partNumber: '00145388',
    label: 'Pompe de vidange',
    brandCode: 'BOS',
    priceCents: 3890,
    retailPriceInclVatCents: 6290,
    availability: 'IN_STOCK',
    deliveryDays: 3,
    replacedBy: null,
    compatibleModels: ['WAN28209FF', 'WM14N209FF'],
    orderOutcome: 'ORDERED',
  },
  {
    partNumber: '00263789',
    label: 'Pompe de vidange (ancien modèle)',
    brandCode: 'BOS',
    priceCents: 3890,
    retailPriceInclVatCents: 6290,
    availability: 'DISCONTINUED',
    deliveryDays: null,
    replacedBy: '00145388',
    compatibleModels: ['WAN28209FF'],
    orderOutcome: 'ORDERED',
  },
  {
    partNumber: '12014980',
    label: 'Résistance chauffante avec pompe de cyclage',
    brandCode: 'BOS',
    priceCents: 12450,
    retailPriceInclVatCents: 18990,
    availability: 'ON_ORDER',
    deliveryDays: 8,
    replacedBy: null,
    compatibleModels: ['SMS4HTI45E'],
    orderOutcome: 'ORDERED',
  },
  {
    partNumber: '00754866',
    label: 'Module de commande programmé',
    brandCode: 'SIE',
    priceCents: 18990,
    retailPriceInclVatCents: 28900,
    availability: 'ON_ORDER',
    deliveryDays: 10,
    replacedBy: null,
    compatibleModels: ['WM14N209FF'],
    // Electronic boards under warranty: the manufacturer wants the faulty one back first.
    orderOutcome: 'RCA',
  },
  {
    partNumber: '00657233',
    label: 'Serrure de porte (verrouillage pyrolyse)',
    brandCode: 'SIE',
    priceCents: 5640,
    retailPriceInclVatCents: 8490,
    availability: 'IN_STOCK',
    deliveryDays: 3,
    replacedBy: null,
    compatibleModels: ['HB578GBS0'],
    orderOutcome: 'ORDERED',
  },
  {
    partNumber: '140002010013',
    label: 'Joint de hublot',
    brandCode: 'ELE',
    priceCents: 4590,
    retailPriceInclVatCents: 6990,
    availability: 'IN_STOCK',
    deliveryDays: 2,
    replacedBy: null,
    compatibleModels: ['EW6F4822AC', 'L7FEE48S'],
    orderOutcome: 'ORDERED',
  },
  {
    partNumber: '2880400100',
    label: 'Carte moteur (variateur)',
    brandCode: 'BEK',
    priceCents: 15900,
    retailPriceInclVatCents: 23900,
    availability: 'DISCONTINUED',
    deliveryDays: null,
    replacedBy: null,
    compatibleModels: ['WTV8736XS'],
    // No board left: the manufacturer ships a new appliance instead.
    orderOutcome: 'REPLACEMENT_PRODUCT',
    replacementProductRef: 'WTV8736XS',
  },
  {
    partNumber: '41041245',
    label: 'Résistance 1950 W',
    brandCode: 'CAN',
    priceCents: 2290,
    retailPriceInclVatCents: 3690,
    availability: 'IN_STOCK',
    deliveryDays: 4,
    replacedBy: null,
    compatibleModels: ['CS1410TXME'],
    orderOutcome: 'ORDERED',
  },
  {
    partNumber: 'AS0028270',
    label: 'Sonde de température CTN',
    brandCode: 'BRA',
    priceCents: 1490,
    retailPriceInclVatCents: 2490,
    availability: 'IN_STOCK',
    deliveryDays: 3,
    replacedBy: null,
    compatibleModels: ['BT8662ST', 'BFC8600NX'],
    orderOutcome: 'ORDERED',
  },
  {
    partNumber: 'AS0071346',
    label: 'Résistance de voûte',
    brandCode: 'DED',
    priceCents: 4350,
    retailPriceInclVatCents: 6890,
    availability: 'ON_ORDER',
    deliveryDays: 7,
    replacedBy: null,
    compatibleModels: ['DOP7785X'],
    orderOutcome: 'ORDERED',
  },
  {
    partNumber: '11384730',
    label: 'Pompe de vidange',
    brandCode: 'MIE',
    priceCents: 7890,
    retailPriceInclVatCents: 11900,
    availability: 'ON_ORDER',
    deliveryDays: 10,
    replacedBy: null,
    compatibleModels: ['WWD320WPS'],
    orderOutcome: 'ORDERED',
  },
]

const MANDATES: SeedMandate[] = [
  {
    id: 'MDT-2026-004101',
    status: 'NEW',
    manufacturer: 'Whirlpool France SAS',
    brand: 'Whirlpool',
    productType: 'Lave-linge',
    modelReference: 'FFB8458WVFR',
    commercialName: 'FreshCare+ 8 kg',
    serialNumber: '438123456789',
    purchaseDate: '2025-06-14',
    customer: {
      title: 'Mme',
      lastName: 'Lefèvre',
      firstName: 'Nathalie',
      address: { street: '12 rue des Tanneurs', postcode: '69005', city: 'Lyon', country: 'FR' },
      phones: ['06 12 34 56 78'],
      email: 'nathalie.lefevre@example.fr',
    },
    retailer: { name: 'Darty Part-Dieu', city: 'Lyon' },
    symptom: 'Ne vidange plus, code erreur F9 E1 en fin de cycle',
    irisSymptomCode: 'V10',
    warrantyType: 'MANUFACTURER',
    appointmentWish: 'Matin de préférence, pas le mercredi',
    createdAt: '2026-11-02T07:14:00.000Z',
  },
  {
    id: 'MDT-2026-004102',
    status: 'NEW',
    manufacturer: 'BSH Électroménager',
    brand: 'Bosch',
    productType: 'Lave-vaisselle',
    modelReference: 'SMS4HTI45E',
    commercialName: 'Série 4 60 cm',
    serialNumber: 'FD9905-200117',
    purchaseDate: '2024-02-03',
    customer: {
      title: 'M.',
      lastName: 'Benali',
      firstName: 'Karim',
      address: { street: '4 allée des Tilleuls', postcode: '33600', city: 'Pessac', country: 'FR' },
      phones: ['07 81 22 43 19', '05 56 12 34 56'],
      email: null,
    },
    retailer: { name: 'Boulanger Mérignac', city: 'Mérignac' },
    symptom: 'Ne chauffe plus, vaisselle froide et mal lavée',
    irisSymptomCode: 'C21',
    warrantyType: 'EXTENDED',
    appointmentWish: null,
    createdAt: '2026-11-03T09:40:00.000Z',
  },
  {
    id: 'MDT-2026-004103',
    status: 'NEW',
    manufacturer: 'BSH Électroménager',
    brand: 'Siemens',
    productType: 'Four',
    modelReference: 'HB578GBS0',
    commercialName: 'iQ500 four pyrolyse',
    serialNumber: 'FD0102-345678',
    purchaseDate: '2025-12-20',
    customer: {
      title: 'Mme',
      lastName: 'Martin',
      firstName: 'Sophie',
      address: {
        street: '28 avenue Jean Jaurès',
        postcode: '31000',
        city: 'Toulouse',
        country: 'FR',
      },
      phones: ['06 45 78 12 90'],
      email: 'sophie.martin@example.fr',
    },
    retailer: { name: 'Leroy Merlin Portet', city: 'Portet-sur-Garonne' },
    symptom: 'Porte restée verrouillée après une pyrolyse',
    irisSymptomCode: 'P05',
    warrantyType: 'MANUFACTURER',
    appointmentWish: 'Après 17 h',
    createdAt: '2026-11-04T14:05:00.000Z',
  },
  {
    id: 'MDT-2026-004104',
    status: 'NEW',
    manufacturer: 'Miele SAS',
    brand: 'Miele',
    productType: 'Lave-linge',
    modelReference: 'WWD320WPS',
    commercialName: 'W1 8 kg',
    serialNumber: '000/123456789',
    purchaseDate: '2025-03-08',
    customer: {
      title: 'M.',
      lastName: 'Dubois',
      firstName: 'Jean-Pierre',
      address: { street: '7 place du Marché', postcode: '35000', city: 'Rennes', country: 'FR' },
      phones: ['02 99 30 12 45'],
      email: 'jp.dubois@example.fr',
    },
    retailer: { name: 'Pulsat Cesson', city: 'Cesson-Sévigné' },
    symptom: "Fuite d'eau sous l'appareil pendant l'essorage",
    irisSymptomCode: 'F02',
    warrantyType: 'MANUFACTURER',
    appointmentWish: null,
    createdAt: '2026-11-05T10:22:00.000Z',
  },
  {
    id: 'MDT-2026-004105',
    status: 'NEW',
    manufacturer: 'Groupe Brandt',
    brand: 'Brandt',
    productType: 'Réfrigérateur',
    modelReference: 'BFC8600NX',
    commercialName: 'Combiné 2 portes No Frost',
    serialNumber: '52918-0043',
    purchaseDate: '2023-05-30',
    customer: {
      title: 'Mme',
      lastName: 'Moreau',
      firstName: 'Camille',
      address: { street: '15 rue Victor Hugo', postcode: '59000', city: 'Lille', country: 'FR' },
      phones: ['06 98 76 54 32'],
      email: 'camille.moreau@example.fr',
    },
    retailer: null,
    symptom: 'Le compartiment réfrigérateur ne refroidit plus, congélateur normal',
    irisSymptomCode: 'T11',
    warrantyType: 'OUT_OF_WARRANTY',
    appointmentWish: 'Samedi matin',
    createdAt: '2026-11-06T16:48:00.000Z',
  },
  {
    id: 'MDT-2026-004106',
    status: 'NEW',
    manufacturer: 'Beko France',
    brand: 'Beko',
    productType: 'Lave-linge',
    modelReference: 'WTV8736XS',
    commercialName: 'SteamCure 8 kg',
    serialNumber: BLOCKED_SERIAL_NUMBER,
    purchaseDate: '2025-09-01',
    customer: {
      title: 'M.',
      lastName: 'Nguyen',
      firstName: 'Thomas',
      address: {
        street: '3 impasse des Lilas',
        postcode: '13008',
        city: 'Marseille',
        country: 'FR',
      },
      phones: ['06 11 22 33 44'],
      email: null,
    },
    retailer: { name: 'Conforama La Valentine', city: 'Marseille' },
    symptom: "Le tambour ne tourne plus, bruit de claquement à l'essorage",
    irisSymptomCode: 'M04',
    warrantyType: 'MANUFACTURER',
    appointmentWish: null,
    createdAt: '2026-11-07T08:02:00.000Z',
  },
  {
    id: 'MDT-2026-004090',
    status: 'CLOSED',
    manufacturer: 'Electrolux France',
    brand: 'Electrolux',
    productType: 'Lave-linge',
    modelReference: 'EW6F4822AC',
    commercialName: 'PerfectCare 600 8 kg',
    serialNumber: '91401234',
    purchaseDate: '2025-01-15',
    customer: {
      title: 'Mme',
      lastName: 'Garcia',
      firstName: 'Isabelle',
      address: { street: '21 boulevard Carnot', postcode: '06000', city: 'Nice', country: 'FR' },
      phones: ['06 55 44 33 22'],
      email: 'isabelle.garcia@example.fr',
    },
    retailer: { name: 'Darty Nice Étoile', city: 'Nice' },
    symptom: 'Joint de hublot déchiré',
    irisSymptomCode: 'F07',
    warrantyType: 'MANUFACTURER',
    appointmentWish: null,
    createdAt: '2026-10-12T11:30:00.000Z',
  },
]

const REFUSAL_REASONS = [
  { code: 'ZONE', label: "Hors zone d'intervention" },
  { code: 'DELAI', label: "Délai d'intervention impossible à tenir" },
  { code: 'MARQUE', label: 'Marque non agréée' },
  { code: 'PRODUIT', label: 'Type de produit non traité' },
  { code: 'AUTRE', label: 'Autre motif (voir commentaire)' },
]

export function defaultSeed(): SimulatorSeed {
  return structuredClone({
    brands: BRANDS,
    models: MODELS,
    parts: PARTS,
    mandates: MANDATES,
    refusalReasons: REFUSAL_REASONS,
    clients: [DEV_CLIENT],
    tokenTtlSeconds: 3600,
    polls: { decision: 1, payment: 2 },
    warrantyFlatFeeCents: 6500,
    travelCapCents: 4500,
    warrantyMonths: 24,
  })
}
