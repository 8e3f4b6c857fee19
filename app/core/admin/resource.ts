import vine from '@vinejs/vine'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import type { HttpContext } from '@adonisjs/core/http'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { Permission } from '#core/domain/permissions'
import type { Field } from '#core/admin/fields'

export type Row = Record<string, any>
export type Mode = 'create' | 'update'

/** What a hook or action may use: the request and the transaction of the change. */
export interface ResourceContext {
  ctx: HttpContext
  trx: TransactionClientContract
}

/** A refusal of a change with a message per field (shown like validation errors). */
export class FieldErrors extends Error {
  constructor(readonly errors: Record<string, string>) {
    super('field errors')
  }
}

/** A line of a detail page that no column holds: an already translated label and text. */
export interface DetailFact {
  label: string
  text: string
  href?: string | null
}

export interface ResourceAction {
  name: string
  /** Translation key of the button. */
  label: string
  /** Translation key of the confirmation question, if any. */
  confirm?: string
  permission: Permission
  /** Runs on the selected rows inside one transaction; returns the translation key of the flash. */
  run(rows: Row[], context: ResourceContext): Promise<string>
}

/** Who may do what on a resource; rows may refine it (e.g. a manager cannot archive themself). */
export interface ResourcePolicy {
  view: Permission
  manage: Permission
  export?: Permission
  canUpdate?(row: Row, ctx: HttpContext): boolean
  canArchive?(row: Row, ctx: HttpContext): boolean
}

export interface ResourceDefinition {
  /** Route name prefix and translation namespace (`staff.index`, `t('staff.title')`). */
  name: string
  path: string
  table: string
  /**
   * tenant: rows of the signed-in tenant only, through the row-level-security bound connection.
   * platform: operator back office tables, through the platform connection.
   */
  scope: 'tenant' | 'platform'
  /** Column shown as the record's title. */
  titleColumn: string
  /** The title when no single column makes one (a price rule: "Pumps, from 10,00 €"). */
  title?(row: Row, t: (key: string, data?: Record<string, unknown>) => string): string
  fields: Field[]
  /**
   * Column holding the searchable text, folded by `search_text()` — declare it in the migration as
   * a generated column with a trigram index (see `users.search_document`). `exact`: what is typed
   * in full (a job number) is looked up by equality on a uniquely indexed column instead.
   */
  search?: {
    column: string
    exact?: { column: string; pattern: RegExp; normalize?: (typed: string) => string }
  }
  defaultSort: { column: string; direction: 'asc' | 'desc' }
  perPage?: number
  validators: {
    create: { validate(data: unknown, options?: any): Promise<Row> }
    update: { validate(data: unknown, options?: any): Promise<Row> }
  }
  policy: ResourcePolicy
  /** Database unique constraints named after the field they protect, for a clear message. */
  uniqueConstraints?: Record<string, string>
  /** Turns validated input into column values; may refuse with FieldErrors. */
  beforeSave?(values: Row, mode: Mode, context: ResourceContext & { row?: Row }): Promise<Row>
  afterSave?(row: Row, mode: Mode, context: ResourceContext): Promise<void>
  /** After rows were archived (true) or restored (false), in the same transaction. */
  afterArchive?(rows: Row[], archived: boolean, context: ResourceContext): Promise<void>
  /** False to refuse creating (e.g. tenants are created by the subscription flow). */
  creatable?: boolean
  /**
   * Pages the module writes itself under the same route names (`<name>.show`, `<name>.create`…),
   * for records whose forms follow business rules (a repair job's intake and timeline): the
   * framework keeps the list, filters, export and actions, and links to those pages.
   */
  ownPages?: Array<'create' | 'show' | 'edit'>
  /**
   * Named conditions a list can be narrowed to beyond equal-value filters (`?scope=overdue`): "open
   * jobs", "late", "comebacks". Labels are `<name>.scopes.<scope>`; `apply` adds the condition.
   */
  scopes?: Array<{ name: string; apply(query: DatabaseQueryBuilderContract): void }>
  /** A list row's emphasis (an overdue job): a CSS tone name, or null. */
  rowTone?(row: Row): 'warning' | 'danger' | null
  archivable?: boolean
  rowActions?: ResourceAction[]
  bulkActions?: ResourceAction[]
  /** Links shown on the detail page (a download, another module's page), each behind a permission. */
  rowLinks?: Array<{ label: string; permission: Permission; href: (row: Row) => string }>
  /**
   * Facts worked out for the detail page, shown after the fields (an article's final replacement
   * at the end of a chain of supersessions), each with an optional link.
   */
  describe?(row: Row, context: ResourceContext): Promise<DetailFact[]>
  /**
   * Records of other resources pointing at this one, listed on its detail page (a customer's
   * appliances). `foreignKey` is the reference field of the other resource.
   */
  related?: Array<{ resource: () => ResourceDefinition; foreignKey: string }>
}

export function defineResource(definition: ResourceDefinition): ResourceDefinition {
  return {
    perPage: 25,
    creatable: true,
    archivable: true,
    rowActions: [],
    bulkActions: [],
    rowLinks: [],
    related: [],
    ...definition,
  }
}

const noForm = vine.create({})

/**
 * The validators of a list whose rows are written by their own pages and use cases (invoices,
 * quotes, jobs…), never by the framework's create and edit forms.
 */
export const noFormValidators = { create: noForm, update: noForm }
