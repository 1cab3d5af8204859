import { useSyncExternalStore } from 'react';
import { useInspector } from '../store/react';
import type { InspectorState } from '../store/state';

/**
 * The wall clock, ticking once a second, shared by everything that shows an age (the graph's
 * session nodes, the details panel): one interval for the page, and only what is mounted
 * re-renders. While the page is not connected it stands still: an age that kept growing would
 * claim news the page cannot have.
 */
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;
let now = Date.now();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === null) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const notify of listeners) notify();
    }, 1000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };
}

/** Stopped: nothing ticks, and `now` keeps the last second shown. */
const standStill = () => () => {};
const snapshot = () => now;
const selectConnected = (state: InspectorState) => state.connection.status.state === 'connected';

/** The shared clock; `ticking` false reads it without re-rendering each second. */
export function useNow(ticking = true): number {
  const connected = useInspector(selectConnected);
  return useSyncExternalStore(connected && ticking ? subscribe : standStill, snapshot);
}
