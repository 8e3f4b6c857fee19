import { pipeline } from 'node:stream/promises'
import { Transform } from 'node:stream'
import type { HttpContext } from '@adonisjs/core/http'
import { stringify } from 'csv-stringify'
import { urlFor } from '@adonisjs/core/services/url_builder'
import type { Permission } from '#core/domain/permissions'
import { forbid } from '#core/http/forbid'
import { neutraliseFormula } from '#core/admin/csv'
import { Presenter } from '#core/admin/presenter'
import { ResourceStore } from '#core/admin/resource_store'
import { applyFilters, applySort, boundedSearch, cappedCount } from '#core/admin/list_query'
import { listQueryString, pageWindow, readListState, type ListState } from '#core/admin/list_state'
import { savedViewRows, savedViewsPanel } from '#core/admin/saved_views'
import {
  FieldErrors,
  type ResourceAction,
  type ResourceDefinition,
  type Row,
} from '#core/admin/resource'

const UNIQUE_VIOLATION = '23505'
const FOREIGN_KEY_VIOLATION = '23503'
/** Related records listed on a detail page; beyond, the "see all" link opens the filtered list. */
const RELATED_ROWS = 20

/**
 * The pages of any resource defined with `defineResource`: list (search, filters, sort, pages),
 * CSV export, detail, create, edit, archive/restore, row and bulk actions.
 */
export class ResourceController {
  constructor(private definition: ResourceDefinition) {}

  private route(name: string, params?: Record<string, string>) {
    return urlFor(`${this.definition.name}.${name}` as any, params as any)
  }

  private async authorize(ctx: HttpContext, permission: Permission) {
    await ctx.bouncer.authorize('permission', permission)
  }

  private tools(ctx: HttpContext) {
    return {
      store: new ResourceStore(this.definition, ctx),
      presenter: new Presenter(this.definition, ctx),
    }
  }

  private async findOr404(ctx: HttpContext, store: ResourceStore, trx: any, options = {}) {
    const row = await store.find(trx, ctx.params.id, options)
    if (!row) ctx.response.abort(await this.notFoundPage(ctx), 404)
    return row!
  }

  private notFoundPage(ctx: HttpContext) {
    return ctx.view.render('pages/errors/status', {
      status: 404,
      requestId: ctx.request.id(),
      message: null,
    })
  }

  async index(ctx: HttpContext) {
    const { definition } = this
    await this.authorize(ctx, definition.policy.view)
    const { store, presenter } = this.tools(ctx)
    const state = readListState(definition, ctx.request.qs())
    const perPage = definition.perPage!
    const listed = definition.fields.filter((field) => field.list)

    const hasReferenceFilter = definition.fields.some((field) => field.filter && field.references)
    const { rows, count, choices, views } = await store.run(async (trx) => {
      const filtered = boundedSearch(
        applyFilters(store.query(trx), definition, state),
        definition,
        state
      )
      const [page, total] = await Promise.all([
        store
          .selectRows(applySort(filtered.clone(), definition, state))
          .offset((state.page - 1) * perPage)
          .limit(perPage),
        cappedCount(filtered),
      ])
      const referenceChoices = hasReferenceFilter
        ? await store.referenceOptions(trx, state.filters)
        : {}
      return {
        rows: page as Row[],
        count: total,
        choices: referenceChoices,
        views: await savedViewRows(ctx, definition, trx),
      }
    })
    // With a capped count the last page is unknown: page on while pages come back full.
    const lastPage = count.capped ? null : Math.max(1, Math.ceil(count.total / perPage))
    const hasNext = lastPage === null ? rows.length === perPage : state.page < lastPage
    const windowEnd = lastPage ?? (hasNext ? state.page + 1 : state.page)
    const link = (overrides: Partial<ListState>) =>
      this.route('index') + listQueryString(definition, state, overrides)
    const canManage = await ctx.bouncer.allows('permission', definition.policy.manage)

    return ctx.view.render('admin/index', {
      title: presenter.t(`${definition.name}.title`),
      resource: definition.name,
      listState: state,
      searchable: Boolean(definition.search),
      searchPlaceholder: presenter.t(`${definition.name}.search_placeholder`),
      filters: definition.fields
        .filter((field) => field.filter)
        .map((field) => ({
          name: field.name,
          label: presenter.label(field),
          options: field.references ? (choices[field.name] ?? []) : presenter.options(field),
          value: state.filters[field.name] ?? '',
        })),
      archivable: definition.archivable,
      scopes: (definition.scopes ?? []).map((scope) => ({
        value: scope.name,
        label: presenter.t(`${definition.name}.scopes.${scope.name}`),
      })),
      columns: listed.map((field) => ({
        label: presenter.label(field),
        sortable: Boolean(field.sortable),
        sorted: state.sort === field.name ? state.direction : null,
        sortUrl: link({
          sort: field.name,
          direction: state.sort === field.name && state.direction === 'asc' ? 'desc' : 'asc',
          page: 1,
        }),
      })),
      rows: rows.map((row) => ({
        id: row.id,
        url: this.route('show', { id: row.id }),
        archived: Boolean(row.archived_at),
        tone: definition.rowTone?.(row) ?? null,
        cells: listed.map((field) => presenter.cell(field, row)),
      })),
      total: count.total,
      totalIsCapped: count.capped,
      pagination: {
        page: state.page,
        lastPage,
        previousUrl: state.page > 1 ? link({ page: state.page - 1 }) : null,
        nextUrl: hasNext ? link({ page: state.page + 1 }) : null,
        pageUrls: pageWindow(state.page, windowEnd).map((entry) =>
          entry === 'gap'
            ? { gap: true }
            : { page: entry, url: link({ page: entry }), active: entry === state.page }
        ),
      },
      listUrl: this.route('index'),
      exportUrl: this.route('export') + listQueryString(definition, state, { page: 1 }),
      createUrl: canManage && creatable(definition) ? this.route('create') : null,
      bulkUrl: this.route('bulk'),
      bulkActions: canManage ? await this.allowedActions(ctx, this.bulkActions()) : [],
      // Named filters of this user for this list (null where the list offers none).
      savedViews: savedViewsPanel(definition, state, views),
    })
  }

  async exportCsv(ctx: HttpContext) {
    const { definition } = this
    await this.authorize(ctx, definition.policy.export ?? definition.policy.view)
    const { store, presenter } = this.tools(ctx)
    const state = readListState(definition, ctx.request.qs())
    const fields = definition.fields.filter((field) => field.type !== 'password')
    const stamp = new Date().toISOString().slice(0, 10)
    const raw = ctx.response.response

    // Streamed inside the tenant transaction straight to the socket: memory stays flat at any size.
    await store.run(async (trx) => {
      const query = store.selectRows(
        applySort(applyFilters(store.query(trx), definition, state), definition, state)
      )
      raw.writeHead(200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${definition.name}-${stamp}.csv"`,
        'cache-control': 'no-store',
      })
      raw.write('\ufeff')
      const toRecord = new Transform({
        objectMode: true,
        transform(row: Row, _encoding, callback) {
          callback(
            null,
            fields.map((field) => neutraliseFormula(presenter.csvValue(field, row)))
          )
        },
      })
      const header = fields.map((field) => presenter.label(field))
      // Lucid applies its where clauses when the query is compiled: compile before streaming.
      query.toSQL()
      await pipeline(
        query.knexQuery.stream(),
        toRecord,
        stringify({
          delimiter: ';',
          header: true,
          columns: header.map((label, index) => ({ key: String(index), header: label })),
        }),
        raw
      )
    })
  }

  async show(ctx: HttpContext) {
    const { definition } = this
    await this.authorize(ctx, definition.policy.view)
    const { store, presenter } = this.tools(ctx)
    const { row, related, facts } = await store.run(async (trx) => {
      const found = await this.findOr404(ctx, store, trx)
      return {
        row: found,
        related: await this.relatedSections(ctx, trx, found),
        facts: (await definition.describe?.(found, { ctx, trx })) ?? [],
      }
    })
    const canManage = await ctx.bouncer.allows('permission', definition.policy.manage)
    const rowActions = canManage ? await this.allowedActions(ctx, definition.rowActions!) : []
    const rowLinks = []
    for (const link of definition.rowLinks!) {
      if (await ctx.bouncer.allows('permission', link.permission)) {
        rowLinks.push({ label: presenter.t(link.label), href: link.href(row) })
      }
    }
    return ctx.view.render('admin/show', {
      related,
      rowLinks,
      facts,
      title: this.titleOf(ctx, row),
      resourceTitle: presenter.t(`${definition.name}.title`),
      listUrl: this.route('index'),
      archived: Boolean(row.archived_at),
      fields: definition.fields
        .filter((field) => field.show !== false)
        .map((field) => ({ label: presenter.label(field), ...presenter.cell(field, row) })),
      editUrl: canManage && this.canUpdate(ctx, row) ? this.route('edit', { id: row.id }) : null,
      archiveUrl:
        canManage && definition.archivable && !row.archived_at && this.canArchive(ctx, row)
          ? this.route('confirmArchive', { id: row.id })
          : null,
      restoreUrl:
        canManage && definition.archivable && row.archived_at
          ? this.route('restore', { id: row.id })
          : null,
      rowActions: rowActions.map((action) => ({
        ...action,
        url: this.route('action', { id: row.id, action: action.name }),
      })),
    })
  }

  /** The related records shown under a detail page, each with its add and see-all links. */
  private async relatedSections(ctx: HttpContext, trx: any, row: Row) {
    const sections = []
    for (const { resource, foreignKey } of this.definition.related!) {
      const other = resource()
      if (!(await ctx.bouncer.allows('permission', other.policy.view))) continue
      const store = new ResourceStore(other, ctx)
      const presenter = new Presenter(other, ctx)
      const rows: Row[] = await store
        .selectRows(store.query(trx))
        .where(`${other.table}.${foreignKey}`, row.id)
        .whereNull(`${other.table}.archived_at`)
        .orderBy(`${other.table}.${other.defaultSort.column}`, other.defaultSort.direction)
        .limit(RELATED_ROWS)
      const columns = other.fields.filter((field) => field.list && field.name !== foreignKey)
      const canAdd =
        creatable(other) && (await ctx.bouncer.allows('permission', other.policy.manage))
      sections.push({
        title: presenter.t(`${other.name}.title`),
        columns: columns.map((field) => presenter.label(field)),
        rows: rows.map((related) => ({
          url: urlFor(`${other.name}.show` as any, { id: related.id } as any),
          cells: columns.map((field) => presenter.cell(field, related)),
        })),
        emptyText: presenter.t('admin.related.empty'),
        addUrl: canAdd ? `${urlFor(`${other.name}.create` as any)}?${foreignKey}=${row.id}` : null,
        addLabel: presenter.t(`${other.name}.new`),
        allUrl: `${urlFor(`${other.name}.index` as any)}?${foreignKey}=${row.id}`,
      })
    }
    return sections
  }

  async create(ctx: HttpContext) {
    await this.authorize(ctx, this.definition.policy.manage)
    if (!this.definition.creatable) return forbid()
    const { store } = this.tools(ctx)
    // `?customer_id=…` from a detail page's "add" link preselects the reference.
    const query = ctx.request.qs()
    const prefill = Object.fromEntries(
      this.definition.fields
        .filter((field) => field.references && typeof query[field.name] === 'string')
        .map((field) => [field.name, query[field.name]])
    )
    const choices = await store.run((trx) =>
      store.referenceOptions(trx, this.chosenReferences(ctx, prefill))
    )
    return this.renderForm(ctx, 'create', null, choices, prefill)
  }

  async edit(ctx: HttpContext) {
    await this.authorize(ctx, this.definition.policy.manage)
    const { store } = this.tools(ctx)
    const { row, choices } = await store.run(async (trx) => {
      const found = await this.findOr404(ctx, store, trx)
      return {
        row: found,
        choices: await store.referenceOptions(trx, this.chosenReferences(ctx, found)),
      }
    })
    if (!this.canUpdate(ctx, row)) return forbid()
    return this.renderForm(ctx, 'update', row, choices)
  }

  /** The references a form shows as chosen: the record's or prefilled, or those just submitted. */
  private chosenReferences(ctx: HttpContext, values: Row) {
    const chosen: Row = { ...values }
    for (const field of this.definition.fields.filter((candidate) => candidate.references)) {
      const submitted = ctx.session.flashMessages.get(field.name)
      if (typeof submitted === 'string' && submitted) chosen[field.name] = submitted
    }
    return chosen
  }

  /** JSON choices for a reference picker pointing at this resource: what matches the typed text. */
  async lookup(ctx: HttpContext) {
    await this.authorize(ctx, this.definition.policy.view)
    const typed = String(ctx.request.qs().q ?? '')
      .slice(0, 100)
      .trim()
    const { store } = this.tools(ctx)
    ctx.response.header('cache-control', 'no-store')
    return store.run((trx) => store.lookup(trx, typed))
  }

  private renderForm(
    ctx: HttpContext,
    mode: 'create' | 'update',
    row: Row | null,
    choices: Record<string, Array<{ value: string; label: string }>>,
    prefill: Row = {}
  ) {
    const { definition } = this
    const presenter = new Presenter(definition, ctx)
    return ctx.view.render('admin/form', {
      title: mode === 'create' ? presenter.t(`${definition.name}.new`) : this.titleOf(ctx, row!),
      resourceTitle: presenter.t(`${definition.name}.title`),
      listUrl: this.route('index'),
      cancelUrl: row ? this.route('show', { id: row.id }) : this.route('index'),
      action: row ? `${this.route('update', { id: row.id })}?_method=PUT` : this.route('store'),
      fields: presenter.formFields(mode, row ?? prefill, choices),
    })
  }

  async store(ctx: HttpContext) {
    const { definition } = this
    await this.authorize(ctx, definition.policy.manage)
    if (!definition.creatable) return forbid()
    const values = await ctx.request.validateUsing(definition.validators.create as any)
    const { store } = this.tools(ctx)
    const saved = await this.save(ctx, () =>
      store.run(async (trx) => {
        const prepared = definition.beforeSave
          ? await definition.beforeSave(values, 'create', { ctx, trx })
          : values
        const [row] = await trx
          .table(definition.table)
          .insert(store.newRow(prepared))
          .returning('*')
        await definition.afterSave?.(row, 'create', { ctx, trx })
        return row as Row
      })
    )
    if (!saved) return
    ctx.session.flash('success', ctx.i18n.t('admin.flash.created'))
    return ctx.response.redirect(this.route('show', { id: saved.id }))
  }

  async update(ctx: HttpContext) {
    const { definition } = this
    await this.authorize(ctx, definition.policy.manage)
    const { store } = this.tools(ctx)
    const values = await ctx.request.validateUsing(
      definition.validators.update as any,
      { meta: { id: ctx.params.id } } as any
    )
    const saved = await this.save(ctx, () =>
      store.run(async (trx) => {
        const row = await this.findOr404(ctx, store, trx, { lock: true })
        if (!this.canUpdate(ctx, row)) return forbid()
        const prepared = definition.beforeSave
          ? await definition.beforeSave(values, 'update', { ctx, trx, row })
          : values
        const [updated] = await store
          .query(trx)
          .where(`${definition.table}.id`, row.id)
          .update({ ...prepared, updated_at: new Date() })
          .returning('*')
        await definition.afterSave?.(updated, 'update', { ctx, trx })
        return updated as Row
      })
    )
    if (!saved) return
    ctx.session.flash('success', ctx.i18n.t('admin.flash.updated'))
    return ctx.response.redirect(this.route('show', { id: saved.id }))
  }

  /** Runs a write; refusals and unique violations come back to the form as field errors. */
  private async save(ctx: HttpContext, write: () => Promise<Row>) {
    try {
      return await write()
    } catch (error) {
      const errors = this.fieldErrorsOf(ctx, error)
      if (!errors) throw error
      const secret = this.definition.fields
        .filter((field) => field.type === 'password')
        .flatMap((field) => [field.name, `${field.name}_confirmation`])
      ctx.session.flashExcept(['_csrf', '_method', ...secret])
      ctx.session.flash(
        'inputErrorsBag',
        Object.fromEntries(Object.entries(errors).map(([field, message]) => [field, [message]]))
      )
      ctx.session.flash('error', ctx.i18n.t('admin.flash.invalid'))
      ctx.response.redirect().back()
      return null
    }
  }

  private fieldErrorsOf(ctx: HttpContext, error: any): Record<string, string> | null {
    if (error instanceof FieldErrors) return error.errors
    if (error?.code === FOREIGN_KEY_VIOLATION) {
      // A reference to a row that is not there, or belongs to another tenant.
      const field = this.definition.fields.find(
        (candidate) => candidate.references && String(error.constraint).includes(candidate.name)
      )
      if (field) return { [field.name]: ctx.i18n.t('admin.errors.reference') }
    }
    const field =
      error?.code === UNIQUE_VIOLATION
        ? this.definition.uniqueConstraints?.[error.constraint]
        : undefined
    return field ? { [field]: ctx.i18n.t('admin.errors.unique') } : null
  }

  async confirmArchive(ctx: HttpContext) {
    await this.authorize(ctx, this.definition.policy.manage)
    const { store } = this.tools(ctx)
    const row = await store.run((trx) => this.findOr404(ctx, store, trx))
    if (!this.canArchive(ctx, row) || row.archived_at) return forbid()
    return ctx.view.render('admin/confirm', {
      title: ctx.i18n.t('admin.archive.title', { name: this.titleOf(ctx, row) }),
      text: ctx.i18n.t(`${this.definition.name}.archive_warning`),
      action: this.route('archive', { id: row.id }),
      cancelUrl: this.route('show', { id: row.id }),
      confirmLabel: ctx.i18n.t('admin.archive.confirm'),
    })
  }

  async archive(ctx: HttpContext) {
    return this.runOnOne(ctx, this.archiveAction())
  }

  async restore(ctx: HttpContext) {
    return this.runOnOne(ctx, this.restoreAction())
  }

  async action(ctx: HttpContext) {
    const action = this.definition.rowActions!.find(
      (candidate) => candidate.name === ctx.params.action
    )
    if (!action) return ctx.response.notFound(await this.notFoundPage(ctx))
    return this.runOnOne(ctx, action)
  }

  private async runOnOne(ctx: HttpContext, action: ResourceAction) {
    await this.authorize(ctx, action.permission)
    const { store } = this.tools(ctx)
    const message = await this.refusable(ctx, () =>
      store.run(async (trx) => {
        const row = await this.findOr404(ctx, store, trx, { lock: true })
        return action.run([row], { ctx, trx })
      })
    )
    if (message) ctx.session.flash('success', ctx.i18n.t(message, { count: 1 }))
    return ctx.response.redirect(this.route('show', { id: ctx.params.id }))
  }

  /** Bulk actions: all selected rows change in one transaction, or none does. */
  async bulk(ctx: HttpContext) {
    const ids = ([] as unknown[])
      .concat(ctx.request.input('ids', []))
      .filter((id): id is string => typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id))
    const action = this.bulkActions().find(
      (candidate) => candidate.name === ctx.request.input('action')
    )
    if (!action || ids.length === 0 || ids.length > 500) {
      ctx.session.flash('error', ctx.i18n.t('admin.flash.bulk_nothing'))
      return ctx.response.redirect().back()
    }
    await this.authorize(ctx, action.permission)
    const { store } = this.tools(ctx)
    const message = await this.refusable(ctx, () =>
      store.run(async (trx) => {
        const rows = await store.query(trx).whereIn(`${this.definition.table}.id`, ids).forUpdate()
        return action.run(rows, { ctx, trx })
      })
    )
    if (message) ctx.session.flash('success', ctx.i18n.t(message, { count: ids.length }))
    return ctx.response.redirect().back()
  }

  /**
   * An action refused by a business rule rolls back and says why; so does one the database refuses
   * (restoring a record whose unique value was taken meanwhile).
   */
  private async refusable(ctx: HttpContext, work: () => Promise<string>) {
    try {
      return await work()
    } catch (error) {
      const errors = this.fieldErrorsOf(ctx, error)
      if (!errors) throw error
      ctx.session.flash('error', Object.values(errors)[0])
      return null
    }
  }

  private bulkActions() {
    const builtIn = this.definition.archivable ? [this.archiveAction(), this.restoreAction()] : []
    return [...builtIn, ...this.definition.bulkActions!]
  }

  private archiveAction(): ResourceAction {
    const definition = this.definition
    return {
      name: 'archive',
      label: 'admin.actions.archive',
      confirm: 'admin.actions.archive_confirm',
      permission: definition.policy.manage,
      run: async (rows, { ctx, trx }) => {
        if (rows.some((row) => !this.canArchive(ctx, row))) forbid()
        await trx
          .from(definition.table)
          .whereIn(
            'id',
            rows.map((row) => row.id)
          )
          .whereNull('archived_at')
          .update({ archived_at: new Date() })
        await definition.afterArchive?.(rows, true, { ctx, trx })
        return 'admin.flash.archived'
      },
    }
  }

  private restoreAction(): ResourceAction {
    const definition = this.definition
    return {
      name: 'restore',
      label: 'admin.actions.restore',
      permission: definition.policy.manage,
      run: async (rows, { ctx, trx }) => {
        await trx
          .from(definition.table)
          .whereIn(
            'id',
            rows.map((row) => row.id)
          )
          .update({ archived_at: null })
        await definition.afterArchive?.(rows, false, { ctx, trx })
        return 'admin.flash.restored'
      },
    }
  }

  private async allowedActions(ctx: HttpContext, actions: ResourceAction[]) {
    const allowed = []
    for (const action of actions) {
      if (await ctx.bouncer.allows('permission', action.permission)) {
        allowed.push({
          name: action.name,
          label: ctx.i18n.t(action.label),
          confirm: action.confirm ? ctx.i18n.t(action.confirm) : null,
        })
      }
    }
    return allowed
  }

  private titleOf(ctx: HttpContext, row: Row): string {
    const { title, titleColumn } = this.definition
    return title ? title(row, (key, data) => ctx.i18n.t(key, data)) : row[titleColumn]
  }

  private canUpdate(ctx: HttpContext, row: Row) {
    return this.definition.policy.canUpdate?.(row, ctx) ?? true
  }

  private canArchive(ctx: HttpContext, row: Row) {
    return this.definition.policy.canArchive?.(row, ctx) ?? true
  }
}

/** Whether new records are made here, by the framework's form or the module's own page. */
function creatable(definition: ResourceDefinition) {
  return Boolean(definition.creatable || definition.ownPages?.includes('create'))
}
