import type { EngineEvent, EventOf } from '../engine';
import type { Move } from './state';

/** An owner change as the graph animates it and the details panel lists it. */
export function moveOf(event: EventOf<'interaction.owner.changed'>): Move {
  const { interactionid, from, to, via } = event.data;
  return {
    seq: event.seq,
    time: event.time,
    g_uid: interactionid,
    from,
    to,
    via,
    origin: event.cause.origin,
    ...(event.cause.strategy === undefined ? {} : { strategy: event.cause.strategy }),
  };
}

/**
 * Every owner change of one interaction the page knows of: those of its journal (`ledger`,
 * fetched from the host) and those seen live since, each once, oldest first.
 */
export function mergeMoves(ledger: readonly EngineEvent[], live: readonly Move[], g_uid: string): Move[] {
  const bySeq = new Map<number, Move>();
  for (const event of ledger) {
    if (event.name === 'interaction.owner.changed' && event.data.interactionid === g_uid)
      bySeq.set(event.seq, moveOf(event));
  }
  for (const move of live) bySeq.set(move.seq, move);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}
