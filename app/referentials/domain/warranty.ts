import { DateTime } from 'luxon'

/**
 * End of the manufacturer's warranty: the day before the purchase date's anniversary after the
 * brand's months (bought 15/03/2024, 24 months → covered until 14/03/2026); an anniversary past a
 * month's end falls on its last day first (31/01/2024 + 1 month → 29/02, so covered until 28/02).
 */
export function warrantyEnd(purchaseDate: string, months: number): string {
  const start = DateTime.fromISO(purchaseDate, { zone: 'Europe/Paris' })
  if (!start.isValid) throw new Error(`Invalid purchase date: ${purchaseDate}`)
  return start.plus({ months }).minus({ days: 1 }).toISODate()!
}

export type WarrantyStatus = 'manufacturer' | 'extended' | 'expired' | 'unknown'

/** Which warranty covers an appliance on a given day (ISO dates, Europe/Paris). */
export function warrantyStatus(
  appliance: { warrantyEnd: string | null; extendedWarrantyEnd: string | null },
  today: string
): WarrantyStatus {
  if (appliance.warrantyEnd && today <= appliance.warrantyEnd) return 'manufacturer'
  if (appliance.extendedWarrantyEnd && today <= appliance.extendedWarrantyEnd) return 'extended'
  if (!appliance.warrantyEnd && !appliance.extendedWarrantyEnd) return 'unknown'
  return 'expired'
}
