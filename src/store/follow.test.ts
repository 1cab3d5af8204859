import { describe, expect, it } from 'vitest';
import { createInspectorStore } from './store';

describe('follow', () => {
  it('follows the selected interaction until something else is selected', () => {
    const store = createInspectorStore();
    store.getState().select({ kind: 'interaction', id: 'G-1' });
    store.getState().setFollowed('G-1');
    store.getState().select({ kind: 'interaction', id: 'G-1' });
    expect(store.getState().followed).toBe('G-1');
    store.getState().select({ kind: 'interaction', id: 'G-2' });
    expect(store.getState().followed).toBeNull();
  });

  it('stops on a deselection, or a session selected with the same id', () => {
    const store = createInspectorStore();
    store.getState().select({ kind: 'interaction', id: 'X' });
    store.getState().setFollowed('X');
    store.getState().select({ kind: 'session', id: 'X' });
    expect(store.getState().followed).toBeNull();
    store.getState().select({ kind: 'interaction', id: 'X' });
    store.getState().setFollowed('X');
    store.getState().select(null);
    expect(store.getState().followed).toBeNull();
  });
});
