import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { urlFor } from '@adonisjs/core/services/url_builder'
import {
  ChangePassword,
  RequestPasswordReset,
  ResetPassword,
  PasswordResetTokens,
} from '#core/application/password_resets'
import { hashResetToken } from '#core/domain/password_reset'
import {
  changePasswordValidator,
  forgotPasswordValidator,
  resetPasswordValidator,
} from '#core/http/validators'
import { requestTrace } from '#core/http/request_trace'
import { appUrl } from '#config/app'
import settings from '#config/agoserve'

export default class PasswordsController {
  forgot({ view }: HttpContext) {
    return view.render('pages/auth/forgot_password')
  }

  @inject()
  async sendResetLink(ctx: HttpContext, requestReset: RequestPasswordReset) {
    const { email } = await ctx.request.validateUsing(forgotPasswordValidator)
    await requestReset.execute(
      {
        email,
        validMinutes: settings.passwordResetMinutes,
        linkFor: (token) => appUrl + urlFor('password.reset', { token }),
      },
      requestTrace(ctx)
    )
    ctx.session.flash('success', ctx.i18n.t('auth.flash.reset_sent'))
    return ctx.response.redirect().toRoute('session.create')
  }

  @inject()
  async reset({ view, params, session, i18n, response }: HttpContext, tokens: PasswordResetTokens) {
    if (!(await tokens.isUsable(hashResetToken(String(params.token))))) {
      session.flash('error', i18n.t('auth.flash.reset_invalid'))
      return response.redirect().toRoute('password.forgot')
    }
    return view.render('pages/auth/reset_password', { token: params.token })
  }

  @inject()
  async storeReset(ctx: HttpContext, resetPassword: ResetPassword) {
    const { token, password } = await ctx.request.validateUsing(resetPasswordValidator)
    const result = await resetPassword.execute({ token, password }, requestTrace(ctx))
    if (!result.ok) {
      ctx.session.flash('error', ctx.i18n.t('auth.flash.reset_invalid'))
      return ctx.response.redirect().toRoute('password.forgot')
    }
    ctx.session.flash('success', ctx.i18n.t('auth.flash.reset_done'))
    return ctx.response.redirect().toRoute('session.create')
  }

  edit({ view }: HttpContext) {
    return view.render('pages/auth/change_password')
  }

  @inject()
  async update(ctx: HttpContext, changePassword: ChangePassword) {
    const input = await ctx.request.validateUsing(changePasswordValidator)
    const result = await changePassword.execute(
      {
        account: ctx.auth.user!,
        currentPassword: input.current_password,
        newPassword: input.password,
      },
      requestTrace(ctx)
    )
    if (!result.ok) {
      ctx.session.flashExcept(['current_password', 'password', 'password_confirmation'])
      ctx.session.flash('inputErrorsBag', {
        current_password: [ctx.i18n.t('auth.errors.wrong_current_password')],
      })
      return ctx.response.redirect().back()
    }
    ctx.session.flash('success', ctx.i18n.t('auth.flash.password_changed'))
    return ctx.response.redirect('/')
  }
}
