import { Engine, type EngineEvent } from '../engine';
import { VirtualClock } from '../scxml/clock';
import type { StrategyError } from './result';
import type { StrategyRuntime } from './runtime';
import { type StrategySetup, strategyRuntime } from './setup';

/** Where a replay parted from the journal: the first seq whose event differs (null: missing). */
export interface ReplayMismatch {
  readonly seq: number;
  readonly expected: EngineEvent | null;
  readonly actual: EngineEvent | null;
}

export type ReplayResult =
  | {
      readonly ok: true;
      readonly engine: Engine;
      readonly runtime: StrategyRuntime;
      /** Where the replay parted from the journal, or null when it made every event the same. */
      readonly mismatch: ReplayMismatch | null;
    }
  | { readonly ok: false; readonly error: StrategyError };

/**
 * E2 with strategies: rebuilds a run from its journal on a virtual clock. What the strategies did
 * not make (arrivals, starts, commands from outside) is taken from the journal as it is; what they
 * made is made again, by the same documents reacting to the same events at the same times, and
 * must come out the same. Time moves to each outside command's time before it is fed, so timers
 * (`<send delay>`) fire where they did; events sent from outside are journaled (`session.event`)
 * and fed like the rest. Meant for runs on a virtual clock (tests, `npm run replay`).
 */
export function replayStrategies(journal: readonly EngineEvent[], setup: StrategySetup): ReplayResult {
  const clock = new VirtualClock();
  const engine = new Engine({ clock: () => clock.now() });
  const made = strategyRuntime(engine, clock, setup);
  if (!made.ok) return made;
  const runtime = made.value;
  if (journal.length > 0 && journal[0]?.seq !== 1)
    return { ok: false, error: { code: 'badcommand', field: 'journal', reason: 'must start at seq 1' } };
  const done = (mismatch: ReplayMismatch | null): ReplayResult => ({ ok: true, engine, runtime, mismatch });
  let checked = 0;
  const check = (until: number) => {
    const mismatch = compare(journal, engine, checked, Math.max(until, engine.seq));
    checked = Math.max(until, engine.seq);
    return mismatch;
  };
  for (let start = 0; start < journal.length; ) {
    const first = journal[start] as EngineEvent;
    let end = start + 1;
    while (end < journal.length && journal[end]?.cause.command === first.cause.command) end++;
    if (first.cause.origin !== 'strategy') {
      if (first.time > clock.now()) clock.advance(first.time - clock.now());
      const mismatch = check(first.seq - 1);
      if (mismatch !== null) return done(mismatch);
      engine.append(journal.slice(start, end));
    }
    start = end;
  }
  const last = journal.at(-1);
  if (last !== undefined && last.time > clock.now()) clock.advance(last.time - clock.now());
  return done(check(last?.seq ?? 0));
}

/** The first difference between the journal and the replaying engine after seq `from`, up to `until`. */
function compare(
  journal: readonly EngineEvent[],
  engine: Engine,
  from: number,
  until: number,
): ReplayMismatch | null {
  const made = engine.eventsSince(from) ?? [];
  for (let at = from + 1; at <= until; at++) {
    const expected = journal[at - 1] ?? null;
    const actual = made[at - from - 1] ?? null;
    if (expected === null || actual === null || JSON.stringify(expected) !== JSON.stringify(actual))
      return { seq: at, expected, actual };
  }
  return null;
}
