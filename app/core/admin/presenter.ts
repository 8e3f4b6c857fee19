import type { HttpContext } from '@adonisjs/core/http'
import type { Field } from '#core/admin/fields'
import { lookupUrlFor } from '#core/admin/lookups'
import type { ResourceDefinition, Row } from '#core/admin/resource'
import {
  formatAmount,
  formatDate,
  formatDateTime,
  formatDecimal,
  formatNumber,
  formatPhone,
} from '#core/http/format'
import { centsToInput, decimalToInput } from '#core/domain/money'

/** Turns rows and fields into plain, already translated values for the Edge views. */
export class Presenter {
  constructor(
    private definition: ResourceDefinition,
    private ctx: HttpContext
  ) {}

  get locale() {
    return this.ctx.i18n.locale
  }

  t(key: string, data?: Record<string, unknown>) {
    return this.ctx.i18n.t(key, data)
  }

  label(field: Field) {
    return this.t(field.label ?? `${this.definition.name}.fields.${field.name}`)
  }

  optionLabel(field: Field, value: string) {
    return field.optionLabels ? this.t(`${field.optionLabels}.${value}`) : value
  }

  options(field: Field) {
    return (field.options ?? []).map((value) => ({ value, label: this.optionLabel(field, value) }))
  }

  /** A cell: text, or a badge for select fields that declare tones. */
  cell(field: Field, row: Row) {
    const value = row[field.name]
    if (value === null || value === undefined || value === '') {
      return { text: field.emptyText ? this.t(field.emptyText) : '—', muted: true }
    }
    switch (field.type) {
      case 'select':
        return { text: this.optionLabel(field, value), tone: field.tones?.[value] ?? null }
      case 'boolean':
        return { text: this.t(value ? 'ui.yes' : 'ui.no') }
      case 'datetime':
        return { text: formatDateTime(value, this.locale) }
      case 'date':
        return { text: formatDate(value, this.locale) }
      case 'reference':
        return { text: row[`${field.name}__label`] ?? '—' }
      case 'tel':
        return { text: formatPhone(value) }
      case 'number':
        return { text: formatNumber(Number(value), this.locale) }
      case 'money':
        return { text: formatAmount(Number(value)) }
      case 'decimal':
        return { text: formatDecimal(value, this.locale, field.scale) }
      default:
        return { text: String(value) }
    }
  }

  /**
   * Plain text for CSV: same as the screen, without muting; amounts as bare decimals (`1234,56`)
   * so that a spreadsheet reads them as numbers.
   */
  csvValue(field: Field, row: Row) {
    const value = row[field.name]
    if (field.type === 'money' && value !== null && value !== undefined) {
      return centsToInput(Number(value))
    }
    const cell = this.cell(field, row)
    return 'muted' in cell ? '' : cell.text
  }

  formFields(
    mode: 'create' | 'update',
    row: Row | null,
    referenceOptions: Record<string, Array<{ value: string; label: string }>> = {}
  ) {
    return this.definition.fields
      .filter(
        (field) => field.form === 'both' || field.form === (mode === 'create' ? 'create' : 'edit')
      )
      .map((field) => ({
        name: field.name,
        type: field.type,
        label: this.label(field),
        required: Boolean(field.required),
        help: field.help ? this.t(field.help) : null,
        autocomplete: field.autocomplete ?? null,
        inputmode: field.inputmode ?? null,
        options: field.references ? (referenceOptions[field.name] ?? []) : this.options(field),
        lookup: field.references ? lookupUrlFor(field.references.table) : null,
        value: field.type === 'password' ? null : this.inputValue(field, row),
      }))
  }

  /** A stored value as its form input shows it: cents as `12,50`, decimals as `1,8`. */
  private inputValue(field: Field, row: Row | null) {
    const value = row?.[field.name] ?? field.default ?? null
    if (value === null || value === '') return value
    if (field.type === 'money') return centsToInput(Number(value))
    if (field.type === 'decimal') return decimalToInput(value, this.locale)
    return value
  }
}
