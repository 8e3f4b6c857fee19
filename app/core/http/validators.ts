import vine from '@vinejs/vine'
import { MIN_PASSWORD_LENGTH } from '#core/domain/password_reset'

const email = () => vine.string().trim().toLowerCase().email().maxLength(254)
const newPassword = () => vine.string().minLength(MIN_PASSWORD_LENGTH).maxLength(128).confirmed()

export const signInValidator = vine.create({
  email: email(),
  password: vine.string().maxLength(128),
})

export const forgotPasswordValidator = vine.create({ email: email() })

export const resetPasswordValidator = vine.create({
  token: vine.string().maxLength(200),
  password: newPassword(),
})

export const changePasswordValidator = vine.create({
  current_password: vine.string().maxLength(128),
  password: newPassword(),
})

export const localeValidator = vine.create({ locale: vine.enum(['fr', 'en']) })

export const uuidParam = vine.create({ params: vine.object({ id: vine.string().uuid() }) })
