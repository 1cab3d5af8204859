/**
 * Engine benchmark (issue 3): associate moves per second on an engine holding 10,000 running
 * sessions and 50,000 interactions, against a baseline measured in the same run (an owner field
 * moved in a bare Map, one event object pushed per move); and the traffic generator end to end.
 */
import { Engine, type InteractionRecord, OP_SESSION_ID, type SessionRecord } from '../src/engine';
import { pump, TrafficGenerator } from '../src/engine/traffic';
import { best, fmt, type Rate, rate, report } from './measure';

const SESSIONS = 10_000;
const INTERACTIONS = 50_000;
const BATCH = 10_000;
const ROUND_MS = 700;
const ROUNDS = 3;

const sessionId = (n: number) => `S-${n}`;
const guid = (n: number) => `00${n.toString(36).toUpperCase().padStart(14, '0')}`;

/** The documented snapshot form, built directly: 5 interactions a session, all running. */
function loadedEngine(): Engine {
  const sessions: SessionRecord[] = [];
  const interactions: InteractionRecord[] = [];
  for (let s = 0; s < SESSIONS; s++) {
    const owned: string[] = [];
    for (let k = 0; k < INTERACTIONS / SESSIONS; k++) {
      const g_uid = guid(s * (INTERACTIONS / SESSIONS) + k);
      owned.push(g_uid);
      interactions.push({
        g_uid,
        category: 'voice',
        media: 'TMediaVoice',
        parentid: null,
        queue: 'sales',
        udata: {},
        properties: { [OP_SESSION_ID]: sessionId(s) },
        state: 'routing',
        owner: sessionId(s),
        createdAt: 0,
        endedAt: null,
      });
    }
    sessions.push({
      id: sessionId(s),
      state: 'running',
      src: 'app.scxml',
      startedAt: 0,
      endedAt: null,
      interactions: owned,
    });
  }
  // The journal keeps the newest 100,000 events, as the server and the worker do.
  const engine = new Engine({ retain: Number(process.env.RETAIN ?? 100_000) });
  engine.load({
    seq: 0,
    commands: 0,
    ids: { sessions: SESSIONS, interactions: INTERACTIONS },
    sessions,
    interactions,
  });
  return engine;
}

/** Move i: interaction i mod 50,000 goes from its owner to the next-but-k session. */
function mover() {
  const owners = Array.from({ length: INTERACTIONS }, (_, i) => Math.floor(i / (INTERACTIONS / SESSIONS)));
  let i = 0;
  return () => {
    const n = i++ % INTERACTIONS;
    const from = owners[n] as number;
    const to = (from + 1 + (i % 7)) % SESSIONS;
    owners[n] = to;
    return { n, from, to };
  };
}

function baselineRound(): Rate {
  const owners = new Map<string, { owner: string }>();
  for (let n = 0; n < INTERACTIONS; n++) owners.set(guid(n), { owner: sessionId(Math.floor(n / 5)) });
  let events: { seq: number; name: string; interactionid: string; session: string }[] = [];
  let seq = 0;
  const next = mover();
  return rate(
    () => {
      for (let k = 0; k < BATCH; k++) {
        const { n, to } = next();
        const id = guid(n);
        const record = owners.get(id) as { owner: string };
        record.owner = sessionId(to);
        events.push({
          seq: ++seq,
          name: 'interaction.owner.changed',
          interactionid: id,
          session: record.owner,
        });
      }
      if (events.length > 100_000) events = events.slice(-100_000);
    },
    BATCH,
    ROUND_MS,
  );
}

function engineRound(validated: boolean): Rate {
  const engine = loadedEngine();
  const next = mover();
  return rate(
    () => {
      for (let k = 0; k < BATCH; k++) {
        const { n, from, to } = next();
        const command = {
          verb: 'associate',
          session: sessionId(from),
          interactionid: guid(n),
          sessionid: sessionId(to),
          origin: 'traffic',
        } as const;
        const result = validated ? engine.dispatch(command) : engine.execute(command);
        if (!result.ok) throw new Error(`move refused: ${result.error.reason}`);
      }
    },
    BATCH,
    ROUND_MS,
  );
}

function trafficRound(): Rate {
  const engine = new Engine({ retain: 100_000 });
  const generator = new TrafficGenerator({ seed: 7, targetSessions: 200 });
  engine.subscribe((events) => generator.observe(events));
  let produced = 0;
  const start = performance.now();
  while (performance.now() - start < ROUND_MS) produced += pump(engine, generator, 10_000).events;
  const ms = performance.now() - start;
  return { perSecond: (produced / ms) * 1000, operations: produced, ms };
}

export function runEngineBench(): string[] {
  const baseline: Rate[] = [];
  const moves: Rate[] = [];
  const validated: Rate[] = [];
  const traffic: Rate[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    // Interleaved, so a slow spell of the machine hits both sides alike.
    baseline.push(baselineRound());
    moves.push(engineRound(false));
    validated.push(engineRound(true));
    traffic.push(trafficRound());
  }
  const base = best(baseline).perSecond;
  const engine = best(moves).perSecond;
  const checked = best(validated).perSecond;
  return [
    `engine: ${fmt(SESSIONS)} sessions, ${fmt(INTERACTIONS)} interactions, best of ${ROUNDS} rounds of ${ROUND_MS} ms`,
    report(
      'associate moves/s (execute)',
      fmt(engine),
      fmt(base),
      engine / base,
      'goal >= 200,000/s, ratio >= 0.5',
    ),
    report(
      'associate moves/s (dispatch+zod)',
      fmt(checked),
      fmt(base),
      checked / base,
      'validated wire path',
    ),
    `${'traffic generator events/s'.padEnd(34)} ${fmt(best(traffic).perSecond).padStart(18)}  (end to end: generate, validate-free execute, observe)`,
  ];
}
