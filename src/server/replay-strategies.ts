import { z } from 'zod';
import { type CommandError, Engine, type EngineEvent } from '../engine';
import { VirtualClock } from '../scxml/clock';
import type { RealmFactory } from '../scxml/script/realm';
import type { TraceRecord } from '../scxml/trace';
import {
  type DocumentResolver,
  registerFakeServices,
  type StrategyError,
  StrategyRuntime,
} from '../strategy';

/**
 * A headless run of engine commands and strategies (`npm run replay`): one JSON line per step.
 * A line with a `verb` is an engine command, as before (a `startSession` whose `src` names a
 * document runs it; an `arrive` on a provisioned queue starts its strategy). The other lines:
 *
 *   {"provision": "sales", "src": "greet-and-route.scxml"}          arrivals on sales run it
 *   {"start": "desk.scxml", "session": "desk", "params": {"k": 1}}  a session with a document
 *   {"send": "handoff", "session": "desk", "data": {"x": 1}}          an event to its state machine
 *   {"advance": 4000}                                                virtual time, firing timers
 *
 * The clock is virtual: time moves only by `advance`, so a run prints the same every time.
 */
const name = z.string().min(1, 'must not be empty');
/** Start parameters and an event's data: key-values (the engine checks them further, E1). */
const values = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));
const scriptLine = z.union([
  z.object({ provision: name, src: name }).strict(),
  z.object({ start: name, session: name.optional(), params: values.optional() }).strict(),
  z.object({ send: name, session: name, data: values.optional() }).strict(),
  z.object({ advance: z.number().int().min(0).max(86_400_000) }).strict(),
]);

/** One output line, in the order things happened. */
export type StrategyRunLine =
  | ({ readonly type: 'event' } & EngineEvent)
  | { readonly type: 'error'; readonly line: number; readonly error: CommandError | StrategyError }
  /** An event a session's state machine received: external (ORS events, answers, timers) or internal (errors, raised). */
  | {
      readonly type: 'received';
      readonly session: string;
      readonly time: number;
      readonly name: string;
      readonly queue: 'external' | 'internal';
      readonly data?: unknown;
    }
  /** At the end, per session that ran a strategy: what it received, where it is, the final state it reached. */
  | {
      readonly type: 'session';
      readonly session: string;
      readonly strategy: string;
      readonly received: readonly string[];
      readonly activeStates: readonly string[];
      readonly final: string | null;
    };

export interface StrategyRunOptions {
  readonly realms: RealmFactory;
  readonly documents: DocumentResolver;
  /** The engine's time at the start (the clock then moves only by `advance`). */
  readonly time: number;
  /** The fake router's seed. */
  readonly seed?: number;
}

/** What the run knows of one strategy session, from its trace. */
interface Followed {
  strategy: string;
  readonly received: string[];
  activeStates: readonly string[];
  final: string | null;
  /**
   * Internal events queued (`<raise>`, error events) and not yet seen taken, in queue order. The
   * queue is first in, first out: when a microstep takes one, those queued before it were taken
   * by no transition, and are printed before it; what is left, at the macrostep's end.
   */
  readonly queued: { readonly name: string; readonly data?: unknown }[];
}

/** Runs `lines` headless; yields every line of output, the per-session summary last. */
export function* runStrategyLines(
  options: StrategyRunOptions,
  lines: Iterable<string>,
): Generator<StrategyRunLine> {
  const clock = new VirtualClock();
  const now = () => options.time + clock.now();
  const engine = new Engine({ clock: now });
  const out: StrategyRunLine[] = [];
  const sessions = new Map<string, Followed>();
  engine.subscribe((events) => {
    for (const event of events) out.push({ type: 'event', ...event });
  });
  const runtime = new StrategyRuntime({
    engine,
    clock,
    realms: options.realms,
    documents: options.documents,
    dialect: 'ors',
    register: (actions) => registerFakeServices(actions, { seed: options.seed ?? 1 }),
    onTrace: (record) => follow(record),
  });
  const received = (session: string, name: string, queue: 'external' | 'internal', data?: unknown) => {
    sessions.get(session)?.received.push(name);
    out.push({
      type: 'received',
      session,
      time: now(),
      name,
      queue,
      ...(data === undefined ? {} : { data }),
    });
  };
  const follow = (record: TraceRecord) => {
    let followed = sessions.get(record.session);
    if (followed === undefined) {
      followed = { strategy: '', received: [], activeStates: [], final: null, queued: [] };
      sessions.set(record.session, followed);
    }
    if (followed.strategy === '') followed.strategy = runtime.query(record.session)?.strategy ?? '';
    switch (record.kind) {
      case 'macrostep.start':
        if (record.event !== null) received(record.session, record.event.name, 'external', record.event.data);
        return;
      case 'action':
        if (record.action === 'raise' && record.detail !== undefined)
          followed.queued.push({ name: record.detail });
        return;
      case 'error':
        if (record.event !== undefined)
          followed.queued.push({ name: record.event, data: { message: record.message } });
        return;
      case 'microstep': {
        const event = record.event;
        if (event === null || event.type === 'external') return;
        const at = followed.queued.findIndex((queued) => queued.name === event.name);
        // An event no transition took was still received: say so (an error with what failed).
        const before = at < 0 ? [] : followed.queued.splice(0, at + 1).slice(0, -1);
        for (const untaken of before) received(record.session, untaken.name, 'internal', untaken.data);
        received(record.session, event.name, 'internal', event.data);
        return;
      }
      case 'macrostep.end':
        followed.activeStates = record.configuration;
        for (const untaken of followed.queued.splice(0))
          received(record.session, untaken.name, 'internal', untaken.data);
        return;
      case 'session.end':
        // Events still queued when the machine stopped were never taken off the queue.
        followed.queued.length = 0;
        followed.activeStates = [];
        if (record.reason === 'done') followed.final = record.final ?? null;
        return;
      default:
        return;
    }
  };

  let number = 0;
  for (const text of lines) {
    number += 1;
    if (text.trim() === '') continue;
    const error = step(text);
    yield* out.splice(0);
    if (error !== null) yield { type: 'error', line: number, error };
  }
  for (const [session, followed] of sessions) {
    const { strategy, received: taken, activeStates, final } = followed;
    yield { type: 'session', session, strategy, received: taken, activeStates, final };
  }
  runtime.stop();

  /** Runs one line; what refused it, or null. */
  function step(text: string): CommandError | StrategyError | null {
    let input: unknown;
    try {
      input = JSON.parse(text);
    } catch (error) {
      const reason = `is not valid JSON (${error instanceof Error ? error.message : String(error)})`;
      return { code: 'badcommand', field: 'line', reason };
    }
    if (typeof input === 'object' && input !== null && 'verb' in input) {
      const result = runtime.dispatch(withReplayOrigin(input));
      return result.ok ? null : result.error;
    }
    const parsed = scriptLine.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.length ? issue.path.map(String).join('.') : 'line';
      const reason =
        issue?.code === 'invalid_union'
          ? 'is neither a command (verb) nor provision, start, send or advance'
          : (issue?.message ?? 'is not valid');
      return { code: 'badcommand', field, reason };
    }
    const line = parsed.data;
    if ('provision' in line) {
      const result = runtime.provision(line.provision, line.src);
      return result.ok ? null : result.error;
    }
    if ('start' in line) {
      const session = line.session === undefined ? {} : { session: line.session };
      const result = runtime.start(line.start, line.params, session);
      return result.ok ? null : result.error;
    }
    if ('send' in line) {
      const result = runtime.send(line.session, line.send, line.data, 'replay');
      return result.ok ? null : result.error;
    }
    clock.advance(line.advance);
    return null;
  }
}

/** Commands without an `origin` are tagged `replay`. */
function withReplayOrigin(input: object): object {
  return 'origin' in input || Array.isArray(input) ? input : { ...input, origin: 'replay' };
}
