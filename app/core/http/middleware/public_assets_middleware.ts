import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import StaticMiddleware from '@adonisjs/static/static_middleware'

/** The folders of public/ served as files; no other URL pays for a file-system lookup. */
const PUBLIC_PREFIXES = ['/css/', '/js/', '/img/', '/favicon']

@inject()
export default class PublicAssetsMiddleware {
  constructor(private files: StaticMiddleware) {}

  handle(ctx: HttpContext, next: NextFn) {
    const url = ctx.request.url()
    return PUBLIC_PREFIXES.some((prefix) => url.startsWith(prefix))
      ? this.files.handle(ctx, next)
      : next()
  }
}
