import edge, { Template } from 'edge.js'
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

/**
 * edge.js 6.5.1: `Template#compilePartial(path, ...locals)` hands the compiler `[]` when the partial
 * has no local variables, and the compiler caches only when that argument is falsy, so every
 * `@include` (admin/index.edge's saved views…) is read, parsed and compiled again on every render
 * (~8 % of a list request's CPU). Without locals a partial compiles like a component: cached.
 */
const compilePartial = Template.prototype.compilePartial
Template.prototype.compilePartial = function (templatePath: string, ...locals: string[]) {
  return locals.length
    ? compilePartial.call(this, templatePath, ...locals)
    : this.compileComponent(templatePath)
}
