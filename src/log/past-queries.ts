import { z } from 'zod';
import { PAST_QUERIES } from '../query';

/** Where the browser keeps the log's past queries, newest first. */
export const PAST_QUERIES_KEY = 'ors-inspector.past-queries';

const Saved = z.array(z.string()).max(PAST_QUERIES);

/** The part of the browser's storage this needs (localStorage, or a stand-in under test). */
export type QueryStorage = Pick<Storage, 'getItem' | 'setItem'>;

/**
 * The past queries the browser kept, or none when what it kept is unusable (not JSON, not a list
 * of at most PAST_QUERIES strings, or storage refused): the console says which, the page goes on.
 */
export function readPastQueries(storage: QueryStorage): string[] {
  try {
    const raw = storage.getItem(PAST_QUERIES_KEY);
    if (raw === null) return [];
    const parsed = Saved.safeParse(JSON.parse(raw));
    if (parsed.success) return parsed.data;
    console.warn(`Past queries: ${PAST_QUERIES_KEY} is not a list of queries; ignored.`);
  } catch (error) {
    console.warn(`Past queries: ${PAST_QUERIES_KEY} cannot be read (${String(error)}); ignored.`);
  }
  return [];
}

/** Keeps them; a full or refused storage is said in the console. */
export function writePastQueries(storage: QueryStorage, queries: readonly string[]): void {
  try {
    storage.setItem(PAST_QUERIES_KEY, JSON.stringify(queries));
  } catch (error) {
    console.warn(`Past queries: not kept, the browser's storage refused them (${String(error)}).`);
  }
}
