import type { EngineEvent } from '../engine';
import type { ChartState, TraceEntry } from '../protocol/messages';
import { keyData } from './format';

/** One line of a strategy session's timeline: an ORS event it received, or a step of its trace. */
export interface TimelineLine {
  readonly key: string;
  readonly seq: number;
  readonly kind: 'ors' | TraceEntry['kind'];
  readonly text: string;
  readonly line?: number;
}

/** The newest lines shown: a busy session's whole ledger is not drawn. */
export const TIMELINE_LINES = 300;

/**
 * The trace interleaved with the events addressed to the session, by journal seq: a trace entry
 * made at seq N comes after event N (the event it took, or the one before what it did) and before
 * N + 1. Oldest first, the newest TIMELINE_LINES.
 */
export function timeline(
  session: string,
  events: readonly EngineEvent[],
  trace: readonly TraceEntry[],
): TimelineLine[] {
  const lines: TimelineLine[] = [];
  for (const event of events) {
    if (event.session !== session) continue;
    const data = keyData(event);
    lines.push({
      key: `e${event.seq}`,
      seq: event.seq,
      kind: 'ors',
      text: data === '' ? event.name : `${event.name} · ${data}`,
    });
  }
  trace.forEach((entry, i) => {
    lines.push({
      key: `t${i}`,
      seq: entry.seq,
      kind: entry.kind,
      text: entry.text,
      ...(entry.line === undefined ? {} : { line: entry.line }),
    });
  });
  // Stable: at one seq the event stays before the trace, and each keeps its own order.
  lines.sort((a, b) => a.seq - b.seq || rank(a) - rank(b));
  return lines.slice(-TIMELINE_LINES);
}

const rank = (line: TimelineLine) => (line.kind === 'ors' ? 0 : 1);

/** The states to mark in a statechart: the active atomic ones and every state that holds one. */
export function activeTree(chart: ChartState, active: readonly string[]): Set<string> {
  const marked = new Set<string>();
  const visit = (state: ChartState): boolean => {
    let holds = active.includes(state.id);
    for (const child of state.children) holds = visit(child) || holds;
    if (holds) marked.add(state.id);
    return holds;
  };
  visit(chart);
  return marked;
}
