import { documentTotals, lineAmounts, type TaxableLine } from '#core/domain/vat_breakdown'

/** Lines of the preview's sample quote: [translation key, quantity, unit price in cents]. */
const SAMPLE_LINES: Array<[string, string, number]> = [
  ['documents.sample.lines.diagnosis', '1', 4900],
  ['documents.sample.lines.pump', '1', 3890],
  ['documents.sample.lines.gasket', '2', 1250],
  ['documents.sample.lines.labour', '1.5', 5500],
]
const VAT_RATE = '20'

/**
 * The data of `documents/sample`: a realistic one-page quote (the preview, the PDF benchmark).
 * Under the VAT franchise (art. 293 B) it carries no VAT, as the shop's documents will.
 */
export function sampleDocument(
  i18n: { t: (key: string) => string },
  options: { vatFranchise?: boolean } = {}
) {
  const taxable: TaxableLine[] = SAMPLE_LINES.map(([, quantity, unitCents]) => ({
    quantity,
    unitPriceExclVatCents: unitCents,
    ecoParticipationCents: 0,
    vatRate: options.vatFranchise ? '0' : VAT_RATE,
  }))
  const lines = SAMPLE_LINES.map(([key, quantity, unitCents], index) => ({
    label: i18n.t(key),
    quantity: Number(quantity),
    unitCents,
    totalCents: lineAmounts(taxable[index]).netCents,
  }))
  const totals = documentTotals(taxable)
  const today = new Date()
  return {
    reference: 'D-2026-0042',
    date: today,
    validUntil: new Date(today.getTime() + 30 * 24 * 3600 * 1000),
    lines,
    vatRate: VAT_RATE,
    totals: {
      netCents: totals.exclVatCents,
      vatCents: totals.vatCents,
      grossCents: totals.inclVatCents,
    },
    // The preview shows every block an invoice will: bank details and B2B payment terms.
    bankDetails: true,
    paymentTerms: true,
  }
}
