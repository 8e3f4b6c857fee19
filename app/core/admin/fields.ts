/**
 * Field builders of the admin framework. A field is a column of the resource's table (snake_case)
 * with how it is listed, filtered, shown and edited.
 */
export type FieldType =
  | 'text'
  | 'email'
  | 'tel'
  | 'number'
  | 'select'
  | 'textarea'
  | 'boolean'
  | 'password'
  | 'date'
  | 'datetime'
  | 'reference'
  | 'money'
  | 'decimal'

export type Tone = 'neutral' | 'success' | 'warning' | 'danger' | 'info'

export interface FieldOptions {
  /** Translation key of the label; default `<resource>.fields.<name>`. */
  label?: string
  required?: boolean
  /** Shown as a list column. */
  list?: boolean
  sortable?: boolean
  /** A select field offered as a list filter. */
  filter?: boolean
  /** In which forms the field is editable. */
  form?: 'both' | 'create' | 'edit' | false
  /** Shown on the detail page (default true, never for passwords). */
  show?: boolean
  help?: string
  autocomplete?: string
  inputmode?: string
  /** Select fields: allowed values, labels from `<optionLabels>.<value>`, badge tones per value. */
  options?: readonly string[]
  optionLabels?: string
  tones?: Record<string, Tone>
  /** Value for new records. */
  default?: string | number | boolean
  /** Reference fields: the table pointed at (same tenant) and the column shown for a row of it. */
  references?: { table: string; labelColumn: string }
  /** Decimal fields: the digits after the decimal point (the column's numeric scale). */
  scale?: number
  /** Translation key shown instead of "—" when the value is empty (a rule for "all families"). */
  emptyText?: string
}

export interface Field extends FieldOptions {
  name: string
  type: FieldType
}

const make =
  (type: FieldType) =>
  (name: string, options: FieldOptions = {}): Field => ({
    form: 'both',
    show: true,
    ...options,
    name,
    type,
  })

export const text = make('text')
export const email = make('email')
export const tel = make('tel')
export const number = make('number')
export const select = make('select')
export const textarea = make('textarea')
export const boolean = make('boolean')
export const password = (name: string, options: FieldOptions = {}) =>
  make('password')(name, { show: false, form: 'create', autocomplete: 'new-password', ...options })
export const datetime = (name: string, options: FieldOptions = {}) =>
  make('datetime')(name, { form: false, ...options })
export const date = make('date')

/**
 * An amount stored in integer cents (`…_cents` columns): typed `12,50`, `12.50` or `1 234,56`,
 * shown `1 234,56 €`. Validate it with `amountRule` (#core/http/vine_rules).
 */
export const money = (name: string, options: FieldOptions = {}) =>
  make('money')(name, { inputmode: 'decimal', ...options })

/** A PostgreSQL numeric (coefficient, rate, quantity), kept as a string: never a float. */
export const decimal = (name: string, options: FieldOptions & { scale: number }) =>
  make('decimal')(name, { inputmode: 'decimal', ...options })

/**
 * A link to a row of another table of the same tenant (a brand's manufacturer): a select in forms,
 * the other row's label in lists. Declare the foreign key on (tenant_id, column) so that the
 * database itself refuses a row of another tenant.
 */
export const reference = (
  name: string,
  references: { table: string; labelColumn: string },
  options: FieldOptions = {}
) => make('reference')(name, { ...options, references })

/** The fields of a postal address; postcode and city listed and sortable when `list` is set. */
export const addressFields = (options: { list?: boolean; required?: boolean } = {}) => [
  text('address_line1', { autocomplete: 'address-line1', required: options.required }),
  text('address_line2', { autocomplete: 'address-line2' }),
  text('postcode', {
    required: options.required,
    list: options.list,
    sortable: options.list,
    inputmode: 'numeric',
    autocomplete: 'postal-code',
  }),
  text('city', {
    required: options.required,
    list: options.list,
    sortable: options.list,
    autocomplete: 'address-level2',
  }),
]

/** A column shown in lists and pages, never typed in the framework's forms. */
export const readOnly = { form: false } as const
