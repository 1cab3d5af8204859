import { useEffect, useMemo, useState } from 'react';
import type { EngineEvent } from '../../engine';
import { fetchHistory } from '../../store/actions/history';
import { mergeMoves } from '../../store/moves';
import { useActionContext, useInspector } from '../../store/react';
import { selectAt, selectEpoch } from '../../store/selectors';
import type { InspectorState, Move } from '../../store/state';
import { selectLineage } from './select-lineage';

/** The selected interaction, if an interaction is selected. */
const selectInteraction = (state: InspectorState): string | null =>
  state.selection?.kind === 'interaction' ? state.selection.id : null;

/**
 * Whether the page's record starts after the epoch did (a page opened late, a resync's gap, the
 * oldest events let go): only then may the journal hold moves the page never saw.
 */
const selectRecordLate = (state: InspectorState): boolean => state.record.first > 0;

/** The journal's answer for one interaction of one epoch: its events, owner changes among them. */
interface Ledger {
  readonly g_uid: string;
  readonly epoch: string | null;
  readonly events: readonly EngineEvent[];
}

/**
 * The selected interaction's moves to draw, oldest first: those the page saw (the store's
 * history, at the seq on screen), and when the page's record starts late, those the engine's
 * journal holds from before it, asked once per selection and epoch (as the details panel asks
 * it). In the past, journal moves after the seq on screen are left out: they have not happened.
 * Until the journal answers, or when it refuses, the page's own moves.
 */
export function useLineage(): readonly Move[] {
  const ctx = useActionContext();
  const seen = useInspector(selectLineage);
  const g_uid = useInspector(selectInteraction);
  const late = useInspector(selectRecordLate);
  const epoch = useInspector(selectEpoch);
  const at = useInspector(selectAt);
  const [ledger, setLedger] = useState<Ledger | null>(null);

  useEffect(() => {
    if (g_uid === null || !late) return;
    let current = true;
    void fetchHistory(ctx, { of: 'interaction', target: g_uid }).then((answer) => {
      // An answer for a selection the user has left, or twice in React's development mode: dropped.
      if (current && answer.ok) setLedger({ g_uid, epoch, events: answer.history.events });
    });
    return () => {
      current = false;
    };
  }, [ctx, g_uid, late, epoch]);

  return useMemo(() => {
    if (g_uid === null || ledger?.g_uid !== g_uid || ledger.epoch !== epoch || !late) return seen;
    const moves = mergeMoves(ledger.events, seen, g_uid);
    return at === null ? moves : moves.filter((move) => move.seq <= at);
  }, [seen, g_uid, ledger, late, at, epoch]);
}
