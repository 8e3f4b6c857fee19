/**
 * Manufacturers supersede part numbers: an article may point at the one that replaces it, which
 * may be replaced in turn. The chain is followed to its end; a loop is a data error, never a hang.
 */
export interface SupersessionLink {
  id: string
  supersededById: string | null
}

export interface SupersessionChain<A extends SupersessionLink> {
  /** From the article itself to the last replacement found. */
  chain: A[]
  /** The end of the chain (the article itself when nothing replaces it). */
  final: A
  /** True when the chain comes back on itself. */
  loops: boolean
}

/** Follows the replacements of `startId` through `articles` (the rows of the chain, any order). */
export function followSupersession<A extends SupersessionLink>(
  startId: string,
  articles: readonly A[]
): SupersessionChain<A> | null {
  const byId = new Map(articles.map((article) => [article.id, article]))
  const start = byId.get(startId)
  if (!start) return null
  const chain = [start]
  const seen = new Set([start.id])
  let current = start
  while (current.supersededById) {
    if (seen.has(current.supersededById)) return { chain, final: current, loops: true }
    const next = byId.get(current.supersededById)
    if (!next) break
    chain.push(next)
    seen.add(next.id)
    current = next
  }
  return { chain, final: current, loops: false }
}

/** Whether pointing `articleId` at `replacementId` would close a loop (given the replacement's chain). */
export function wouldLoop<A extends SupersessionLink>(
  articleId: string,
  replacementId: string,
  articles: readonly A[]
): boolean {
  if (articleId === replacementId) return true
  const chain = followSupersession(replacementId, articles)
  return Boolean(chain && (chain.loops || chain.chain.some((link) => link.id === articleId)))
}
