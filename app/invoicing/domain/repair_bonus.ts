/**
 * The repair bonus (bonus réparation, QualiRépar; COMPLIANCE §8): a fixed amount per kind of
 * appliance, deducted on the repair invoice of a labelled repairer for a household appliance out of
 * warranty, then claimed from the eco-organism. VAT stays on the full price.
 */
export const ECO_ORGANISMS = ['ecosystem', 'ecologic'] as const
export type EcoOrganism = (typeof ECO_ORGANISMS)[number]

/**
 * The grid in force since 1 January 2024, by the catalogue's appliance types, in cents (check
 * ecosystem.eco before each January: ⚠ in COMPLIANCE). A free-standing oven gets 15 € and a fully
 * automatic coffee machine 25 €; the catalogue does not tell them apart, so the common case is used.
 */
export const BONUS_GRID_CENTS: Record<string, number> = {
  washing_machine: 5000,
  washer_dryer: 5000,
  dryer: 5000,
  dishwasher: 5000,
  vacuum_cleaner: 4000,
  fridge: 2500,
  fridge_freezer: 2500,
  freezer: 2500,
  wine_cooler: 2500,
  oven: 2500,
  cooker: 2500,
  hob: 2500,
  hood: 2500,
  microwave: 2000,
  coffee_machine: 1500,
  small_appliance: 1500,
}

export type BonusRefusal = 'not_labelled' | 'under_warranty' | 'not_eligible' | 'below_bonus'

export interface BonusRequest {
  labelled: boolean
  applianceType: string | null
  /** The appliance is under the manufacturer's or an extended warranty. */
  underWarranty: boolean
  /** The invoice's total incl. VAT before the bonus. */
  inclVatCents: number
}

export function repairBonus(
  request: BonusRequest
): { ok: true; amountCents: number } | { ok: false; reason: BonusRefusal } {
  if (!request.labelled) return { ok: false, reason: 'not_labelled' }
  if (request.underWarranty) return { ok: false, reason: 'under_warranty' }
  const amountCents = request.applianceType ? BONUS_GRID_CENTS[request.applianceType] : undefined
  if (!amountCents) return { ok: false, reason: 'not_eligible' }
  // Below the bonus there is no bonus at all, not a smaller one.
  if (request.inclVatCents < amountCents) return { ok: false, reason: 'below_bonus' }
  return { ok: true, amountCents }
}

/** What the eco-organism's form asks for (Ecologic e-reparateur; ecosystem is alike). */
export interface BonusClaimData {
  brand: string | null
  applianceType: string | null
  model: string | null
  serialNumber: string | null
  symptom: string | null
  customerLastName: string | null
  customerFirstName: string | null
  customerEmail: string | null
  customerMobile: string | null
  postcode: string | null
  city: string | null
  repairDate: string
  invoiceNumber: string
  invoiceInclVatCents: number
  parts: { label: string; exclVatCents: number }[]
  jobNumber: string | null
}

const REQUIRED: (keyof BonusClaimData)[] = [
  'brand',
  'applianceType',
  'serialNumber',
  'symptom',
  'customerLastName',
  'customerEmail',
  'customerMobile',
  'postcode',
  'city',
]

/** The fields a claim cannot be filed without; an empty list makes the claim eligible. */
export function missingClaimFields(data: BonusClaimData): string[] {
  return REQUIRED.filter((field) => {
    const value = data[field]
    return value === null || value === undefined || String(value).trim() === ''
  })
}
