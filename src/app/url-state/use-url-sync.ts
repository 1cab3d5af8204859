import { useStoreApi } from '@xyflow/react';
import { useEffect } from 'react';
import { usePreferencesStore } from '../../store/preferences-react';
import { useActionContext } from '../../store/react';
import { currentLink } from './current-link';
import type { PendingView } from './pending-view';

/** A pan or a burst of typing writes the URL once, this long after it stops. */
const QUIET_MS = 300;

/**
 * Keeps the address bar's URL a link to the view on screen, replacing the history entry (a pan is
 * not a page to go back to). Reads the stores without rendering anything.
 */
export function useUrlSync(pending: PendingView): void {
  const { store } = useActionContext();
  const flow = useStoreApi();
  const preferences = usePreferencesStore();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const write = () => {
      timer = null;
      const now = new URL(window.location.href);
      const next = currentLink(now, store.getState(), preferences.getState(), flow.getState(), pending);
      if (next.href !== now.href) window.history.replaceState(window.history.state, '', next);
    };
    const later = () => {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(write, QUIET_MS);
    };
    const stopStore = store.subscribe((state, previous) => {
      if (
        state.selection !== previous.selection ||
        state.filters !== previous.filters ||
        state.at !== previous.at ||
        state.epoch !== previous.epoch
      )
        later();
    });
    const stopFlow = flow.subscribe((state, previous) => {
      if (state.transform !== previous.transform) later();
    });
    const stopPreferences = preferences.subscribe((state, previous) => {
      if (state.triage !== previous.triage) later();
    });
    return () => {
      stopStore();
      stopFlow();
      stopPreferences();
      if (timer !== null) clearTimeout(timer);
    };
  }, [store, flow, preferences, pending]);
}
