import type { ScxmlDocument, StateNode } from '../scxml/model';
import type { TraceRecord } from '../scxml/trace';
import { elementName, type StrategyRuntime } from '../strategy';
import {
  type ChartState,
  type DatamodelValue,
  type StrategyInspection,
  type StrategyLabel,
  TRACE_KEPT,
  type TraceEntry,
} from './messages';

/** Ended strategy sessions whose trace is kept (a failed one is what an operator opens). */
export const ENDED_KEPT = 500;

interface Watched {
  readonly strategy: string;
  readonly src: string;
  readonly document: ScxmlDocument;
  states: readonly string[];
  running: boolean;
  /** Ring of the newest records, each with the journal's seq when it happened. */
  readonly trace: { readonly seq: number; readonly record: TraceRecord }[];
  dropped: boolean;
}

/**
 * What the host keeps of its strategy sessions for the page: each one's trace (bounded) and its
 * active states. The trace is kept as the interpreter's records and turned into wire entries only
 * when a client asks for that one session; labels go out once per flush, only for the sessions
 * whose states changed, so nothing is sent per step per session.
 */
export class StrategyWatch {
  private readonly sessions = new Map<string, Watched>();
  private readonly changed = new Set<string>();
  private readonly ended: string[] = [];

  constructor(
    /** The journal's seq now: where a record falls among the ORS events. */
    private readonly seq: () => number,
  ) {}

  /** A trace record of `runtime`'s (invoked sessions included: they are strategy sessions too, X10). */
  record(record: TraceRecord, runtime: StrategyRuntime): void {
    const watched = this.sessions.get(record.session) ?? this.begin(record.session, runtime);
    if (watched === undefined) return;
    if (watched.trace.length >= TRACE_KEPT) {
      watched.trace.shift();
      watched.dropped = true;
    }
    watched.trace.push({ seq: this.seq(), record });
    if (record.kind === 'macrostep.end') {
      watched.states = record.configuration;
      this.changed.add(record.session);
    } else if (record.kind === 'session.end') {
      watched.running = false;
      this.changed.add(record.session);
      this.forgetOldest(record.session);
    }
  }

  /** Labels of the sessions whose states changed since the last call; an ended one has no states. */
  takeChanged(): StrategyLabel[] {
    const labels: StrategyLabel[] = [];
    for (const session of this.changed) {
      const watched = this.sessions.get(session);
      if (watched !== undefined) labels.push(label(session, watched));
    }
    this.changed.clear();
    return labels;
  }

  /** Labels of every running strategy session: what a client that just synced needs. */
  labels(): StrategyLabel[] {
    const labels: StrategyLabel[] = [];
    for (const [session, watched] of this.sessions) if (watched.running) labels.push(label(session, watched));
    return labels;
  }

  /** One session's strategy, statechart, datamodel and trace; null when it never ran one (or is forgotten). */
  inspect(session: string, runtime: StrategyRuntime): StrategyInspection | null {
    const watched = this.sessions.get(session);
    if (watched === undefined) return null;
    const datamodel = watched.running ? runtime.datamodel(session) : null;
    return {
      session,
      strategy: watched.strategy,
      src: watched.src,
      running: watched.running,
      activeStates: watched.states,
      chart: chartOf(watched.document.root),
      datamodel: datamodel === null ? null : jsonValues(datamodel),
      trace: watched.trace.flatMap(({ seq, record }) => entries(seq, record)),
      complete: !watched.dropped,
    };
  }

  private begin(session: string, runtime: StrategyRuntime): Watched | undefined {
    const info = runtime.query(session);
    const document = runtime.document(session);
    if (info === null || document === null) return undefined;
    const watched: Watched = {
      strategy: info.strategy,
      src: info.src,
      document,
      states: [],
      running: true,
      trace: [],
      dropped: false,
    };
    this.sessions.set(session, watched);
    return watched;
  }

  private forgetOldest(session: string): void {
    this.ended.push(session);
    while (this.ended.length > ENDED_KEPT) {
      const oldest = this.ended.shift();
      if (oldest !== undefined) this.sessions.delete(oldest);
    }
  }
}

function label(session: string, watched: Watched): StrategyLabel {
  return { session, strategy: watched.strategy, states: watched.running ? watched.states : [] };
}

function chartOf(state: StateNode): ChartState {
  return { id: state.id, kind: state.kind, children: state.children.map(chartOf) };
}

/** Datamodel values as JSON holds them: `undefined` (declared, never set) reads as null. */
function jsonValues(values: Readonly<Record<string, unknown>>): Record<string, DatamodelValue> {
  return JSON.parse(JSON.stringify(values, (_key, value: unknown) => (value === undefined ? null : value)));
}

/** A trace record as the page lists it; the end of a macrostep is in the labels, not listed. */
function entries(seq: number, record: TraceRecord): TraceEntry[] {
  switch (record.kind) {
    case 'macrostep.start':
      return [{ seq, kind: 'event', text: record.event === null ? '(start)' : record.event.name }];
    case 'microstep':
      if (record.transitions.length === 0)
        return [{ seq, kind: 'transition', text: `entered ${record.entered.join(', ')}` }];
      return record.transitions.map((t) => ({
        seq,
        kind: 'transition',
        text: `${t.source} → ${t.targets.length === 0 ? '(targetless)' : t.targets.join(', ')}${
          t.event.length === 0 ? '' : ` on ${t.event.join(' ')}`
        }`,
      }));
    case 'action': {
      const name = elementName(record.action);
      return [
        {
          seq,
          kind: 'action',
          text: record.detail === undefined ? name : `${name}: ${record.detail}`,
          line: record.position.line,
        },
      ];
    }
    case 'error':
    case 'warning': {
      const name = record.kind === 'error' ? (record.event ?? record.error) : record.event;
      const line = record.position?.line;
      return [
        {
          seq,
          kind: record.kind,
          text: `${name}: ${record.message}`,
          ...(line === undefined ? {} : { line }),
        },
      ];
    }
    case 'session.end':
      return [{ seq, kind: 'end', text: `ended: ${record.reason}` }];
    case 'macrostep.end':
      return [];
  }
}
