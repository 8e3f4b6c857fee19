import { parseCell, type DecimalMark } from '#data_portability/domain/cells'
import { normaliseHeader } from '#data_portability/domain/detection'
import type {
  Column,
  Format,
  ImportContext,
  ImportError,
  Problem,
  TypedRow,
} from '#data_portability/domain/format'

/** Values quoted in errors are cut here: a 100 kB cell must not make a 100 kB error list. */
const QUOTED_VALUE_LENGTH = 120

export function quoted(value: string) {
  return value.length > QUOTED_VALUE_LENGTH ? `${value.slice(0, QUOTED_VALUE_LENGTH)}…` : value
}

const fileError = (problem: Problem): ImportError => ({
  row: null,
  column: null,
  value: null,
  ...problem,
})

export interface Header {
  /** The format's column at each position of the file. */
  columns: Column[]
  errors: ImportError[]
}

/**
 * Matches the header line to the format: every name must be one of its columns (a misspelt
 * column would silently drop data), once, and the required ones must be there.
 */
export function readHeader(format: Format, cells: readonly string[]): Header {
  const names = cells.map(normaliseHeader)
  // Spreadsheets often leave empty header cells after the last column.
  while (names.length > 0 && names[names.length - 1] === '') names.pop()
  const errors: ImportError[] = []
  const expected = format.columns.map((column) => column.name)
  const unknown = names.filter((name) => !expected.includes(name))
  if (unknown.length > 0) {
    errors.push(
      fileError({
        code: 'unknown_columns',
        params: {
          columns: unknown.map((name) => name || '""').join(', '),
          expected: expected.join(', '),
        },
      })
    )
  }
  const duplicates = names.filter((name, index) => name && names.indexOf(name) !== index)
  if (duplicates.length > 0) {
    errors.push(
      fileError({
        code: 'duplicate_columns',
        params: { columns: [...new Set(duplicates)].join(', ') },
      })
    )
  }
  const missing = format.columns.filter((column) => column.required && !names.includes(column.name))
  if (missing.length > 0) {
    errors.push(
      fileError({
        code: 'missing_columns',
        params: { columns: missing.map((column) => column.name).join(', ') },
      })
    )
  }
  const columns = names.map((name) => format.columns.find((column) => column.name === name)!)
  return { columns: errors.length > 0 ? [] : columns, errors }
}

/** Reads the records of a file whose header matched: each cell as its column's type. */
export class RowReader {
  constructor(
    private format: Format,
    private header: readonly Column[],
    private decimalMark: DecimalMark,
    private context: ImportContext
  ) {}

  /** The columns a row sets: the file's, and those computed from one of them. */
  provided(): Set<string> {
    const names = new Set(this.header.map((column) => column.name))
    for (const computed of this.format.computed ?? []) {
      if (names.has(computed.from)) names.add(computed.column)
    }
    return names
  }

  /** A blank record (empty line, or only separators) is no row. */
  static isBlank(record: readonly string[]) {
    return record.every((cell) => cell.trim() === '')
  }

  read(record: readonly string[], rowNumber: number): { row: TypedRow; errors: ImportError[] } {
    const errors: ImportError[] = []
    const row: TypedRow = {}
    const invalid = new Set<string>()
    const extra = record.slice(this.header.length)
    if (extra.some((cell) => cell.trim() !== '')) {
      errors.push({
        row: rowNumber,
        column: null,
        value: null,
        code: 'field_count',
        params: { expected: this.header.length, found: record.length },
      })
    }
    this.header.forEach((column, index) => {
      // Fewer cells than columns: the missing ones are empty (some tools drop trailing separators).
      const raw = record[index] ?? ''
      const parsed = parseCell(column.type, raw, this.decimalMark)
      if (!parsed.ok) {
        errors.push({ row: rowNumber, column: column.name, value: quoted(raw), ...parsed.problem })
        invalid.add(column.name)
        row[column.name] = null
        return
      }
      if (parsed.value === null && column.required) {
        errors.push({ row: rowNumber, column: column.name, value: '', code: 'required' })
      }
      row[column.name] = parsed.value
    })
    for (const computed of this.format.computed ?? []) {
      if (computed.from in row && (row[computed.column] ?? null) === null) {
        row[computed.column] = computed.compute(row, this.context)
      }
    }
    for (const rule of this.format.rowRules ?? []) {
      // One message per cell: a value already refused is not also "missing".
      if ([rule.column, ...(rule.reads ?? [])].some((column) => invalid.has(column))) continue
      const problem = rule.check(row)
      if (problem) {
        const value = row[rule.column]
        errors.push({
          row: rowNumber,
          column: rule.column,
          value: value === null ? '' : quoted(String(value)),
          ...problem,
        })
      }
    }
    return { row, errors }
  }
}

/**
 * What can only be seen across rows of one file: the same key twice, and an entity (a brand)
 * described differently by two rows.
 */
export class FileChecks {
  private seen = new Map<string, Map<string, number>>()
  private entities = new Map<string, Map<string, { row: number; values: TypedRow }>>()

  constructor(private format: Format) {}

  check(row: TypedRow, rowNumber: number): ImportError[] {
    const errors: ImportError[] = []
    const uniqueSets = [
      { columns: this.format.key, ignoreCase: Boolean(this.format.keyIgnoresCase) },
      ...(this.format.unique ?? []).map((columns) => ({ columns, ignoreCase: true })),
    ]
    for (const { columns, ignoreCase } of uniqueSets) {
      const key = keyOf(row, columns, ignoreCase)
      if (key === null) continue
      const name = columns.join('+')
      const seen = this.seen.get(name) ?? new Map<string, number>()
      this.seen.set(name, seen)
      const first = seen.get(key)
      if (first === undefined) seen.set(key, rowNumber)
      else {
        errors.push({
          row: rowNumber,
          column: columns[0],
          value: quoted(String(row[columns[0]])),
          code: 'duplicate',
          params: { row: first },
        })
      }
    }
    for (const entity of this.format.shared ?? []) {
      const key = keyOf(row, entity.key, true)
      if (key === null) continue
      const name = entity.key.join('+')
      const known = this.entities.get(name) ?? new Map<string, { row: number; values: TypedRow }>()
      this.entities.set(name, known)
      const first = known.get(key)
      if (!first) {
        known.set(key, { row: rowNumber, values: pick(row, entity.attributes) })
        continue
      }
      for (const attribute of entity.attributes) {
        const value = row[attribute]
        if (value === null || value === undefined) continue
        const before = first.values[attribute]
        if (before === null || before === undefined) first.values[attribute] = value
        else if (!sameValue(before, value)) {
          errors.push({
            row: rowNumber,
            column: attribute,
            value: quoted(String(value)),
            code: 'inconsistent',
            params: { row: first.row, first: quoted(String(before)) },
          })
        }
      }
    }
    return errors
  }
}

function keyOf(row: TypedRow, columns: readonly string[], ignoreCase: boolean): string | null {
  const parts: string[] = []
  for (const column of columns) {
    const value = row[column]
    if (value === null || value === undefined) return null
    parts.push(ignoreCase ? String(value).toLowerCase() : String(value))
  }
  return parts.join('\u0000')
}

function pick(row: TypedRow, columns: readonly string[]): TypedRow {
  return Object.fromEntries(columns.map((column) => [column, row[column] ?? null]))
}

function sameValue(a: unknown, b: unknown) {
  return typeof a === 'string' && typeof b === 'string'
    ? a.toLowerCase() === b.toLowerCase()
    : a === b
}
