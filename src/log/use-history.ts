import { useEffect, useState } from 'react';
import type { HistoryQuery } from '../protocol/messages';
import { fetchHistory, type HistoryResult } from '../store/actions/history';
import { useActionContext, useInspector } from '../store/react';

/**
 * What the engine's journal holds of one interaction or session (null until it answers). It is
 * asked again when the item leaves the page (its last moves are then only in the journal) and on
 * a new epoch. An answer that comes after the panel moved on is dropped, which also covers
 * React's development double run of effects.
 */
export function useHistory({ of, target }: HistoryQuery, onPage: boolean): HistoryResult | null {
  const ctx = useActionContext();
  const epoch = useInspector((s) => s.epoch);
  const [result, setResult] = useState<HistoryResult | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: onPage and epoch only say when to ask again.
  useEffect(() => {
    let current = true;
    void fetchHistory(ctx, { of, target }).then((answer) => {
      if (current) setResult(answer);
    });
    return () => {
      current = false;
    };
  }, [ctx, of, target, onPage, epoch]);
  return result;
}
