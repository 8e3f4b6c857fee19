export const MIN_SEARCH_LENGTH = 2
/** Shorter words hold no trigram, so no index can find them ("de", "06"). */
const INDEXABLE_WORD = 3

/**
 * The words of a search, each to be found as a substring (in any order: "pompe bosch" finds
 * "Pompe de vidange Bosch"); at most five. Words too short for the trigram index are dropped;
 * when none is left the text is taken without its spaces ("06 12 34" → "061234", "SN 42" → "SN42").
 */
export function searchWords(input: string): string[] {
  const words = input
    .trim()
    .split(/\s+/)
    .filter((word) => word.length >= INDEXABLE_WORD)
  return words.length ? words.slice(0, 5) : [input.replace(/\s+/g, '')]
}
