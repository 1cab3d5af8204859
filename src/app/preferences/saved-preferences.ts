import { z } from 'zod';
import { ORIGINS } from '../../engine';
import { TIME_DISPLAYS } from '../../store/preferences';
import { isFilterName } from '../url-state/view-link';

/** One key for the whole of it; the version inside says which shape it has. */
export const PREFERENCES_KEY = 'ors-inspector.preferences';

/** A triage limit as kept: milliseconds, positive (z.number() refuses an infinity). */
const limit = z.number().positive('not a positive number of milliseconds');

/**
 * What the browser keeps between visits: the preferences, and the log's filters but for the ids
 * (a session's or an interaction's), which name things of one moment, not a habit. The triage
 * limits came later: a value kept before them has none, and the defaults apply.
 */
export const SavedPreferences = z.object({
  version: z.literal(1),
  time: z.enum(TIME_DISPLAYS),
  legend: z.boolean(),
  triage: z
    .object({ orphan: limit, 'ping-pong': limit, 'idle-session': limit, 'waiting-unowned': limit })
    .optional(),
  filters: z.object({
    names: z.array(z.string().refine(isFilterName, 'not an event name')),
    origin: z.union([z.enum(ORIGINS), z.literal('')]),
    strategy: z.string(),
    text: z.string(),
    query: z.string(),
  }),
});
export type SavedPreferences = z.infer<typeof SavedPreferences>;

/** The part of the browser's storage this needs (localStorage, or a stand-in under test). */
export type PreferenceStorage = Pick<Storage, 'getItem' | 'setItem'>;

/**
 * What the browser kept, or null when it kept nothing usable. A value that is not JSON, of
 * another version or of the wrong shape is ignored, and the console says why: a page must open
 * whatever an older page or a hand left there.
 */
export function readSaved(storage: PreferenceStorage): SavedPreferences | null {
  let raw: string | null;
  try {
    raw = storage.getItem(PREFERENCES_KEY);
  } catch (error) {
    console.warn(`Preferences: the browser's storage cannot be read (${String(error)}); defaults apply.`);
    return null;
  }
  if (raw === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    console.warn(`Preferences: ${PREFERENCES_KEY} is not JSON; ignored, defaults apply.`);
    return null;
  }
  const parsed = SavedPreferences.safeParse(json);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map(
    (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
  );
  // Bad limits cost only the limits: the rest is kept.
  const withoutLimits =
    typeof json === 'object' && json !== null && parsed.error.issues.every((i) => i.path[0] === 'triage')
      ? SavedPreferences.safeParse({ ...json, triage: undefined })
      : null;
  if (withoutLimits?.success === true) {
    console.warn(
      `Preferences: the triage limits in ${PREFERENCES_KEY} are not usable (${problems.join('; ')}); ignored, the default limits apply.`,
    );
    return withoutLimits.data;
  }
  console.warn(
    `Preferences: ${PREFERENCES_KEY} is not usable (${problems.join('; ')}); ignored, defaults apply.`,
  );
  return null;
}

/** Keeps them. A full or refused storage is said in the console; the page goes on. */
export function writeSaved(storage: PreferenceStorage, saved: SavedPreferences): void {
  try {
    storage.setItem(PREFERENCES_KEY, JSON.stringify(saved));
  } catch (error) {
    console.warn(`Preferences: not kept, the browser's storage refused them (${String(error)}).`);
  }
}
