import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Engine } from './engine';
import type { EngineEvent } from './events';
import { MEDIA_NAMES } from './media';
import type { Model } from './model';
import { invariantViolation, nthGuid, nthSessionId, T0 } from './testing';

/**
 * Random command sequences, valid and invalid mixed. Ids come from small pools that overlap the
 * ids the engine generates, so most commands hit real sessions and interactions.
 */
const sessionId = fc.oneof(fc.integer({ min: 1, max: 40 }).map(nthSessionId), fc.constant('S-NOPE'));
const guid = fc.oneof(fc.integer({ min: 1, max: 80 }).map(nthGuid), fc.constant('NOPE'));
const address = fc.oneof(
  fc.constantFrom('agent1', '5551234', '7004@.DN', '_origin', 'x@y.com', 'http://a.b', 'user@', '91a@sw'),
  fc.record({
    type: fc.constantFrom('A', 'AP', 'GA', 'Q', 'IQ', 'WB', 'ZZ'),
    agent: fc.constant('a1'),
    id: fc.constant('q1'),
  }),
  fc.record({ dn: fc.constantFrom('123', '12x') }),
);
const origin = fc.constantFrom('traffic', 'drag', 'api');
const valid = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({ verb: fc.constant('arrive'), media: fc.constantFrom(...MEDIA_NAMES) }),
  },
  { weight: 1, arbitrary: fc.record({ verb: fc.constant('startSession'), src: fc.constant('app.scxml') }) },
  { weight: 1, arbitrary: fc.record({ verb: fc.constant('endSession'), session: sessionId }) },
  {
    weight: 6,
    arbitrary: fc.record({
      verb: fc.constant('associate'),
      session: sessionId,
      interactionid: guid,
      sessionid: sessionId,
      origin,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      verb: fc.constantFrom('attach', 'detach', 'terminate'),
      session: sessionId,
      interactionid: guid,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      verb: fc.constant('redirect'),
      session: sessionId,
      interactionid: guid,
      to: address,
      detach: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      verb: fc.constant('setuData'),
      session: sessionId,
      interactionid: guid,
      udata: fc.dictionary(fc.constantFrom('a', 'b', 'c'), fc.oneof(fc.string(), fc.integer(), fc.boolean())),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ verb: fc.constant('deleteuData'), session: sessionId, interactionid: guid }),
  },
  // The clock stands still at T0, so this forgets everything that has ended so far.
  { weight: 1, arbitrary: fc.record({ verb: fc.constant('purge'), before: fc.constant(T0 + 1) }) },
);
const invalid = fc.oneof(
  fc.jsonValue(),
  fc.record({ verb: fc.string(), session: fc.anything() }),
  valid.map((command) => ({ ...command, session: 'x'.repeat(200) })),
  valid.map((command) => ({ ...command, extra: 1 })),
  valid.map(({ verb }) => ({ verb })),
);
const command = fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: invalid });

function sameModel(a: Model, entries: { sessions: unknown[]; interactions: unknown[] }): boolean {
  const sessions = [...a.sessions.values()];
  const interactions = [...a.interactions.values()];
  return (
    sessions.length === entries.sessions.length &&
    interactions.length === entries.interactions.length &&
    sessions.every((s, i) => s === entries.sessions[i]) &&
    interactions.every((x, i) => x === entries.interactions[i])
  );
}

function run(commands: readonly unknown[]): string | null {
  const engine = new Engine({ clock: () => T0 });
  const journal: EngineEvent[] = [];
  engine.subscribe((events) => journal.push(...events));
  for (const [step, input] of commands.entries()) {
    const seq = engine.seq;
    const before = {
      sessions: [...engine.state.sessions.values()],
      interactions: [...engine.state.interactions.values()],
    };
    let result: ReturnType<Engine['dispatch']>;
    try {
      result = engine.dispatch(input);
    } catch (error) {
      return `step ${step}: an exception escaped: ${String(error)}`;
    }
    if (result.ok) {
      const gap = result.events.findIndex((e, i) => e.seq !== seq + i + 1);
      if (gap >= 0 || engine.seq !== seq + result.events.length) return `step ${step}: seq gap`;
    } else {
      if (!result.error.code || !result.error.field || !result.error.reason)
        return `step ${step}: untyped error`;
      if (engine.seq !== seq || !sameModel(engine.state, before))
        return `step ${step}: a refusal changed state`;
    }
    const violation = invariantViolation(engine.state);
    if (violation !== null) return `step ${step}: ${violation}`;
  }
  if (JSON.stringify(engine.eventsSince(0)) !== JSON.stringify(journal))
    return 'the journal differs from the events sent';
  const replayed = Engine.replay(JSON.parse(JSON.stringify(journal)), { clock: () => T0 });
  if (JSON.stringify(replayed.snapshot()) !== JSON.stringify(engine.snapshot()))
    return 'E2: replay differs from live state';
  return null;
}

describe('properties over random command sequences', () => {
  it('[B1][B2][B3][E1][E2][S3] 10,000 mixed commands: invariants after every step, refusals change nothing, no seq gap, replay equals live', () => {
    fc.assert(
      fc.property(fc.array(command, { minLength: 10_000, maxLength: 10_000 }), (commands) => {
        expect(run(commands)).toBeNull();
      }),
      { numRuns: 2, seed: 20261125 },
    );
  }, 120_000);
});
