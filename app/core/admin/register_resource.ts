import router from '@adonisjs/core/services/router'
import type { MiddlewareFn, ParsedNamedMiddleware } from '@adonisjs/core/types/http'
import { ResourceController } from '#core/admin/resource_controller'
import type { ResourceDefinition } from '#core/admin/resource'
import { registerLookup } from '#core/admin/lookups'
import { registerSavedViewRoutes } from '#core/admin/saved_views'

/**
 * Declares a resource's routes, named `<name>.<action>`. The handlers are closures over one
 * generic controller: a resource is data, not a controller class of its own.
 */
export function registerResource(
  definition: ResourceDefinition,
  middleware: Array<MiddlewareFn | ParsedNamedMiddleware>
) {
  const controller = new ResourceController(definition)
  registerLookup(definition.table, `${definition.path}/lookup`)
  const own = new Set(definition.ownPages ?? [])
  router
    .group(() => {
      router.get('/', (ctx) => controller.index(ctx)).as('index')
      router.get('/export.csv', (ctx) => controller.exportCsv(ctx)).as('export')
      router.get('/lookup', (ctx) => controller.lookup(ctx)).as('lookup')
      if (!own.has('create')) {
        router.get('/new', (ctx) => controller.create(ctx)).as('create')
        router.post('/', (ctx) => controller.store(ctx)).as('store')
      }
      router.post('/bulk', (ctx) => controller.bulk(ctx)).as('bulk')
      if (!own.has('show')) router.get('/:id', (ctx) => controller.show(ctx)).as('show')
      if (!own.has('edit')) {
        router.get('/:id/edit', (ctx) => controller.edit(ctx)).as('edit')
        router.put('/:id', (ctx) => controller.update(ctx)).as('update')
      }
      router.get('/:id/archive', (ctx) => controller.confirmArchive(ctx)).as('confirmArchive')
      router.post('/:id/archive', (ctx) => controller.archive(ctx)).as('archive')
      router.post('/:id/restore', (ctx) => controller.restore(ctx)).as('restore')
      router.post('/:id/actions/:action', (ctx) => controller.action(ctx)).as('action')
    })
    .prefix(definition.path)
    .as(definition.name)
    .where('id', router.matchers.uuid())
    .use(middleware)
  registerSavedViewRoutes(definition, middleware)
}
