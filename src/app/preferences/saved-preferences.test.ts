import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPreferencesStore } from '../../store/preferences';
import { createInspectorStore } from '../../store/store';
import { triageLimits } from '../../triage';
import { keepPreferences } from './keep-preferences';
import {
  PREFERENCES_KEY,
  type PreferenceStorage,
  readSaved,
  type SavedPreferences,
} from './saved-preferences';

/** A browser's storage in memory. */
function memoryStorage(
  initial: Record<string, string> = {},
): PreferenceStorage & { items: Map<string, string> } {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
  };
}

const SAVED: SavedPreferences = {
  version: 1,
  time: 'utc',
  legend: true,
  triage: { orphan: 5_000, 'ping-pong': 30_000, 'idle-session': 120_000, 'waiting-unowned': 30_000 },
  filters: { names: ['interaction.owner.changed'], origin: 'drag', strategy: '', text: 'queue', query: '' },
};

afterEach(() => vi.restoreAllMocks());

describe('saved preferences', () => {
  it('reads back what was kept', () => {
    const storage = memoryStorage({ [PREFERENCES_KEY]: JSON.stringify(SAVED) });
    expect(readSaved(storage)).toEqual(SAVED);
  });

  it('reads a value kept before the triage limits were, without them', () => {
    const { triage: _, ...older } = SAVED;
    const storage = memoryStorage({ [PREFERENCES_KEY]: JSON.stringify(older) });
    expect(readSaved(storage)).toEqual(older);
  });

  it.each([
    ['not positive', { ...SAVED.triage, orphan: 0 }, /triage\.orphan: not a positive number of milliseconds/],
    ['not a number', { ...SAVED.triage, 'ping-pong': '30' }, /triage\.ping-pong/],
    ['missing a kind', { orphan: 5_000 }, /triage\.idle-session/],
  ])(
    'refuses triage limits %s, says why, and keeps the rest with the default limits',
    (_what, triage, why) => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      const storage = memoryStorage({ [PREFERENCES_KEY]: JSON.stringify({ ...SAVED, triage }) });
      const { triage: _, ...rest } = SAVED;
      expect(readSaved(storage)).toEqual(rest);
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(why));
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/the default limits apply/));
    },
  );

  it('reads nothing from a browser that kept nothing, and says nothing', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(readSaved(memoryStorage())).toBeNull();
    expect(warn).not.toHaveBeenCalled();
  });

  it.each([
    ['not JSON', '{"version":1,', /is not JSON/],
    ['another version', JSON.stringify({ ...SAVED, version: 2 }), /version/],
    ['an unknown time display', JSON.stringify({ ...SAVED, time: 'martian' }), /time/],
    [
      'an unknown event name',
      JSON.stringify({ ...SAVED, filters: { ...SAVED.filters, names: ['bogus'] } }),
      /filters\.names\.0: not an event name/,
    ],
  ])('ignores a value that is %s, and says why in the console', (_what, raw, why) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(readSaved(memoryStorage({ [PREFERENCES_KEY]: raw }))).toBeNull();
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(why));
  });

  it('survives a storage that refuses to be read', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const storage: PreferenceStorage = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {},
    };
    expect(readSaved(storage)).toBeNull();
    expect(warn).toHaveBeenCalledOnce();
  });
});

describe('keepPreferences', () => {
  it('keeps a changed preference or filter, and not the ids the selection set', () => {
    const storage = memoryStorage();
    const preferences = createPreferencesStore();
    const store = createInspectorStore();
    const stop = keepPreferences(preferences, store, storage);
    preferences.getState().setTime('relative');
    preferences.getState().setTriage(triageLimits({ orphan: 2_000 }));
    store.getState().setFilters({ origin: 'api', session: 'S-00001' });
    expect(readSaved(storage)).toEqual({
      version: 1,
      time: 'relative',
      legend: false,
      triage: triageLimits({ orphan: 2_000 }),
      filters: { names: [], origin: 'api', strategy: '', text: '', query: '' },
    });
    stop();
    preferences.getState().setTime('utc');
    expect(readSaved(storage)?.time).toBe('relative');
  });

  it('writes nothing when no kept part changed (an event batch, a selection id)', () => {
    const storage = memoryStorage();
    const setItem = vi.spyOn(storage, 'setItem');
    const store = createInspectorStore();
    keepPreferences(createPreferencesStore(), store, storage);
    store.getState().setFilters({ interaction: '0000000000ABCDEF' });
    store.getState().select({ kind: 'session', id: 'S-00001' });
    expect(setItem).not.toHaveBeenCalled();
  });

  it('goes on when the storage refuses to keep them', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const storage: PreferenceStorage = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    const preferences = createPreferencesStore();
    keepPreferences(preferences, createInspectorStore(), storage);
    expect(() => preferences.getState().setLegend(true)).not.toThrow();
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/refused/));
  });
});
