import type { Account } from '#core/application/staff_accounts'
import type { SignInContext } from '#core/application/sign_in'

/** A SignInContext that hands out session ids `session-1`, `session-2`… and records its calls in order. */
export function aSignInContext(
  overrides: Partial<Pick<SignInContext, 'ip' | 'userAgent' | 'requestId'>> = {}
) {
  const calls: string[] = []
  const opened: Account[] = []
  let counter = 0
  const context: SignInContext & { calls: string[]; opened: Account[] } = {
    ip: '198.51.100.23',
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0',
    requestId: 'req-sign-in',
    ...overrides,
    calls,
    opened,
    async openSession(account) {
      const sessionId = `session-${++counter}`
      calls.push(`openSession:${sessionId}`)
      opened.push(account)
      return sessionId
    },
    async closeSession() {
      calls.push('closeSession')
    },
  }
  return context
}
