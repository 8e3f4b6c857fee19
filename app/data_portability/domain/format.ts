/**
 * A CSV format is data: its columns (name, type, required, example, description in French and
 * English) drive parsing, validation, the dry run, the export, the documentation page and the
 * README table. Headers are stable English identifiers, whatever the user's language, so a file
 * exported in one language re-imports in the other.
 */
export const IMPORT_KINDS = [
  'customers',
  'suppliers',
  'appliances',
  'articles',
  'customer_sites',
  'customer_contacts',
] as const
export type ImportKind = (typeof IMPORT_KINDS)[number]

export interface Localised {
  fr: string
  en: string
}

export type ColumnType =
  | { kind: 'text'; max: number; upper?: boolean }
  | { kind: 'integer'; min: number; max: number }
  /** Euros with at most two decimals, kept as integer cents; never negative. */
  | { kind: 'money' }
  /** A decimal with up to `scale` decimals, kept as the exact string PostgreSQL reads. */
  | { kind: 'quantity'; scale: number }
  | { kind: 'boolean' }
  | { kind: 'date' }
  | { kind: 'choice'; values: readonly string[] }
  | { kind: 'email' }
  | { kind: 'phone' }
  | { kind: 'siret' }
  | { kind: 'vat_number' }
  | { kind: 'postcode' }
  | { kind: 'country' }
  | { kind: 'ean' }
  | { kind: 'url'; max: number }

export interface Column {
  name: string
  type: ColumnType
  /** The column must be in the header and every row must fill it. */
  required?: boolean
  example: string
  description: Localised
}

/** A typed cell: text, cents or integers, decimal strings, booleans, ISO dates; null when empty. */
export type CellValue = string | number | boolean | null
/** A row as understood: only the columns the file has are present. */
export type TypedRow = Record<string, CellValue>

/** A message code (translated in resources/lang/<locale>/data_portability.json) with its values. */
export interface Problem {
  code: string
  params?: Record<string, string | number>
}

/** One error of an import: where (row as a spreadsheet numbers it, header = 1; column) and why. */
export interface ImportError extends Problem {
  row: number | null
  column: string | null
  value: string | null
}

export interface RowRule {
  /** The column the error is reported on. */
  column: string
  /** Other columns it reads: a value already refused there does not also break the rule. */
  reads?: string[]
  check: (row: TypedRow) => Problem | null
}

/**
 * Values that several rows repeat for one entity (a brand's warranty on every appliance of that
 * brand) must agree: the first row that names the entity sets them.
 */
export interface SharedEntity {
  /** Columns identifying the entity (compared without case). */
  key: string[]
  attributes: string[]
}

/** What the shop's data already says that a row may need (a brand's warranty, by lower-case name). */
export interface ImportContext {
  brandWarrantyMonths: ReadonlyMap<string, number>
}

/** A column computed from another when the file leaves it empty (an appliance's warranty end). */
export interface ComputedColumn {
  column: string
  from: string
  compute: (row: TypedRow, context: ImportContext) => CellValue
}

export interface Format {
  kind: ImportKind
  label: Localised
  description: Localised
  /** Columns whose values identify a row in the shop's data (upsert key), compared without case when `keyIgnoresCase`. */
  key: string[]
  keyIgnoresCase?: boolean
  /** Other column sets that must be unique within a file (suppliers' names). */
  unique?: string[][]
  shared?: SharedEntity[]
  rowRules?: RowRule[]
  columns: Column[]
  computed?: ComputedColumn[]
  /** Where a format's file goes in the whole-tenant ZIP, and the order to import them in. */
  order: number
}

export function columnOf(format: Format, name: string): Column | undefined {
  return format.columns.find((column) => column.name === name)
}
