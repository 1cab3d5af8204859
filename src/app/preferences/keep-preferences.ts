import type { PreferencesStore } from '../../store/preferences';
import type { InspectorStore } from '../../store/store';
import { type PreferenceStorage, type SavedPreferences, writeSaved } from './saved-preferences';

/** What is kept of the page's present state: see SavedPreferences. */
export function savedOf(preferences: PreferencesStore, store: InspectorStore): SavedPreferences {
  const { time, legend, triage } = preferences.getState();
  const { names, origin, strategy, text, query } = store.getState().filters;
  return {
    version: 1,
    time,
    legend,
    triage: { ...triage },
    filters: { names: [...names], origin, strategy, text, query },
  };
}

/**
 * Writes the preferences to the browser's storage whenever one of them changes, for the next
 * visit. Returns the way to stop.
 */
export function keepPreferences(
  preferences: PreferencesStore,
  store: InspectorStore,
  storage: PreferenceStorage,
): () => void {
  let last = JSON.stringify(savedOf(preferences, store));
  const write = () => {
    const saved = savedOf(preferences, store);
    const text = JSON.stringify(saved);
    // The inspector's store changes with every event batch: write only when a kept part did.
    if (text === last) return;
    last = text;
    writeSaved(storage, saved);
  };
  const stopPreferences = preferences.subscribe(write);
  const stopFilters = store.subscribe((state, previous) => {
    if (state.filters !== previous.filters) write();
  });
  return () => {
    stopPreferences();
    stopFilters();
  };
}
