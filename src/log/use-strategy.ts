import { useEffect, useRef, useState } from 'react';
import type { EngineEvent } from '../engine';
import { fetchHistory } from '../store/actions/history';
import { fetchStrategy, type InspectionResult } from '../store/actions/strategy';
import { useActionContext, useInspector } from '../store/react';

/** At most this often the selected session's strategy is asked again while its states change. */
const REFRESH_MS = 300;

export interface StrategyView {
  readonly inspection: InspectionResult;
  /** The events the journal holds of the session: the ORS events its trace is interleaved with. */
  readonly events: readonly EngineEvent[];
}

/**
 * The selected session's strategy (when the host labels it as running one), fetched for this one
 * session only: at once, then again when its label (its active states) changes, at most every
 * REFRESH_MS. Only the newest answer is kept, so a slow one never replaces a newer one; React's
 * development double run of the effect only reschedules the timer.
 */
export function useStrategy(session: string): StrategyView | null {
  const ctx = useActionContext();
  const label = useInspector((s) => s.strategies.get(session));
  const epoch = useInspector((s) => s.epoch);
  const runs = label !== undefined;
  const [view, setView] = useState<StrategyView | null>(null);
  const asked = useRef({ count: 0, at: 0 });
  // biome-ignore lint/correctness/useExhaustiveDependencies: label and epoch only say when to ask again.
  useEffect(() => {
    if (!runs) return;
    const wait = Math.max(0, asked.current.at + REFRESH_MS - Date.now());
    const timer = setTimeout(() => {
      const ask = ++asked.current.count;
      asked.current.at = Date.now();
      void Promise.all([
        fetchStrategy(ctx, session),
        fetchHistory(ctx, { of: 'session', target: session }),
      ]).then(([inspection, history]) => {
        if (ask === asked.current.count)
          setView({ inspection, events: history.ok ? history.history.events : [] });
      });
    }, wait);
    return () => clearTimeout(timer);
  }, [ctx, session, runs, label, epoch]);
  return view;
}
