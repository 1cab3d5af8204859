import { createStore, type StoreApi } from 'zustand/vanilla';
import { DEFAULT_LIMITS, type TriageLimits } from '../triage';

/** How the page shows a moment: the browser's local clock, UTC, or how long ago it was. */
export const TIME_DISPLAYS = ['local', 'utc', 'relative'] as const;
export type TimeDisplay = (typeof TIME_DISPLAYS)[number];

/**
 * What a user sets once and expects to find again (kept per browser by app/preferences): not the
 * view of the moment, which a link holds. The log's filters live in the inspector's store, as
 * the log reads them; they are kept with these.
 */
export interface Preferences {
  readonly time: TimeDisplay;
  /** The graph's legend is open. */
  readonly legend: boolean;
  /** How long each triage detector waits before it calls something an anomaly (a link holds them too). */
  readonly triage: TriageLimits;
}

export const DEFAULT_PREFERENCES: Preferences = { time: 'local', legend: false, triage: DEFAULT_LIMITS };

export interface PreferenceActions {
  setTime(time: TimeDisplay): void;
  setLegend(open: boolean): void;
  setTriage(limits: TriageLimits): void;
}

export type PreferencesStore = StoreApi<Preferences & PreferenceActions>;

/** A store of its own, apart from the engine's state: a reset or a new epoch leaves it alone. */
export function createPreferencesStore(initial: Preferences = DEFAULT_PREFERENCES): PreferencesStore {
  return createStore<Preferences & PreferenceActions>()((set) => ({
    ...initial,
    setTime: (time) => set({ time }),
    setLegend: (legend) => set({ legend }),
    setTriage: (triage) => set({ triage }),
  }));
}
