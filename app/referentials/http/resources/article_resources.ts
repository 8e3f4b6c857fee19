import { urlFor } from '@adonisjs/core/services/url_builder'
import { defineResource, FieldErrors, type DetailFact, type Row } from '#core/admin/resource'
import {
  boolean,
  datetime,
  decimal,
  money,
  reference,
  select,
  text,
  textarea,
} from '#core/admin/fields'
import { ARTICLE_KINDS, ARTICLE_UNITS } from '#referentials/domain/articles'
import { VAT_CODES } from '#referentials/domain/vat_rates'
import { wouldLoop } from '#referentials/domain/supersession'
import {
  supersededArticles,
  supersessionChain,
} from '#referentials/adapters/lucid/supersession_query'
import {
  articleFamilyValidator,
  articleSupplierRefValidator,
  articleValidator,
} from '#referentials/http/resources/pricing_validators'

const policy = { view: 'referentials.view', manage: 'referentials.manage' } as const
const articleUrl = (id: string) => urlFor('articles.show', { id })

/** Families group articles (drain pumps, door seals…): price grid rules may depend on them. */
export const articleFamilyResource = defineResource({
  name: 'article_families',
  path: '/referentials/article-families',
  table: 'article_families',
  scope: 'tenant',
  titleColumn: 'name',
  fields: [
    text('code', {
      required: true,
      list: true,
      sortable: true,
      help: 'article_families.help.code',
    }),
    text('name', { required: true, list: true, sortable: true }),
    datetime('created_at', { sortable: true }),
  ],
  search: { column: 'search_document' },
  defaultSort: { column: 'name', direction: 'asc' },
  validators: { create: articleFamilyValidator, update: articleFamilyValidator },
  policy,
  uniqueConstraints: { article_families_code_unique: 'code' },
  related: [{ resource: () => articleResource, foreignKey: 'family_id' }],
})

/** The shop's articles: spare parts with their supplier references, prices and replacements. */
export const articleResource = defineResource({
  name: 'articles',
  path: '/referentials/articles',
  table: 'articles',
  scope: 'tenant',
  titleColumn: 'reference_label',
  fields: [
    text('sku', { required: true, list: true, sortable: true, help: 'articles.help.sku' }),
    text('label', { required: true, list: true, sortable: true }),
    text('manufacturer_part_number', {
      list: true,
      help: 'articles.help.manufacturer_part_number',
    }),
    select('kind', {
      required: true,
      filter: true,
      options: ARTICLE_KINDS,
      optionLabels: 'articles.kinds',
      default: 'spare_part',
    }),
    reference(
      'family_id',
      { table: 'article_families', labelColumn: 'name' },
      { list: true, filter: true }
    ),
    reference('brand_id', { table: 'brands', labelColumn: 'name' }, { filter: true }),
    money('sale_price_cents', {
      list: true,
      sortable: true,
      help: 'articles.help.sale_price_cents',
    }),
    boolean('fixed_price', { help: 'articles.help.fixed_price' }),
    select('vat_code', {
      required: true,
      options: VAT_CODES,
      optionLabels: 'vat_rates.codes',
      default: 'normal',
    }),
    money('eco_participation_cents', {
      required: true,
      default: 0,
      help: 'articles.help.eco_participation_cents',
    }),
    select('unit', {
      required: true,
      options: ARTICLE_UNITS,
      optionLabels: 'articles.units',
      default: 'piece',
    }),
    decimal('stock_quantity', { scale: 3, form: false, list: true, sortable: true }),
    boolean('active', {
      list: true,
      default: true,
      help: 'articles.help.active',
    }),
    // Shown on the detail page as facts, with the end of the chain (see describe).
    reference(
      'superseded_by_id',
      { table: 'articles', labelColumn: 'reference_label' },
      { show: false, help: 'articles.help.superseded_by_id' }
    ),
    textarea('notes'),
    datetime('created_at', { sortable: true }),
  ],
  search: { column: 'search_document' },
  defaultSort: { column: 'sku', direction: 'asc' },
  validators: { create: articleValidator, update: articleValidator },
  policy,
  uniqueConstraints: { articles_sku_unique: 'sku' },
  related: [{ resource: () => articleSupplierRefResource, foreignKey: 'article_id' }],
  rowLinks: [
    {
      label: 'articles.actions.simulate_price',
      permission: 'referentials.view',
      href: (row) => `${urlFor('referentials.priceSimulator')}?sku=${encodeURIComponent(row.sku)}`,
    },
  ],

  async beforeSave(values, mode, { ctx, trx, row }) {
    const t = (key: string) => ctx.i18n.t(key)
    // An unticked box is not sent at all: it means no.
    const prepared: Row = {
      ...values,
      fixed_price: values.fixed_price ?? false,
      active: values.active ?? false,
    }
    if (prepared.fixed_price && (prepared.sale_price_cents ?? null) === null) {
      throw new FieldErrors({ sale_price_cents: t('articles.errors.fixed_price_needs_price') })
    }
    const replacementId = prepared.superseded_by_id
    if (mode === 'update' && replacementId) {
      const chain = await supersessionChain(ctx.tenantDb!, trx, replacementId)
      if (chain && wouldLoop(row!.id, replacementId, chain.chain)) {
        throw new FieldErrors({ superseded_by_id: t('articles.errors.supersession_loop') })
      }
    }
    return prepared
  },

  /** Which part replaces this one, the end of the chain, and the parts it replaces. */
  async describe(row, { ctx, trx }) {
    const t = (key: string) => ctx.i18n.t(key)
    const tenantDb = ctx.tenantDb!
    const facts: DetailFact[] = []
    const chain = await supersessionChain(tenantDb, trx, row.id)
    if (chain && chain.chain.length > 1) {
      const next = chain.chain[1]
      const link = (article: { id: string; referenceLabel: string }) => ({
        text: article.referenceLabel,
        href: articleUrl(article.id),
      })
      facts.push({ label: t('articles.facts.superseded_by'), ...link(next) })
      if (chain.final.id !== next.id) {
        facts.push({ label: t('articles.facts.final_replacement'), ...link(chain.final) })
      }
      if (chain.loops) {
        facts.push({ label: t('articles.facts.chain'), text: t('articles.facts.loop') })
      }
    }
    for (const older of await supersededArticles(tenantDb, trx, row.id)) {
      facts.push({
        label: t('articles.facts.replaces'),
        text: older.reference_label,
        href: articleUrl(older.id),
      })
    }
    return facts
  },
})

/** An article as a supplier sells it: their reference and the purchase price. */
export const articleSupplierRefResource = defineResource({
  name: 'article_supplier_refs',
  path: '/referentials/article-supplier-refs',
  table: 'article_supplier_refs',
  scope: 'tenant',
  titleColumn: 'supplier_reference',
  fields: [
    text('supplier_reference', { required: true, list: true, sortable: true }),
    reference(
      'article_id',
      { table: 'articles', labelColumn: 'reference_label' },
      { required: true, list: true, filter: true }
    ),
    reference(
      'supplier_id',
      { table: 'suppliers', labelColumn: 'name' },
      { required: true, list: true, filter: true }
    ),
    money('purchase_price_cents', { required: true, list: true, sortable: true }),
    boolean('preferred', { list: true, help: 'article_supplier_refs.help.preferred' }),
    datetime('created_at', { sortable: true }),
  ],
  defaultSort: { column: 'supplier_reference', direction: 'asc' },
  validators: { create: articleSupplierRefValidator, update: articleSupplierRefValidator },
  policy,
  uniqueConstraints: {
    article_supplier_refs_unique: 'supplier_id',
    article_supplier_refs_one_preferred: 'preferred',
  },

  /**
   * One preferred supplier per article: choosing another moves the mark, and an article's first
   * reference is preferred, so the price grids have a purchase price to start from.
   */
  async beforeSave(values, _mode, { ctx, trx, row }) {
    const others = ctx
      .tenantDb!.scoped(trx, 'article_supplier_refs')
      .where('article_id', values.article_id)
      .whereNull('archived_at')
      .if(row, (query) => query.whereNot('id', row!.id))
    let preferred = values.preferred ?? false
    if (preferred) {
      await others.clone().where('preferred', true).update({ preferred: false })
    } else {
      preferred = !(await others.clone().where('preferred', true).first())
    }
    return { ...values, preferred }
  },

  /**
   * An archived reference is no longer preferred (restoring it never makes two); the article's
   * cheapest remaining reference takes the mark, so the grids keep a purchase price.
   */
  async afterArchive(rows, archived, { ctx, trx }) {
    if (!archived) return
    const tenantDb = ctx.tenantDb!
    for (const row of rows.filter((candidate) => candidate.preferred)) {
      await tenantDb
        .scoped(trx, 'article_supplier_refs')
        .where('id', row.id)
        .update({ preferred: false })
      const cheapest = await tenantDb
        .scoped(trx, 'article_supplier_refs')
        .where('article_id', row.article_id)
        .whereNull('archived_at')
        .orderBy('purchase_price_cents')
        .select('id')
        .first()
      if (cheapest) {
        await tenantDb
          .scoped(trx, 'article_supplier_refs')
          .where('id', cheapest.id)
          .update({ preferred: true })
      }
    }
  },
})
