import { TenantDb } from '#core/adapters/lucid/tenant_db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { phonePrefix } from '#referentials/domain/search_terms'
import { searchWords } from '#core/domain/search_words'
import { TenantSearch, type SearchResults } from '#referentials/application/search_everything'
import { escapeLike, whereContainsWords } from '#core/admin/list_query'
import { articleHits } from '#referentials/adapters/lucid/article_search_hits'

/** Rows a stage reads at most before ranking: what keeps a search on a million rows bounded. */
const CANDIDATES = 100
/** Corrections tried per typed word (the shop's closest words). */
const CORRECTIONS = 3
/** The typo stage is a bonus: past this, the search answers with what the first stage found. */
const TYPO_STAGE_TIMEOUT_MS = 150

/**
 * Words worth a typo-tolerant look: names and label words. Codes (SKUs, serial and part numbers,
 * postcodes) share their digit trigrams with a million others, and a typo in them is better
 * served by typing fewer characters, which the substring stage finds.
 */
function wordsForTypos(query: string) {
  return searchWords(query).filter((word) => word.length >= 4 && !/\d/.test(word))
}

/**
 * Runs queries in a savepoint with a statement timeout; a timeout ends them quietly (the rows
 * gathered so far stay) and leaves the request's transaction usable.
 */
async function bestEffort(
  trx: TransactionClientContract,
  work: (savepoint: TransactionClientContract) => Promise<void>
) {
  try {
    await trx.transaction(async (savepoint) => {
      await savepoint.rawQuery(`SET LOCAL statement_timeout = ${TYPO_STAGE_TIMEOUT_MS}`)
      await work(savepoint)
      await savepoint.rawQuery('SET LOCAL statement_timeout = 0')
    })
  } catch (error) {
    if ((error as { code?: string }).code !== QUERY_CANCELED) throw error
  }
}
const QUERY_CANCELED = '57014'

/**
 * Trigram search on the generated `search_document` columns, in two bounded stages: first rows
 * holding every typed word as a substring (trigram GIN index), then, when that finds too few, rows
 * holding a correction of every typed name (the shop's closest words, trigram similarity) so that
 * a typo still finds "Lefèvre" — within TYPO_STAGE_TIMEOUT_MS.
 * Each stage reads at most CANDIDATES rows and ranks them by word similarity: a common name among
 * a million customers costs the same as a rare one. Phones by prefix, e-mails by prefix.
 */
export class LucidTenantSearch extends TenantSearch {
  async search(tenantId: string, query: string, perKind: number): Promise<SearchResults> {
    const tenant = new TenantDb(tenantId)
    const phone = phonePrefix(query)
    const emailPrefix = query.includes('@') ? query.trim().toLowerCase() : null
    const typoWords = wordsForTypos(query)
    return tenant.run(async (trx) => {
      type Query = ReturnType<TenantDb['scoped']>
      const stage = (
        client: TransactionClientContract,
        table: string,
        shape: (candidates: Query) => Query,
        where: (candidates: Query) => void
      ) => {
        const candidates = tenant.scoped(client, table).whereNull(`${table}.archived_at`)
        where(candidates)
        return shape(candidates)
          .select(
            client.raw(`word_similarity(search_text(?), ${table}.search_document) AS rank`, [query])
          )
          .limit(CANDIDATES)
      }
      // First stage, per kind: every typed word as a substring.
      const typoKinds: Array<{ table: string; shape: (c: Query) => Query; rows: any[] }> = []
      const matches = async (
        table: string,
        shape: (candidates: Query) => Query,
        options: { typos: boolean } = { typos: true }
      ) => {
        const rows = await stage(trx, table, shape, (candidates) =>
          whereContainsWords(candidates, `${table}.search_document`, query)
        )
        if (options.typos) typoKinds.push({ table, shape, rows })
        return rows
      }

      const customerColumns = ['customers.id', 'display_name', 'postcode', 'city'] as const
      const byContact = (where: (candidates: Query) => void) => {
        const candidates = tenant.scoped(trx, 'customers').whereNull('archived_at')
        where(candidates)
        // A phone or e-mail prefix matches or does not: every match ranks the same.
        return candidates
          .select(...customerColumns)
          .select(trx.raw('1 AS rank'))
          .limit(perKind)
      }
      // Phones by prefix, column by column: each one its own index, an OR would read them all.
      const byPhone = async (prefix: string) => {
        const found = new Map<string, any>()
        for (const column of ['mobile', 'phone']) {
          if (found.size >= perKind) break
          const rows = await byContact((candidates) =>
            candidates.where(column, 'like', `${prefix}%`)
          )
          for (const row of rows) found.set(row.id, row)
        }
        if (found.size < perKind) {
          const owners = tenant
            .scoped(trx, 'customer_contacts')
            .whereNull('archived_at')
            .where('phone', 'like', `${prefix}%`)
            .select('customer_id')
            .limit(perKind)
          const rows = await byContact((candidates) => candidates.whereIn('id', owners))
          for (const row of rows) found.set(row.id, row)
        }
        return [...found.values()].slice(0, perKind)
      }
      const customers = phone
        ? await byPhone(phone)
        : emailPrefix
          ? // Every row holds "exemple.fr"-like trigrams: an e-mail is looked up by its prefix.
            await byContact((candidates) =>
              candidates.where('email', 'like', `${escapeLike(emailPrefix)}%`)
            )
          : await matches('customers', (candidates) => candidates.select(...customerColumns))

      const appliances = await matches(
        'customer_appliances',
        (candidates) =>
          candidates
            .join('product_models', (join) => {
              join
                .on('product_models.id', 'customer_appliances.product_model_id')
                .andOn('product_models.tenant_id', 'customer_appliances.tenant_id')
            })
            .join('customers', (join) => {
              join
                .on('customers.id', 'customer_appliances.customer_id')
                .andOn('customers.tenant_id', 'customer_appliances.tenant_id')
            })
            .select(
              'customer_appliances.id',
              'customer_appliances.serial_number',
              'product_models.model_reference',
              'customers.display_name'
            ),
        // Serial numbers are codes: no typo stage.
        { typos: false }
      )

      const models = await matches('product_models', (candidates) =>
        candidates.select('product_models.id', 'model_reference', 'commercial_name')
      )

      const articles = await matches('articles', (candidates) =>
        candidates.select(
          'articles.id',
          'articles.sku',
          'articles.label',
          'articles.manufacturer_part_number',
          'articles.superseded_by_id'
        )
      )

      // Second stage, only when the first found almost nothing anywhere: each name-like word is
      // corrected against the shop's own words (search_words, a few thousand), then the corrected
      // words are searched as substrings, served by the same index as the first stage.
      const total = customers.length + appliances.length + models.length + articles.length
      if (total < perKind && typoWords.length) {
        await bestEffort(trx, async (savepoint) => {
          const alternatives: string[][] = []
          let corrected = false
          for (const word of searchWords(query)) {
            if (!typoWords.includes(word)) {
              alternatives.push([word])
              continue
            }
            const close = await tenant
              .scoped(savepoint, 'search_words')
              .whereRaw('word % search_text(?)', [word])
              .orderByRaw('similarity(word, search_text(?)) DESC, word', [word])
              .limit(CORRECTIONS)
              .select('word')
            const words = close.map((row) => row.word as string)
            corrected ||= words.some((candidate) => !word.toLowerCase().includes(candidate))
            alternatives.push(words.length ? words : [word])
          }
          if (!corrected) return
          for (const kind of typoKinds) {
            const close = await stage(savepoint, kind.table, kind.shape, (candidates) => {
              const column = `${kind.table}.search_document`
              for (const words of alternatives) {
                candidates.where((any) => {
                  for (const word of words) {
                    any.orWhereRaw(`${column} LIKE '%' || search_text(?) || '%'`, [
                      escapeLike(word),
                    ])
                  }
                })
              }
            })
            const seen = new Set(kind.rows.map((row) => row.id))
            kind.rows.push(...close.filter((row) => !seen.has(row.id)))
          }
        })
      }
      const best = <T extends { rank: number }>(rows: T[]) =>
        rows.sort((a, b) => b.rank - a.rank).slice(0, perKind)

      return {
        articles: await articleHits(tenant, trx, best(articles)),
        customers: best(customers).map((row) => ({
          id: row.id,
          title: row.display_name,
          detail: [row.postcode, row.city].filter(Boolean).join(' ') || null,
        })),
        appliances: best(appliances).map((row) => ({
          id: row.id,
          title: row.serial_number ?? row.model_reference,
          detail: `${row.model_reference} · ${row.display_name}`,
        })),
        productModels: best(models).map((row) => ({
          id: row.id,
          title: row.model_reference,
          detail: row.commercial_name,
        })),
      }
    })
  }
}
