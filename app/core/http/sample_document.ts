/** Lines of the preview's sample quote: [translation key, quantity, unit price in cents]. */
const SAMPLE_LINES: Array<[string, number, number]> = [
  ['documents.sample.lines.diagnosis', 1, 4900],
  ['documents.sample.lines.pump', 1, 3890],
  ['documents.sample.lines.gasket', 2, 1250],
  ['documents.sample.lines.labour', 1.5, 5500],
]
const VAT_PERCENT = 20

/** The data of `documents/sample`: a realistic one-page quote (the preview, the PDF benchmark). */
export function sampleDocument(i18n: { t: (key: string) => string }) {
  const lines = SAMPLE_LINES.map(([key, quantity, unitCents]) => ({
    label: i18n.t(key),
    quantity,
    unitCents,
    totalCents: Math.round(quantity * unitCents),
  }))
  const netCents = lines.reduce((sum, line) => sum + line.totalCents, 0)
  const vatCents = Math.round((netCents * VAT_PERCENT) / 100)
  const today = new Date()
  return {
    reference: 'D-2026-0042',
    date: today,
    validUntil: new Date(today.getTime() + 30 * 24 * 3600 * 1000),
    lines,
    totals: { netCents, vatCents, grossCents: netCents + vatCents },
  }
}
