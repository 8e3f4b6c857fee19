/**
 * Spreadsheet formula injection: a cell starting with = + - @ (or a tab / carriage return) would
 * run as a formula when the CSV is opened in Excel or LibreOffice; a leading apostrophe makes it text.
 */
export function neutraliseFormula(value: string) {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}
