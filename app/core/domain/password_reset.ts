import { createHash, randomBytes } from 'node:crypto'

/** Reset links carry a random token; only its SHA-256 is stored, so a leaked table opens nothing. */
export function newResetToken() {
  const token = randomBytes(32).toString('base64url')
  return { token, tokenHash: hashResetToken(token) }
}

export function hashResetToken(token: string) {
  return createHash('sha256').update(token).digest('hex')
}

export const MIN_PASSWORD_LENGTH = 10
