import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { DateTime } from 'luxon'
import { assertNever } from '#core/domain/result'
import { decimalToInput } from '#core/domain/money'
import { notFound } from '#core/http/form_feedback'
import {
  ArchiveRegisterMonth,
  CloseRegisterPeriod,
  VerifyRegister,
} from '#trade/application/register_operations'
import { CounterQuery } from '#trade/adapters/lucid/counter_query'
import { archiveValidator, closeValidator } from '#trade/http/validators'

const actor = (ctx: HttpContext) => ({ userId: ctx.auth.user!.id, name: ctx.auth.user!.fullName })
const paris = () => DateTime.now().setZone('Europe/Paris')

/** The register's closures (Z), its monthly archives and the verification of its chain. */
export default class RegisterController {
  async closures(ctx: HttpContext) {
    await ctx.bouncer.authorize('permission', 'register.view')
    const register = await new CounterQuery(ctx.tenantDb!).register()
    return ctx.view.render('trade/register/closures', {
      ...register,
      today: paris().toISODate(),
      lastMonth: paris().minus({ months: 1 }).toFormat('yyyy-MM'),
      rateLabel: (rate: string) => `${decimalToInput(String(rate), ctx.i18n.locale)} %`,
    })
  }

  @inject()
  async close(ctx: HttpContext, close: CloseRegisterPeriod) {
    await ctx.bouncer.authorize('permission', 'register.close')
    const input = await ctx.request.validateUsing(closeValidator)
    const closed = await close.execute({
      tenantId: ctx.tenantDb!.tenantId,
      kind: input.kind,
      date: input.date,
      actor: actor(ctx),
    })
    if (closed.ok) ctx.session.flash('success', ctx.i18n.t(`register.flash.closed_${input.kind}`))
    else if (closed.type === 'already_closed' || closed.type === 'period_not_over')
      ctx.session.flash('error', ctx.i18n.t(`register.errors.${closed.type}`))
    else assertNever(closed)
    return ctx.response.redirect().toRoute('register.closures')
  }

  @inject()
  async archive(ctx: HttpContext, archive: ArchiveRegisterMonth) {
    await ctx.bouncer.authorize('permission', 'register.archive')
    const input = await ctx.request.validateUsing(archiveValidator)
    const archived = await archive.execute({
      tenantId: ctx.tenantDb!.tenantId,
      month: input.month,
      actor: actor(ctx),
    })
    if (archived.ok) {
      ctx.session.flash(
        'success',
        ctx.i18n.t('register.flash.archived', {
          month: input.month,
          records: archived.value.records,
        })
      )
    } else {
      ctx.session.flash('error', ctx.i18n.t(`register.errors.${archived.type}`))
    }
    return ctx.response.redirect().toRoute('register.closures')
  }

  /** The archive file: the month's journal records as canonical JSON (its SHA-256 is signed). */
  async archiveFile(ctx: HttpContext) {
    const archive = await readArchive(ctx)
    return ctx.response
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="register-${archive.period}.json"`)
      .send(archive.content)
  }

  async archiveManifest(ctx: HttpContext) {
    const archive = await readArchive(ctx)
    const register = await new CounterQuery(ctx.tenantDb!).register()
    return ctx.response
      .header(
        'content-disposition',
        `attachment; filename="register-${archive.period}.manifest.json"`
      )
      .json({
        file: `register-${archive.period}.json`,
        period: archive.period,
        records: archive.record_count,
        first_seq: archive.first_seq,
        last_seq: archive.last_seq,
        sha256: archive.sha256,
        signature: archive.signature,
        algorithm: 'Ed25519 over the SHA-256 hex string, base64url',
        public_key: register.publicKey,
      })
  }

  async verifyPage(ctx: HttpContext) {
    await ctx.bouncer.authorize('permission', 'register.view')
    const register = await new CounterQuery(ctx.tenantDb!).register()
    return ctx.view.render('trade/register/verify', { report: null, publicKey: register.publicKey })
  }

  @inject()
  async verify(ctx: HttpContext, verify: VerifyRegister) {
    await ctx.bouncer.authorize('permission', 'register.view')
    const report = await verify.execute({ tenantId: ctx.tenantDb!.tenantId, actor: actor(ctx) })
    const register = await new CounterQuery(ctx.tenantDb!).register()
    return ctx.view.render('trade/register/verify', { report, publicKey: register.publicKey })
  }
}

async function readArchive(ctx: HttpContext) {
  await ctx.bouncer.authorize('permission', 'register.view')
  const archive = await new CounterQuery(ctx.tenantDb!).archive(ctx.params.id)
  return archive ?? notFound(ctx)
}
