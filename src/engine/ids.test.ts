import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Command } from './commands';
import { Engine } from './engine';
import type { EngineEvent } from './events';
import { accept, arrival, nthGuid, nthSessionId, T0 } from './testing';

/**
 * One step of an epoch's life. Picks are resolved against the state when the step runs; explicit
 * ids are drawn in the generated form, so they stand where generated ids would.
 */
type Step =
  | { readonly kind: 'arrive'; readonly g_uid: number | null; readonly session: number | null }
  | { readonly kind: 'start'; readonly session: number | null }
  | { readonly kind: 'end'; readonly pick: number }
  | { readonly kind: 'terminate'; readonly pick: number }
  | { readonly kind: 'purge' }
  /** The engine is rebuilt: from its whole journal, or from a snapshot (a compacted journal file). */
  | { readonly kind: 'restart'; readonly from: 'journal' | 'snapshot' };

const explicit = fc.option(fc.integer({ min: 1, max: 40 }), { freq: 3 });
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('arrive'), g_uid: explicit, session: explicit }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('start'), session: explicit }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('end'), pick: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('terminate'), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('purge') }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('restart'), from: fc.constantFrom('journal', 'snapshot') }),
  },
);

const clock = { clock: () => T0 };

function command(engine: Engine, s: Step): Command | null {
  const { sessions, interactions } = engine.state;
  const running = [...sessions.values()].filter((x) => x.state === 'running');
  const owned = [...interactions.values()].filter((x) => x.owner !== null);
  switch (s.kind) {
    case 'arrive':
      return {
        verb: 'arrive',
        media: 'TMediaVoice',
        ...(s.g_uid === null ? {} : { g_uid: nthGuid(s.g_uid) }),
        ...(s.session === null ? {} : { session: nthSessionId(s.session) }),
      };
    case 'start':
      return {
        verb: 'startSession',
        src: 'a.scxml',
        ...(s.session === null ? {} : { session: nthSessionId(s.session) }),
      };
    case 'end': {
      const session = running[s.pick % Math.max(1, running.length)];
      return session === undefined ? null : { verb: 'endSession', session: session.id };
    }
    case 'terminate': {
      const interaction = owned[s.pick % Math.max(1, owned.length)];
      return interaction === undefined
        ? null
        : { verb: 'terminate', session: interaction.owner as string, interactionid: interaction.g_uid };
    }
    case 'purge':
      // The clock stands still at T0: this forgets everything that has ended.
      return { verb: 'purge', before: T0 + 1 };
    case 'restart':
      return null;
  }
}

/** Runs the steps; returns the first generated id that repeats one the epoch used, or null. */
function firstReusedId(steps: readonly Step[]): string | null {
  let engine = new Engine(clock);
  const journal: EngineEvent[] = [];
  const used = new Set<string>();
  for (const s of steps) {
    if (s.kind === 'restart') {
      const json = JSON.parse(JSON.stringify(s.from === 'journal' ? journal : engine.snapshot()));
      engine = s.from === 'journal' ? Engine.replay(json, clock) : Engine.replay([], clock, json);
      continue;
    }
    const input = command(engine, s);
    if (input === null) continue;
    const result = engine.execute(input);
    if (!result.ok) continue;
    journal.push(...result.events);
    for (const event of result.events) {
      const id =
        event.name === 'session.started'
          ? `session ${event.session}`
          : event.name === 'interaction.created'
            ? `interaction ${event.data.interaction.g_uid}`
            : null;
      if (id === null) continue;
      const given =
        event.name === 'session.started'
          ? 'session' in input && input.session
          : 'g_uid' in input && input.g_uid;
      if (!given && used.has(id)) return id;
      used.add(id);
    }
  }
  return null;
}

describe('generated ids: unique for the life of an epoch', () => {
  it('[S1][S2] after a purge, a new interaction and a new session get ids never given before', () => {
    const engine = new Engine(clock);
    const first = arrival(engine);
    accept(engine, { verb: 'terminate', session: first.session, interactionid: first.g_uid });
    accept(engine, { verb: 'endSession', session: first.session });
    accept(engine, { verb: 'purge', before: T0 + 1 });
    expect(engine.state.sessions.size + engine.state.interactions.size).toBe(0);

    const next = arrival(engine);
    expect(next.g_uid).not.toBe(first.g_uid);
    expect(next.session).not.toBe(first.session);
  });

  it('[S1][E2] a generated id never repeats one an explicit command gave, even once that was purged', () => {
    const engine = new Engine(clock);
    accept(engine, { verb: 'startSession', src: 'a.scxml', session: nthSessionId(2) });
    accept(engine, { verb: 'endSession', session: nthSessionId(2) });
    accept(engine, { verb: 'purge', before: T0 + 1 });
    const generated = [1, 2, 3].map(
      () => accept(engine, { verb: 'startSession', src: 'a.scxml' })[0]?.session,
    );
    expect(generated).toEqual([nthSessionId(3), nthSessionId(4), nthSessionId(5)]);
  });

  it('[S1][E2] property: across purges, restarts from the journal and from snapshots, no generated id is given twice', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 20, maxLength: 300 }), (steps) => {
        expect(firstReusedId(steps)).toBeNull();
      }),
      { numRuns: 200, seed: 20261210 },
    );
  });
});

describe('command numbers', () => {
  it('[S3] are unique: a command that journals nothing takes none, the next accepted one gets its own', () => {
    const engine = new Engine(clock);
    const first = engine.execute({ verb: 'startSession', src: 'a.scxml' });
    const idle = engine.execute({ verb: 'purge', before: 0 });
    const next = engine.execute({ verb: 'startSession', src: 'a.scxml' });
    expect([first, idle, next].map((r) => (r.ok ? r.command : 'refused'))).toEqual([1, null, 2]);
    // Replay numbers as live: the rebuilt engine's next command is 3 too.
    const replayed = Engine.replay(engine.eventsSince(0) ?? [], clock);
    const after = [engine, replayed].map((e) => e.execute({ verb: 'startSession', src: 'a.scxml' }));
    expect(after.map((r) => (r.ok ? r.command : 'refused'))).toEqual([3, 3]);
  });
});
