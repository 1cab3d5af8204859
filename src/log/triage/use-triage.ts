import { useEffect, useReducer, useState } from 'react';
import { useNow } from '../../display/use-now';
import { useActionContext, useInspector } from '../../store/react';
import type { InspectorState } from '../../store/state';
import type { Triage, TriageLimits } from '../../triage';
import { TriageFeed } from './triage-feed';

/**
 * How long the seq on screen must stay before a triage that starts over is made for it: a step
 * back costs a pass over the held events, and a held key or a dragged slider steps many times.
 */
const SETTLE_MS = 150;

/** A live engine's clock is the wall clock; a recording's stopped when it was made. */
const selectLiveClock = (state: InspectorState) =>
  state.connection.kind !== 'recording' && state.connection.status.state === 'connected';

/**
 * The page's triage, fed from the store's record as events arrive (once per store change that
 * brings new events, a new record or another seq on screen) and advanced each second on a live
 * engine while the present is on screen, so an orphan shows once its time is up even when nothing
 * else happens. With the past on screen it is the triage as of that seq (TriageFeed), made once
 * the seq has stayed SETTLE_MS when it goes back. Re-renders only when an entry changes. A change
 * of `limits` starts a new feed over the whole record.
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
      const { record, at } = store.getState();
      if (feed.sync(record, { clock: liveClock ? Date.now() : null, at })) changed();
    };
    sync();
    let { record, seq, at } = store.getState();
    // A recording's record fills in while the seq on screen stands still: its growth counts too.
    let last = record.last;
    let settling: ReturnType<typeof setTimeout> | null = null;
    const stop = store.subscribe((state) => {
      if (state.record === record && state.seq === seq && state.at === at && record.last === last) return;
      const travelled = state.record === record && state.at !== at;
      ({ record, seq, at } = state);
      last = record.last;
      // Live batches while it settles wait for it: the sync then takes them too.
      if (settling !== null && !travelled) return;
      if (settling !== null) clearTimeout(settling);
      settling = null;
      if (travelled && feed.startsOver(record, at))
        settling = setTimeout(() => {
          settling = null;
          sync();
        }, SETTLE_MS);
      else sync();
    });
    return () => {
      stop();
      if (settling !== null) clearTimeout(settling);
    };
  }, [store, feed, liveClock]);

  useEffect(() => {
    // Read from the store, not a render's: a tick must never move a past triage on.
    if (liveClock && store.getState().at === null && feed.advance(now)) changed();
  }, [store, feed, now, liveClock]);

  return feed.triage;
}
