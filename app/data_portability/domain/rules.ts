import type { RowRule, TypedRow } from '#data_portability/domain/format'

const filled = (row: TypedRow, column: string) => row[column] !== null && row[column] !== undefined

/** `column` may only be filled when `other` is (a model needs its brand). */
export function requires(column: string, other: string): RowRule {
  return {
    column,
    check: (row) =>
      filled(row, column) && !filled(row, other) ? { code: 'requires', params: { other } } : null,
  }
}

/** `column` must be filled when `other` is (a supplier's purchase price). */
export function requiredWith(column: string, other: string): RowRule {
  return {
    column,
    check: (row) =>
      filled(row, other) && !filled(row, column)
        ? { code: 'required_with', params: { other } }
        : null,
  }
}

/** `column` must be filled when `other` holds `value` (a person's last name). */
export function requiredWhen(column: string, other: string, value: string): RowRule {
  return {
    column,
    check: (row) =>
      row[other] === value && !filled(row, column)
        ? { code: 'required_when', params: { other, value } }
        : null,
  }
}

/** At least one of `column` and `other` must be filled (a contact's phone or e-mail). */
export function requiredOrOther(column: string, other: string): RowRule {
  return {
    column,
    reads: [other],
    check: (row) =>
      !filled(row, column) && !filled(row, other)
        ? { code: 'required_or', params: { other } }
        : null,
  }
}
