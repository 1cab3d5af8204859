import { useEffect } from 'react';
import { isEditable } from '../../log/use-shortcut';
import type { InspectorStore } from '../../store/store';
import { LIVE_KEY, STEP_BUTTONS } from './step-buttons';

/**
 * The timeline's keys on the whole page (STEP_BUTTONS, and `l` for Live), except while the user
 * types in a field or holds a modifier; the selected item's keys only while something is selected.
 */
export function useTimelineKeys(store: InspectorStore, selected: boolean): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || isEditable(e.target)) return;
      if (e.key === LIVE_KEY) {
        e.preventDefault();
        store.getState().goLive();
        return;
      }
      const button = STEP_BUTTONS.find((b) => b.key === e.key);
      if (button === undefined || (button.unit === 'selected' && !selected)) return;
      e.preventDefault();
      store.getState().step(button.unit, button.direction);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [store, selected]);
}
