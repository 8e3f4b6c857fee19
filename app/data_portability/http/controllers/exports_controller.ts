import type { Writable } from 'node:stream'
import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { auditRequest } from '#core/http/request_trace'
import { ExportKind, ExportTenant } from '#data_portability/application/export_data'
import { kindParam } from '#data_portability/http/validators'

export default class ExportsController {
  /** One kind's CSV, in the import format, streamed as it is read. */
  @inject()
  async kind(ctx: HttpContext, exportKind: ExportKind) {
    await ctx.bouncer.authorize('permission', 'data.export')
    const { params } = await ctx.request.validateUsing(kindParam)
    const tenantId = ctx.tenantDb!.tenantId
    await auditRequest(ctx, { event: 'data_exported', tenantId, details: { kind: params.kind } })
    const output = download(ctx, 'text/csv; charset=utf-8', `${params.kind}-${today()}.csv`)
    await exportKind.execute({ tenantId, kind: params.kind }, output)
  }

  /** Everything of the shop as one ZIP (every kind's CSV, a README and a manifest). */
  @inject()
  async tenant(ctx: HttpContext, exportTenant: ExportTenant) {
    await ctx.bouncer.authorize('permission', 'data.export')
    const tenantDb = ctx.tenantDb!
    const tenant = await tenantDb.run((trx) => trx.from('tenants').select('name').first())
    await auditRequest(ctx, {
      event: 'data_exported',
      tenantId: tenantDb.tenantId,
      details: { kind: 'all' },
    })
    const output = download(ctx, 'application/zip', `agoserve-export-${today()}.zip`)
    await exportTenant.execute(
      { tenantId: tenantDb.tenantId, tenantName: tenant.name, now: new Date() },
      output
    )
  }
}

const today = () => new Date().toISOString().slice(0, 10)

/** The raw response, headers sent: the file is streamed straight to the socket. */
function download(ctx: HttpContext, contentType: string, fileName: string): Writable {
  const raw = ctx.response.response
  raw.writeHead(200, {
    'content-type': contentType,
    'content-disposition': `attachment; filename="${fileName}"`,
    'cache-control': 'no-store',
  })
  return raw
}
