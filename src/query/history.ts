/** How many past queries are kept. */
export const PAST_QUERIES = 20;

/**
 * The past queries once `query` was used: it comes first, an earlier use of the same text is
 * dropped, and only the newest PAST_QUERIES are kept. Blank queries are not remembered.
 */
export function rememberQuery(past: readonly string[], query: string): string[] {
  const text = query.trim();
  if (text === '') return [...past];
  return [text, ...past.filter((q) => q !== text)].slice(0, PAST_QUERIES);
}
