/** The kinds of appliance a repair shop handles (labels in resources/lang/<locale>/referentials.json). */
export const APPLIANCE_TYPES = [
  'washing_machine',
  'washer_dryer',
  'dryer',
  'dishwasher',
  'fridge',
  'fridge_freezer',
  'freezer',
  'wine_cooler',
  'oven',
  'cooker',
  'hob',
  'hood',
  'microwave',
  'coffee_machine',
  'vacuum_cleaner',
  'small_appliance',
] as const
export type ApplianceType = (typeof APPLIANCE_TYPES)[number]

/** A GTIN-13 (EAN) with its check digit. */
export function isValidEan13(value: string): boolean {
  if (!/^\d{13}$/.test(value)) return false
  const digits = [...value].map(Number)
  const sum = digits
    .slice(0, 12)
    .reduce((total, digit, index) => total + digit * (index % 2 === 0 ? 1 : 3), 0)
  return (10 - (sum % 10)) % 10 === digits[12]
}
