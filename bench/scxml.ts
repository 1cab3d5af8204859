/**
 * SCXML interpreter benchmark, each figure against XState v5 in the same run:
 *
 * - one session of a 20-state chart (parallel regions, guards, assigns), event after event;
 * - 10,000 live sessions, each holding a small chart (a guard on `_event`, an assign), taking
 *   events in turn: events per second, and memory per session.
 *
 * Our sessions run their datamodel in sandboxed realms (QuickJS in WebAssembly); XState's guards
 * and assigns are plain functions of the host. Before timing, the two are run side by side on the
 * same events and must agree on every configuration, so both do the same work.
 */
import { createActor } from 'xstate';
import { compileScxml } from '../src/scxml/compile';
import { ScxmlHost } from '../src/scxml/host';
import { loadRealmFactory } from '../src/scxml/script/node-realms';
import type { RealmFactory } from '../src/scxml/script/realm';
import type { Session } from '../src/scxml/session';
import { best, fmt, type Rate, rate, report } from './measure';
import { CHART_SCXML, callEvents, chartMachine, SMALL_SCXML, smallMachine } from './scxml-charts';

const SESSIONS = 10_000;
const ROUND_MS = 1000;

/** Leaf state names of an XState state value, sorted: comparable with our active states. */
function leaves(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value)
    .flatMap(([key, child]) =>
      typeof child === 'string' || typeof child === 'object' ? leaves(child) : [key],
    )
    .sort();
}

/** Best of three rounds each, interleaved so that a busy neighbour weighs on both alike. */
function race(ours: () => void, theirs: () => void, batch: number): { ours: Rate; theirs: Rate } {
  const a: Rate[] = [];
  const b: Rate[] = [];
  for (let round = 0; round < 3; round++) {
    a.push(rate(ours, batch, ROUND_MS));
    b.push(rate(theirs, batch, ROUND_MS));
  }
  return { ours: best(a), theirs: best(b) };
}

function megabytes(): number {
  return process.memoryUsage().rss / (1024 * 1024);
}

function checkSameRun(realms: RealmFactory): void {
  const host = new ScxmlHost({ realms });
  const session = host.start(CHART_SCXML);
  const actor = createActor(chartMachine).start();
  for (let call = 1; call <= 200; call++) {
    for (const event of callEvents(call * 37)) {
      session.send(event.type, { n: event.n });
      actor.send(event);
      const ours = [...session.activeStates()].sort().join(' ');
      const theirs = leaves(actor.getSnapshot().value).join(' ');
      if (ours !== theirs) throw new Error(`the charts disagree after ${event.type}: ${ours} / ${theirs}`);
    }
  }
  host.stop();
  actor.stop();
}

function chartFigures(realms: RealmFactory): string[] {
  checkSameRun(realms);
  const host = new ScxmlHost({ realms });
  const session = host.start(CHART_SCXML);
  const actor = createActor(chartMachine).start();
  let ourCall = 0;
  let theirCall = 0;
  const { ours, theirs } = race(
    () => {
      for (const event of callEvents(++ourCall)) session.send(event.type, { n: event.n });
    },
    () => {
      for (const event of callEvents(++theirCall)) actor.send(event);
    },
    callEvents(0).length,
  );
  host.stop();
  actor.stop();
  return [
    report(
      'events/s, 20-state chart',
      fmt(ours.perSecond),
      fmt(theirs.perSecond),
      ours.perSecond / theirs.perSecond,
      'baseline: XState v5, same chart',
    ),
  ];
}

function liveSessionFigures(realms: RealmFactory): string[] {
  const document = compileScxml(SMALL_SCXML);
  const host = new ScxmlHost({ realms });
  const before = megabytes();
  const started = performance.now();
  const sessions: Session[] = [];
  for (let i = 0; i < SESSIONS; i++) sessions.push(host.start(document));
  const startMs = performance.now() - started;
  // Every session takes one event before memory is read: its expressions are compiled by then.
  for (let i = 0; i < SESSIONS; i++) sessions[i]?.send('tick', { n: i });
  const ourMb = megabytes() - before;

  const beforeActors = megabytes();
  const actors = Array.from({ length: SESSIONS }, () => createActor(smallMachine).start());
  for (let i = 0; i < SESSIONS; i++) actors[i]?.send({ type: 'tick', n: i });
  const theirMb = megabytes() - beforeActors;

  let ourNext = 0;
  let theirNext = 0;
  const { ours, theirs } = race(
    () => {
      const n = ourNext++;
      sessions[n % SESSIONS]?.send('tick', { n });
    },
    () => {
      const n = theirNext++;
      actors[n % SESSIONS]?.send({ type: 'tick', n });
    },
    1,
  );
  const running = sessions.filter((s) => s.status === 'running').length;
  if (running !== SESSIONS) throw new Error(`${SESSIONS - running} sessions ended during the run`);
  const lines = [
    report(
      `events/s, ${fmt(SESSIONS)} live sessions`,
      fmt(ours.perSecond),
      fmt(theirs.perSecond),
      ours.perSecond / theirs.perSecond,
      'goal ≥ 20,000 events/s',
    ),
    report(
      'memory per live session (KB)',
      fmt((ourMb * 1024) / SESSIONS, 1),
      fmt((theirMb * 1024) / SESSIONS, 1),
      ourMb / theirMb,
      `goal: ${fmt(SESSIONS)} sessions under 1 GB (process RSS ${fmt(before)} → ${fmt(before + ourMb)} MB)`,
    ),
    `session start (realm, datamodel, initial state): ${fmt(startMs / SESSIONS, 2)} ms each, ${fmt(startMs / 1000, 1)} s for ${fmt(SESSIONS)}`,
  ];
  host.stop();
  for (const actor of actors) actor.stop();
  return lines;
}

export async function runScxmlBench(): Promise<string[]> {
  const realms = await loadRealmFactory();
  return [...chartFigures(realms), ...liveSessionFigures(realms)];
}
