import { Bouncer } from '@adonisjs/bouncer'
import { can, type Permission } from '#core/domain/permissions'
import type User from '#core/adapters/lucid/user'

/** One bouncer ability per permission of the role table (`@can('permission', 'staff.manage')`). */
export const permission = Bouncer.ability((user: User, name: Permission) => can(user.role, name))
