import hash from '@adonisjs/core/services/hash'
import app from '@adonisjs/core/services/app'
import { appUrl } from '#config/app'
import settings from '#config/agoserve'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { TENANT_ROLES } from '#core/domain/roles'
import type { AuditEvent } from '#core/application/audit_log'
import { RequestPasswordReset } from '#core/application/password_resets'
import { defineResource, FieldErrors, type ResourceContext, type Row } from '#core/admin/resource'
import { datetime, email, password, select, tel, text } from '#core/admin/fields'
import { auditRequest, requestTrace } from '#core/http/request_trace'
import { createStaffValidator, updateStaffValidator } from '#core/http/resources/staff_validators'

function audit(event: AuditEvent, rows: Row[], { ctx, trx }: ResourceContext, details = {}) {
  return Promise.all(
    rows.map((row) =>
      auditRequest(
        ctx,
        { event, tenantId: row.tenant_id, details: { staffId: row.id, ...details } },
        trx
      )
    )
  )
}

/** Refuses a change that would leave the shop without an active manager. */
async function keepOneManager({ trx }: ResourceContext, leaving: string[], message: string) {
  const others = await trx
    .from('users')
    .where('role', 'manager')
    .whereNull('archived_at')
    .whereNotIn('id', leaving)
    .count('* as count')
  if (Number(others[0].count) === 0) throw new FieldErrors({ role: message })
}

/** The shop's staff, managed by its managers. */
export const staffResource = defineResource({
  name: 'staff',
  path: '/staff',
  table: 'users',
  scope: 'tenant',
  titleColumn: 'full_name',
  fields: [
    text('full_name', { required: true, list: true, sortable: true, autocomplete: 'name' }),
    email('email', { required: true, list: true, sortable: true, autocomplete: 'email' }),
    select('role', {
      required: true,
      list: true,
      sortable: true,
      filter: true,
      options: TENANT_ROLES,
      optionLabels: 'roles',
      tones: {
        manager: 'info',
        receptionist: 'neutral',
        technician: 'success',
        accountant: 'warning',
      },
      default: 'receptionist',
    }),
    tel('phone', { list: true, autocomplete: 'tel', inputmode: 'tel' }),
    select('locale', {
      required: true,
      options: ['fr', 'en'],
      optionLabels: 'ui.languages',
      default: 'fr',
    }),
    password('password', { required: true, help: 'staff.password_help' }),
    datetime('last_login_at', { list: true, sortable: true }),
    datetime('created_at', { sortable: true }),
  ],
  search: { column: 'search_document' },
  defaultSort: { column: 'full_name', direction: 'asc' },
  validators: { create: createStaffValidator, update: updateStaffValidator },
  policy: {
    view: 'staff.view',
    manage: 'staff.manage',
    canArchive: (row, ctx) => row.id !== ctx.auth.user!.id,
  },
  uniqueConstraints: { users_email_unique: 'email' },

  async beforeSave(values, mode, context) {
    const { password: plain, ...rest } = values
    const isSelf = context.row?.id === context.ctx.auth.user!.id
    if (mode === 'update' && context.row?.role === 'manager' && rest.role !== 'manager') {
      if (isSelf) throw new FieldErrors({ role: context.ctx.i18n.t('staff.errors.own_role') })
      await keepOneManager(
        context,
        [context.row.id],
        context.ctx.i18n.t('staff.errors.last_manager')
      )
    }
    return mode === 'create' ? { ...rest, password: await hash.make(plain) } : rest
  },

  async afterSave(row, mode, context) {
    await audit(mode === 'create' ? 'staff_created' : 'staff_updated', [row], context, {
      role: row.role,
    })
  },

  async afterArchive(rows, archived, context) {
    if (archived) {
      await keepOneManager(context, [], context.ctx.i18n.t('staff.errors.last_manager'))
      await audit('staff_archived', rows, context)
    } else {
      await audit('staff_updated', rows, context, { restored: true })
    }
  },

  rowActions: [
    {
      name: 'send_reset_link',
      label: 'staff.actions.send_reset_link',
      confirm: 'staff.actions.send_reset_link_confirm',
      permission: 'staff.manage',
      async run(rows, { ctx }) {
        const requestReset = await app.container.make(RequestPasswordReset)
        for (const row of rows) {
          await requestReset.execute(
            {
              email: row.email,
              validMinutes: settings.passwordResetMinutes,
              linkFor: (token) => appUrl + urlFor('password.reset', { token }),
            },
            requestTrace(ctx)
          )
        }
        return 'staff.flash.reset_link_sent'
      },
    },
  ],
})
