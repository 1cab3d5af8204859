/**
 * Strategy benchmark: 10,000 concurrent sessions running a Composer-shaped strategy (the
 * greet-and-route sample: Entry1, Greet1 with dialog:start and setuData, Target1 with queue:submit,
 * Redirect1 with <ixn:redirect>, then a talk-time timer) on the runtime the server runs (Node).
 *
 * Arrivals are offered open-loop at a fixed rate (5,000/s) on the wall clock: each has a due time,
 * and its latency is from that due time to the strategy's first ixn action (the engine event its
 * <ixn:redirect> journals), so a run that falls behind pays its queueing delay in the figure.
 * The wall clock, not the virtual one: the strategies' clock is virtual (their talk-time timers
 * must not fire, or the sessions would not stay concurrent), and virtual time does not move while
 * code runs, so it would report 0 for any cost. Also reported: the most arrivals per second
 * handled back to back, strategy events (events taken by the state machines) per second, and
 * memory (RSS) per live session. Baseline: the same arrivals on an engine without strategies.
 * Then the heap the hosts' kept traces take at 10,000 live sessions (`traceFigures`), and the realm
 * pool the server runs with, on vs off in the same run (`poolFigures`).
 */
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Engine } from '../src/engine';
import { TRACE_KEPT } from '../src/protocol/messages';
import { SAMPLES_SEED } from '../src/protocol/samples';
import { StrategyWatch } from '../src/protocol/strategy-watch';
import { VirtualClock } from '../src/scxml/clock';
import { DEFAULT_LIMITS } from '../src/scxml/host';
import { loadRealmFactory } from '../src/scxml/script/node-realms';
import type { RealmFactory } from '../src/scxml/script/realm';
import { DEFAULT_REALM_POOL } from '../src/server/strategy-setup';
import { registerFakeServices, StrategyRuntime } from '../src/strategy';
import { fmt, percentile, report } from './measure';

const SESSIONS = 10_000;
const OFFERED_PER_SECOND = 5_000;
const GOAL_P99_MS = 50;
const DOCUMENT = readFileSync('public/strategies/greet-and-route.scxml', 'utf8');

interface Run {
  /** Wall-clock ms from each arrival's due time to its session's first ixn action. */
  readonly latencies: number[];
  readonly ms: number;
  readonly strategyEvents: number;
  readonly rssPerSessionKb: number;
  readonly live: number;
}

/**
 * An engine, with the runtime when `realms` is given, and a counter of strategy events taken.
 * With `watch`, each trace record also goes to it, as a host keeps them for the details panel.
 */
function rig(realms: RealmFactory | null, watch: StrategyWatch | null = null) {
  const clock = new VirtualClock();
  const engine = new Engine({ clock: () => clock.now(), retain: 50_000 });
  let strategyEvents = 0;
  let traceRecords = 0;
  const runtime: StrategyRuntime | null =
    realms === null
      ? null
      : new StrategyRuntime({
          engine,
          clock,
          realms,
          documents: (src) => (src === 'greet.scxml' ? DOCUMENT : null),
          register: (actions) => registerFakeServices(actions, { seed: SAMPLES_SEED }),
          onTrace: (record) => {
            if (record.kind === 'macrostep.start' && record.event !== null) strategyEvents += 1;
            traceRecords += 1;
            if (watch !== null && runtime !== null) watch.record(record, runtime);
          },
        });
  runtime?.provision('sales', 'greet.scxml');
  return { engine, runtime, events: () => strategyEvents, records: () => traceRecords };
}

/**
 * Offers SESSIONS arrivals, one every 1000/`perSecond` ms of wall time (`perSecond` Infinity: back
 * to back), and times each to its first ixn action (for the baseline: to its own arrival's end).
 */
function offer(realms: RealmFactory | null, perSecond: number, sessions = SESSIONS): Run {
  const { engine, runtime, events } = rig(realms);
  const firstAction = firstActions(engine);
  const rssBefore = process.memoryUsage().rss;
  const latencies: number[] = [];
  const gap = 1000 / perSecond;
  const start = performance.now();
  for (let i = 0; i < sessions; i++) {
    // Back to back, an arrival is due when the one before it is done: its latency is its own cost.
    const due = gap === 0 ? performance.now() : start + i * gap;
    while (performance.now() < due) {
      // Open loop: an arrival is never offered early; a late one keeps its due time.
    }
    const session = `S-${i}`;
    engine.execute({ verb: 'arrive', media: 'TMediaVoice', queue: 'sales', session, origin: 'traffic' });
    const at = runtime === null ? performance.now() : firstAction.get(session);
    latencies.push(at === undefined ? Number.POSITIVE_INFINITY : at - due);
  }
  const ms = performance.now() - start;
  const live = runtime === null ? 0 : runtime.sessions.length;
  const rssPerSessionKb = (process.memoryUsage().rss - rssBefore) / 1024 / sessions;
  runtime?.stop();
  return { latencies: latencies.sort((a, b) => a - b), ms, strategyEvents: events(), rssPerSessionKb, live };
}

/** Wall-clock time of each session's first `<ixn:*>` action, as the engine journals it. */
function firstActions(engine: Engine): Map<string, number> {
  const firstAction = new Map<string, number>();
  engine.subscribe((batch) => {
    for (const event of batch) {
      if (event.cause.origin !== 'strategy' || event.session === null || firstAction.has(event.session))
        continue;
      if (event.cause.strategy?.element.startsWith('ixn:')) firstAction.set(event.session, performance.now());
    }
  });
  return firstAction;
}

export async function runStrategiesBench(): Promise<string[]> {
  const realms = await loadRealmFactory();
  // The first runs also warm up (JIT, the wasm module's memory): memory is read from them, since
  // WebAssembly memory, once grown, is not given back for the later runs to measure.
  const first = offer(realms, Number.POSITIVE_INFINITY);
  const firstBase = offer(null, Number.POSITIVE_INFINITY);
  const flat = offer(realms, Number.POSITIVE_INFINITY);
  const flatBase = offer(null, Number.POSITIVE_INFINITY);
  const paced = offer(realms, OFFERED_PER_SECOND);
  const pacedBase = offer(null, OFFERED_PER_SECOND);
  if (flat.live !== SESSIONS || paced.live !== SESSIONS)
    throw new Error(`expected ${SESSIONS} live strategy sessions, had ${flat.live} and ${paced.live}`);
  const handled = (SESSIONS / flat.ms) * 1000;
  const handledBase = (SESSIONS / flatBase.ms) * 1000;
  const p99 = percentile(paced.latencies, 99);
  const p99Base = percentile(pacedBase.latencies, 99);
  const eventsPerSecond = (flat.strategyEvents / flat.ms) * 1000;
  return [
    `${fmt(SESSIONS)} concurrent sessions of greet-and-route (Composer-shaped), runtime in Node, wall clock`,
    report(
      'arrivals handled per second',
      fmt(handled),
      fmt(handledBase),
      handled / handledBase,
      `goal >= ${fmt(OFFERED_PER_SECOND)}: ${handled >= OFFERED_PER_SECOND ? 'met' : 'NOT met'}`,
    ),
    report(
      `p99 ms, arrival to first ixn action @${fmt(OFFERED_PER_SECOND)}/s`,
      fmt(p99, 2),
      fmt(p99Base, 2),
      p99 / p99Base,
      `goal < ${GOAL_P99_MS} ms: ${p99 < GOAL_P99_MS ? 'met' : 'NOT met'}`,
    ),
    `  p50 ${fmt(percentile(paced.latencies, 50), 2)} ms, max ${fmt(paced.latencies.at(-1) ?? 0, 2)} ms; offered run took ${fmt(paced.ms)} ms for ${fmt(SESSIONS)} arrivals`,
    report(
      'p99 ms, one arrival alone (no queue)',
      fmt(percentile(flat.latencies, 99), 2),
      fmt(percentile(flatBase.latencies, 99), 2),
      percentile(flat.latencies, 99) / percentile(flatBase.latencies, 99),
      `p50 ${fmt(percentile(flat.latencies, 50), 2)} ms: what one arrival costs before its first ixn action`,
    ),
    report(
      'strategy events per second',
      fmt(eventsPerSecond),
      '(none)',
      Number.NaN,
      `${fmt(flat.strategyEvents / SESSIONS, 1)} events taken per arrival`,
    ),
    report(
      'memory per live session (RSS)',
      `${fmt(first.rssPerSessionKb, 1)} KB`,
      `${fmt(firstBase.rssPerSessionKb, 1)} KB`,
      first.rssPerSessionKb / Math.max(firstBase.rssPerSessionKb, 0.001),
      `${fmt((first.rssPerSessionKb * SESSIONS) / 1024)} MB for ${fmt(SESSIONS)} sessions`,
    ),
    ...traceFigures(realms),
    ...(await poolFigures()),
  ];
}

/** The GC, for heap figures of what is live only (the bench runs without --expose-gc). */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/**
 * The trace a host keeps per strategy session (StrategyWatch, TRACE_KEPT records each) at SESSIONS
 * live sessions: JS heap after a full GC, with the watch against the same arrivals without it.
 * Heap, not RSS: the realms' WebAssembly memory is outside the heap and, once grown, not given
 * back, so RSS after the first runs does not move with what a later one holds.
 */
function traceFigures(realms: RealmFactory): string[] {
  const gc = collector();
  const live = (traced: boolean) => {
    gc();
    const before = process.memoryUsage().heapUsed;
    const watch = traced ? new StrategyWatch(() => engine.seq) : null;
    const { engine, runtime, records } = rig(realms, watch);
    if (runtime === null) throw new Error('a rig with realms has a runtime');
    for (let i = 0; i < SESSIONS; i++)
      engine.execute({
        verb: 'arrive',
        media: 'TMediaVoice',
        queue: 'sales',
        session: `S-${i}`,
        origin: 'traffic',
      });
    gc();
    const kb = (process.memoryUsage().heapUsed - before) / 1024 / SESSIONS;
    const count = runtime.sessions.length;
    runtime.stop();
    return { kb, count, records: records() };
  };
  // Alternated, twice each: the second of each is the figure (the first warms up).
  live(false);
  live(true);
  const bare = live(false);
  const traced = live(true);
  if (bare.count !== SESSIONS || traced.count !== SESSIONS)
    throw new Error(`expected ${SESSIONS} live strategy sessions, had ${bare.count} and ${traced.count}`);
  return [
    report(
      'heap per live session, trace kept',
      `${fmt(traced.kb, 1)} KB`,
      `${fmt(bare.kb, 1)} KB`,
      traced.kb / bare.kb,
      `trace: ${fmt(traced.kb - bare.kb, 2)} KB a session, ${fmt(((traced.kb - bare.kb) * SESSIONS) / 1024, 1)} MB for ${fmt(SESSIONS)}; ${fmt(traced.records / SESSIONS, 1)} records each (at most ${TRACE_KEPT} kept)`,
    ),
  ];
}

/**
 * Pool on vs off: the server's pool (its size and the runtime's limits) against realms made on
 * arrival, in alternating rounds (off, on, off, on...) so a neighbour's load falls on both alike.
 */
const POOL_SIZE = DEFAULT_REALM_POOL;
const POOL_ROUNDS = 4;
const POOL_BACK_TO_BACK = 600;
const POOL_PACED = 250;
/** Well below capacity (about 450/s back to back idle): Node is idle between arrivals, as most of the day. */
const POOL_OFFERED_PER_SECOND = 50;

async function poolFigures(): Promise<string[]> {
  const off = await loadRealmFactory();
  const rssBefore = process.memoryUsage().rss;
  const on = await loadRealmFactory({ size: POOL_SIZE, limits: DEFAULT_LIMITS });
  const full = async () => {
    while (on.pooled() < POOL_SIZE) await new Promise((resolve) => setImmediate(resolve));
  };
  await full();
  const poolKb = (process.memoryUsage().rss - rssBefore) / 1024;
  const flat = { off: [] as number[], on: [] as number[] };
  const paced = { off: [] as IdleRun[], on: [] as IdleRun[] };
  for (let round = 0; round < POOL_ROUNDS; round++) {
    flat.off.push((POOL_BACK_TO_BACK / offer(off, Number.POSITIVE_INFINITY, POOL_BACK_TO_BACK).ms) * 1000);
    await full();
    flat.on.push((POOL_BACK_TO_BACK / offer(on, Number.POSITIVE_INFINITY, POOL_BACK_TO_BACK).ms) * 1000);
    paced.off.push(await offerWithIdle(off));
    await full();
    paced.on.push(await offerWithIdle(on));
  }
  const median = (values: number[]) =>
    percentile(
      [...values].sort((a, b) => a - b),
      50,
    );
  const latencies = (runs: IdleRun[]) => runs.flatMap((run) => run.latencies).sort((a, b) => a - b);
  const [onMs, offMs] = [latencies(paced.on), latencies(paced.off)];
  const loopP99 = (runs: IdleRun[]) => Math.max(...runs.map((run) => run.loopP99Ms));
  const refill = realmMaking(off);
  return [
    `realm pool (${POOL_SIZE} realms, the server's default) on vs off, ${POOL_ROUNDS} alternating rounds; baseline = off`,
    report(
      `arrivals/s back to back (${fmt(POOL_BACK_TO_BACK)}), median`,
      fmt(median(flat.on)),
      fmt(median(flat.off)),
      median(flat.on) / median(flat.off),
      `rounds on ${flat.on.map((n) => fmt(n)).join(' ')}, off ${flat.off.map((n) => fmt(n)).join(' ')}`,
    ),
    report(
      `p99 ms, arrival to first ixn @${POOL_OFFERED_PER_SECOND}/s`,
      fmt(percentile(onMs, 99), 2),
      fmt(percentile(offMs, 99), 2),
      percentile(onMs, 99) / percentile(offMs, 99),
      `p50 ${fmt(percentile(onMs, 50), 2)} vs ${fmt(percentile(offMs, 50), 2)} ms; ${fmt(POOL_ROUNDS * POOL_PACED)} arrivals each, on timers, from each one's due time`,
    ),
    report(
      `event loop delay p99 ms @${POOL_OFFERED_PER_SECOND}/s`,
      fmt(loopP99(paced.on), 2),
      fmt(loopP99(paced.off), 2),
      loopP99(paced.on) / loopP99(paced.off),
      'the worst round; refills run in idle time and must not hold the loop longer',
    ),
    report(
      'one refill task (a realm made), p99 ms',
      fmt(percentile(refill, 99), 2),
      '(none)',
      Number.NaN,
      `p50 ${fmt(percentile(refill, 50), 2)} ms: the most a refill holds the loop before the next task runs`,
    ),
    report(
      'memory held by the full pool (RSS)',
      `${fmt(poolKb / 1024, 1)} MB`,
      '0 MB',
      Number.NaN,
      `${fmt(poolKb / POOL_SIZE, 1)} KB per waiting realm`,
    ),
  ];
}

/** Wall-clock ms of making one realm of the pool's limits, sorted: what one refill task costs. */
function realmMaking(realms: RealmFactory): number[] {
  const times: number[] = [];
  for (let i = 0; i < 500; i++) {
    const start = performance.now();
    const realm = realms.create(DEFAULT_LIMITS);
    times.push(performance.now() - start);
    realm.dispose();
  }
  return times.sort((a, b) => a - b);
}

interface IdleRun {
  readonly latencies: number[];
  readonly loopP99Ms: number;
}

/**
 * Arrivals on timers at POOL_OFFERED_PER_SECOND, so Node is idle between them (the pool refills
 * then); each timed from its due time, so a timer the loop ran late (a refill in the way) counts.
 */
async function offerWithIdle(realms: RealmFactory): Promise<IdleRun> {
  const { engine, runtime } = rig(realms);
  const firstAction = firstActions(engine);
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const latencies: number[] = [];
  const start = performance.now();
  for (let i = 0; i < POOL_PACED; i++) {
    const due = start + (i * 1000) / POOL_OFFERED_PER_SECOND;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
    const session = `S-${i}`;
    engine.execute({ verb: 'arrive', media: 'TMediaVoice', queue: 'sales', session, origin: 'traffic' });
    latencies.push((firstAction.get(session) ?? Number.POSITIVE_INFINITY) - due);
  }
  loop.disable();
  runtime?.stop();
  return {
    latencies: latencies.sort((a, b) => a - b),
    loopP99Ms: loop.percentile(99) / 1e6,
  };
}
