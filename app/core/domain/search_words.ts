export const MIN_SEARCH_LENGTH = 2

/**
 * The words of a search, each to be found as a substring (in any order: "pompe bosch" finds
 * "Pompe de vidange Bosch"); a few at most, one-letter words dropped unless alone.
 */
export function searchWords(input: string): string[] {
  const words = input
    .trim()
    .split(/\s+/)
    .filter((word) => word.length >= MIN_SEARCH_LENGTH)
  return (words.length ? words : [input.trim()]).slice(0, 5)
}
