import { useEffect, useReducer, useState } from 'react';
import { useNow } from '../../display/use-now';
import { useActionContext, useInspector } from '../../store/react';
import type { InspectorState } from '../../store/state';
import type { Triage, TriageLimits } from '../../triage';
import { TriageFeed } from './triage-feed';

/** A live engine's clock is the wall clock; a recording's stopped when it was made. */
const selectLiveClock = (state: InspectorState) =>
  state.connection.kind !== 'recording' && state.connection.status.state === 'connected';

/**
 * The page's triage, fed from the store's record as events arrive (once per store change that
 * brings new events or a new record) and advanced each second on a live engine, so an orphan
 * shows once its time is up even when nothing else happens. Re-renders only when an entry changes.
 * A change of `limits` starts a new feed over the whole record.
 */
export function useTriage(limits: TriageLimits): Triage {
  const { store } = useActionContext();
  const [feed, setFeed] = useState(() => new TriageFeed(limits));
  const [, changed] = useReducer((n: number) => n + 1, 0);
  const liveClock = useInspector(selectLiveClock);
  const now = useNow();

  if (feed.triage.limits !== limits) setFeed(new TriageFeed(limits));

  useEffect(() => {
    const sync = () => {
      if (feed.sync(store.getState().record, liveClock ? Date.now() : null)) changed();
    };
    sync();
    let record = store.getState().record;
    let seq = store.getState().seq;
    return store.subscribe((state) => {
      if (state.record === record && state.seq === seq) return;
      record = state.record;
      seq = state.seq;
      sync();
    });
  }, [store, feed, liveClock]);

  useEffect(() => {
    if (liveClock && feed.advance(now)) changed();
  }, [feed, now, liveClock]);

  return feed.triage;
}
