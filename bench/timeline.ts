/**
 * Timeline benchmark (issue 13): a page holding 1,000,000 events of traffic, its record with
 * checkpoints and its log. Figures: a jump to random seqs (the store's travelTo: the state at that
 * seq, the moves passed over, the log's cut) against a same-run baseline, a replay from the base
 * snapshot; and the heap of the log holding every event as a row.
 *
 * The world is built once (`timelineWorld`) and handed to every figure in FIGURES, so another
 * part's figure on the same rows (a query, a recording) is one function added to that list.
 */
import { availableParallelism, loadavg } from 'node:os';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { SnapshotMessage } from '../src/connection/types';
import { Engine, type EngineEvent } from '../src/engine';
import { pump, TrafficGenerator } from '../src/engine/traffic';
import { DEFAULT_TRAFFIC } from '../src/protocol/messages';
import { advance, type PageState } from '../src/store/apply-batch';
import { LogBuffer } from '../src/store/log-buffer';
import { type PageRecord, pageRecord } from '../src/store/page-record';
import { rowsThrough, travelView } from '../src/store/time-travel';
import { CHECKPOINT_INTERVAL } from '../src/timeline/record';
import { fmt, percentile, report } from './measure';
import { timelineQueryFigure } from './timeline-query';
import { timelineRecordingFigure } from './timeline-recording';

export const TIMELINE_EVENTS = 1_000_000;
/** The page's batches: what one paced frame hands the store under heavy traffic. */
const BATCH = 1_000;
const JUMPS = 300;
const BASELINE_JUMPS = 12;
const HEAP_GOAL_MB = 300;
const JUMP_GOAL_MS = 50;
const SETTLE_MS = 2_000;

/** What every figure measures on: the events, the log holding them as rows, and the record. */
export interface TimelineWorld {
  readonly base: SnapshotMessage;
  readonly events: readonly EngineEvent[];
  readonly log: LogBuffer;
  readonly record: PageRecord;
  /** The page state at the base snapshot, where a replay from scratch starts. */
  readonly start: PageState;
  /** Heap (MB) of the event objects alone, of the log's rows over them, of the record's checkpoints. */
  readonly heap: { readonly events: number; readonly rows: number; readonly record: number };
}

export type TimelineFigure = (world: TimelineWorld) => string[] | Promise<string[]>;

/** Node's collector, reached without a command-line flag (the bench runs under tsx). */
function collector(): () => void {
  v8.setFlagsFromString('--expose-gc');
  const gc: unknown = vm.runInNewContext('gc');
  if (typeof gc !== 'function') throw new Error('this Node does not expose its collector');
  return () => gc();
}

function heapMB(gc: () => void): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1e6;
}

/**
 * Traffic on a virtual clock (a millisecond a command), purged every ten seconds of it as the
 * host does, so ended sessions go as they would in a long run. The engine keeps a short journal:
 * only the events array holds them.
 */
function traffic(count: number): { base: SnapshotMessage; events: EngineEvent[] } {
  let now = Date.UTC(2026, 0, 1);
  const engine = new Engine({ clock: () => (now += 1), retain: 1_000 });
  const base = { epoch: 'bench', snapshot: engine.snapshot(), traffic: DEFAULT_TRAFFIC };
  const events: EngineEvent[] = [];
  engine.subscribe((batch) => {
    for (const event of batch) events.push(event);
  });
  const generator = new TrafficGenerator({ seed: 13, targetSessions: 500 });
  let purged = now;
  while (events.length < count) {
    pump(engine, generator, Math.min(10_000, count - events.length));
    if (now - purged > 10_000) {
      engine.execute({ verb: 'purge', before: now - 60_000, origin: 'housekeeping' });
      purged = now;
    }
  }
  return { base, events: events.slice(0, count) };
}

export function timelineWorld(count = TIMELINE_EVENTS): TimelineWorld {
  const gc = collector();
  const h0 = heapMB(gc);
  const { base, events } = traffic(count);
  const h1 = heapMB(gc);
  const log = new LogBuffer(count);
  for (const event of events) log.append({ kind: 'event', event });
  const h2 = heapMB(gc);
  const start: PageState = {
    seq: base.snapshot.seq,
    model: { sessions: new Map(), interactions: new Map(), ids: base.snapshot.ids },
    moves: [],
    history: new Map(),
    ended: [],
    strategies: new Map(),
  };
  const record = pageRecord(base, start, { capacity: count });
  for (let i = 0; i < events.length; i += BATCH) record.append(events.slice(i, i + BATCH));
  const h3 = heapMB(gc);
  return { base, events, log, record, start, heap: { events: h1 - h0, rows: h2 - h1, record: h3 - h2 } };
}

/** A seeded stream of seqs in [first, last], so two runs jump to the same places. */
function seqs(first: number, last: number, n: number): number[] {
  let x = 0x9e3779b9;
  return Array.from({ length: n }, () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return first + ((x >>> 0) % (last - first + 1));
  });
}

/**
 * What travelTo costs: the state at `to`, the moves from `from`, the log's rows through `to`; in
 * wall time and in this process's CPU time (ms), which other processes on the machine do not stretch.
 */
function jump(world: TimelineWorld, from: number, to: number): { wall: number; cpu: number } {
  const cpu = process.cpuUsage();
  const started = performance.now();
  travelView(world.record, from, to);
  rowsThrough(world.log, 0, to);
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1000 };
}

/** The plainest way to the state at a seq: every event since the base, in one batch. */
function replay(world: TimelineWorld, to: number): number {
  const started = performance.now();
  advance(world.start, world.events.slice(0, to - world.record.first));
  return performance.now() - started;
}

/**
 * Lets the collector finish what the world's forced collections left (the sweeping of a 400 MB
 * heap): otherwise the first jumps pay it, a hundred milliseconds and more on a busy machine, which
 * a page never forced to collect does not.
 */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
}

async function jumps(world: TimelineWorld): Promise<string[]> {
  await settle();
  const { first, last } = world.record;
  const targets = seqs(first, last, JUMPS);
  const times: number[] = [];
  const cpus: number[] = [];
  let at = last;
  for (const to of targets) {
    const { wall, cpu } = jump(world, at, to);
    times.push(wall);
    cpus.push(cpu);
    at = to;
  }
  const baseline = seqs(first, last, BASELINE_JUMPS).map((to) => replay(world, to));
  times.sort((a, b) => a - b);
  cpus.sort((a, b) => a - b);
  baseline.sort((a, b) => a - b);
  const ms = (sorted: number[], p: number) => `${fmt(percentile(sorted, p), 2)} ms`;
  const jumpMs = (p: number) => `${ms(times, p)} (cpu ${fmt(percentile(cpus, p), 1)})`;
  const goal = `goal <= ${JUMP_GOAL_MS} ms`;
  return [
    // On a shared machine the tail measures the neighbours: say how loaded it was.
    `timeline: load average ${loadavg()
      .map((n) => fmt(n, 1))
      .join(' ')} on ${fmt(availableParallelism())} cores`,
    `timeline: ${fmt(world.events.length)} events of traffic; a jump = travelTo's work (state at the seq from the nearest checkpoint, moves passed over, the log's cut); baseline = a replay from the base snapshot`,
    report(
      'jump to a random seq, p50',
      jumpMs(50),
      ms(baseline, 50),
      percentile(times, 50) / percentile(baseline, 50),
      goal,
    ),
    report(
      'jump to a random seq, p99',
      jumpMs(99),
      ms(baseline, 99),
      percentile(times, 99) / percentile(baseline, 99),
      goal,
    ),
    report(
      'jump to a random seq, max',
      jumpMs(100),
      ms(baseline, 100),
      (times.at(-1) ?? 0) / (baseline.at(-1) ?? 1),
      goal,
    ),
  ];
}

function heap(world: TimelineWorld): string[] {
  const { events, rows, record } = world.heap;
  const log = events + rows;
  return [
    `${'log heap, 1M rows (MB)'.padEnd(34)} ${fmt(log, 0).padStart(18)}  (rows as { kind, event } objects over the engine's event objects: events ${fmt(events, 0)} MB, rows ${fmt(rows, 0)} MB)  goal <= ${HEAP_GOAL_MB} MB: ${log <= HEAP_GOAL_MB ? 'met' : 'NOT met'}`,
    `${'record checkpoints heap (MB)'.padEnd(34)} ${fmt(record, 0).padStart(18)}  (the events are the log's own objects; a checkpoint every ${fmt(CHECKPOINT_INTERVAL)} events)`,
  ];
}

/** Each figure on the same world; other parts add theirs here. */
const FIGURES: readonly TimelineFigure[] = [jumps, heap, timelineQueryFigure, timelineRecordingFigure];

export async function runTimelineBench(): Promise<string[]> {
  const world = timelineWorld();
  const lines: string[] = [];
  for (const figure of FIGURES) lines.push(...(await figure(world)));
  return lines;
}
