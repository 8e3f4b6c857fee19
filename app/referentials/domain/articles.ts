/** What the shop sells or uses: spare parts first, also accessories, consumables, labour. */
export const ARTICLE_KINDS = [
  'spare_part',
  'accessory',
  'consumable',
  'appliance',
  'service',
] as const
export type ArticleKind = (typeof ARTICLE_KINDS)[number]

/** Units an article is counted in (the `articles.unit` check constraint). */
export const ARTICLE_UNITS = ['piece', 'hour', 'metre', 'litre', 'kilogram', 'kit'] as const
export type ArticleUnit = (typeof ARTICLE_UNITS)[number]
