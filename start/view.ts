import edge from 'edge.js'
import app from '@adonisjs/core/services/app'
import {
  formatAmount,
  formatDate,
  formatDateTime,
  formatNumber,
  formatPhone,
} from '#core/http/format'

/** Display helpers available in every view (French formats, Europe/Paris). */
edge.global('formatDate', formatDate)
edge.global('formatDateTime', formatDateTime)
edge.global('formatNumber', formatNumber)
edge.global('formatAmount', formatAmount)
edge.global('formatPhone', formatPhone)

/**
 * Edge re-lists the components folder before every render unless the instance was created with
 * caching on (the app's instance is configured afterwards): in production, list it once.
 */
if (app.inProduction) {
  const listComponents = edge.loader.listComponents.bind(edge.loader)
  let components: ReturnType<typeof listComponents> | null = null
  edge.loader.listComponents = () => (components ??= listComponents())
}
