/** Expected outcomes of a use case: `ok` with a value, or a failure the caller switches on. */
export type Result<T, F extends { type: string }> = { ok: true; value: T } | ({ ok: false } & F)

export const ok = <T>(value: T) => ({ ok: true, value }) as const
export const fail = <const F extends { type: string }>(failure: F) => ({
  ok: false as const,
  ...failure,
})

export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`)
}
