import { createContext, type ReactNode, useContext } from 'react';
import { useStore } from 'zustand';
import {
  createPreferencesStore,
  type PreferenceActions,
  type Preferences,
  type PreferencesStore,
} from './preferences';

/**
 * The preferences' React binding. Without a provider (a component under test) the defaults
 * apply, in a store of their own that nothing persists.
 */
const PreferencesContext = createContext<PreferencesStore>(createPreferencesStore());

export function PreferencesProvider({ value, children }: { value: PreferencesStore; children: ReactNode }) {
  return <PreferencesContext.Provider value={value}>{children}</PreferencesContext.Provider>;
}

/** The store itself, for what reads it outside rendering (the URL kept in step with the view). */
export function usePreferencesStore(): PreferencesStore {
  return useContext(PreferencesContext);
}

export function usePreference<T>(selector: (preferences: Preferences & PreferenceActions) => T): T {
  return useStore(useContext(PreferencesContext), selector);
}
