/** The lookup route of each registered resource's table, for the reference pickers pointing at it. */
const lookupUrls = new Map<string, string>()

export function registerLookup(table: string, url: string) {
  lookupUrls.set(table, url)
}

export function lookupUrlFor(table: string) {
  return lookupUrls.get(table) ?? null
}
