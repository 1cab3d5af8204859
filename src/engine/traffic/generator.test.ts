import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { commandSchema, VERBS } from '../commands';
import { Engine } from '../engine';
import type { EngineEvent } from '../events';
import { pump, TrafficGenerator } from './index';

const CLOCK = () => 1_700_000_000_000;

/** An engine and a generator wired the way the demo wires them: through a subscription. */
function setup(seed: number, targetSessions?: number) {
  const engine = new Engine({ clock: CLOCK });
  const generator = new TrafficGenerator(targetSessions === undefined ? { seed } : { seed, targetSessions });
  engine.subscribe((events) => generator.observe(events));
  return { engine, generator };
}

function journal(seed: number, events: number): readonly EngineEvent[] {
  const { engine, generator } = setup(seed);
  pump(engine, generator, events);
  return engine.eventsSince(0) ?? [];
}

/** Accepted commands per verb, read back from the journal (all events of a command share its cause). */
function verbCounts(events: readonly EngineEvent[]): Map<string, number> {
  const counts = new Map<string, number>();
  let last = 0;
  for (const event of events) {
    if (event.cause.command === last) continue;
    last = event.cause.command;
    counts.set(event.cause.verb, (counts.get(event.cause.verb) ?? 0) + 1);
  }
  return counts;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('TrafficGenerator: determinism', () => {
  it('same seed and fixed clock give identical journals over 20,000 events', () => {
    const a = journal(11, 20_000);
    const b = journal(11, 20_000);
    expect(a.length).toBeGreaterThanOrEqual(20_000);
    expect(b).toEqual(a);
  });

  it('different seeds give different journals', () => {
    expect(journal(1, 2_000)).not.toEqual(journal(2, 2_000));
  });

  it('does not depend on how the run is cut into pumps', () => {
    const whole = setup(5);
    pump(whole.engine, whole.generator, 10_000);
    const pieces = setup(5);
    for (let i = 0; i < 10; i++) pump(pieces.engine, pieces.generator, 1_000);
    const a = whole.engine.eventsSince(0) ?? [];
    const b = pieces.engine.eventsSince(0) ?? [];
    const n = Math.min(a.length, b.length);
    expect(n).toBeGreaterThanOrEqual(10_000);
    expect(b.slice(0, n)).toEqual(a.slice(0, n));
  });

  it('reads neither Math.random nor the wall clock', () => {
    const forbidden = () => {
      throw new Error('the generator must not read this');
    };
    vi.spyOn(Math, 'random').mockImplementation(forbidden);
    vi.spyOn(Date, 'now').mockImplementation(forbidden);
    vi.spyOn(performance, 'now').mockImplementation(forbidden);
    const { engine, generator } = setup(3);
    expect(pump(engine, generator, 5_000).events).toBeGreaterThanOrEqual(5_000);
  });
});

describe('TrafficGenerator: traffic mix', () => {
  const seed = 2024;
  let events: readonly EngineEvent[] = [];
  let counts = new Map<string, number>();
  beforeAll(() => {
    events = journal(seed, 20_000);
    counts = verbCounts(events);
  });

  it('uses every contact-center verb in a 20,000-event run', () => {
    // purge is the host's housekeeping, sendEvent an operator's word to a strategy: not traffic.
    for (const verb of VERBS.filter((v) => v !== 'purge' && v !== 'sendEvent'))
      expect(counts.get(verb) ?? 0, verb).toBeGreaterThan(0);
  });

  it('makes associate one of the two most frequent verbs', () => {
    const ranked = [...counts.entries()].sort((x, y) => y[1] - x[1]).map(([verb]) => verb);
    expect(ranked.slice(0, 2)).toContain('associate');
  });

  it('brings all three media and several queues', () => {
    const media = new Set<string>();
    const queues = new Set<string>();
    for (const event of events) {
      if (event.name !== 'interaction.created') continue;
      media.add(event.data.interaction.media);
      queues.add(event.data.interaction.queue);
    }
    expect(media).toEqual(new Set(['TMediaVoice', 'TMediaChat', 'TMediaEMail']));
    expect(queues.size).toBeGreaterThanOrEqual(3);
  });

  it('[B6] sometimes ends a session that still owns interactions, and the journal shows the release', () => {
    const releases = events.filter((e) => e.name === 'interaction.owner.changed' && e.data.via === 'release');
    expect(releases.length).toBeGreaterThan(0);
    expect(releases.every((e) => e.cause.verb === 'endSession')).toBe(true);
  });

  it('has more than 95% of its commands accepted, each a valid traffic command', () => {
    const engine = new Engine({ clock: CLOCK });
    const generator = new TrafficGenerator({ seed });
    let commands = 0;
    let refused = 0;
    let produced = 0;
    while (produced < 20_000) {
      const command = generator.next();
      expect(command.origin).toBe('traffic');
      expect(commandSchema.safeParse(command).success).toBe(true);
      const result = engine.execute(command);
      commands++;
      if (result.ok) {
        produced += result.events.length;
        generator.observe(result.events);
      } else {
        refused++;
      }
    }
    expect(refused / commands).toBeLessThan(0.05);
  });
});

describe('TrafficGenerator: population', () => {
  it('keeps running sessions and unowned interactions bounded over 100,000 events', () => {
    for (const target of [60, 8]) {
      const { engine, generator } = setup(77, target);
      let maxRunning = 0;
      let maxUnowned = 0;
      let produced = 0;
      while (produced < 100_000) {
        const result = engine.execute(generator.next());
        if (result.ok) produced += result.events.length;
        const { running, unowned } = generator.stats;
        maxRunning = Math.max(maxRunning, running);
        maxUnowned = Math.max(maxUnowned, unowned);
      }
      expect(maxRunning, `target ${target}`).toBeLessThanOrEqual(3 * target);
      // The target is a ceiling the population approaches, so it should get near it, too.
      expect(maxRunning, `target ${target}`).toBeGreaterThanOrEqual(0.7 * target);
      expect(maxUnowned, `target ${target}`).toBeLessThanOrEqual(Math.max(10, target));
    }
  });

  it("tracks exactly the engine's running sessions, owned and unowned interactions", () => {
    const { engine, generator } = setup(13, 30);
    for (let round = 0; round < 10; round++) {
      pump(engine, generator, 2_000);
      const model = engine.state;
      const running = [...model.sessions.values()].filter((s) => s.state === 'running');
      const live = [...model.interactions.values()].filter((i) => i.state !== 'ended');
      expect(generator.stats).toEqual({
        running: running.length,
        idle: running.filter((s) => s.interactions.length === 0).length,
        owned: live.filter((i) => i.owner !== null).length,
        unowned: live.filter((i) => i.owner === null).length,
      });
    }
  });

  it('skips events it has already seen, so a subscription and pump together are harmless', () => {
    const { engine, generator } = setup(21);
    pump(engine, generator, 3_000);
    const before = generator.stats;
    generator.observe(engine.eventsSince(0) ?? []);
    expect(generator.stats).toEqual(before);
  });

  it('refuses a seed or target it cannot use', () => {
    expect(() => new TrafficGenerator({ seed: Number.NaN })).toThrow(RangeError);
    expect(() => new TrafficGenerator({ seed: 1, targetSessions: 0 })).toThrow(RangeError);
  });
});

describe('TrafficGenerator.load', () => {
  it('goes on from a snapshot exactly as a generator that saw every event', () => {
    const clock = () => 1_700_000_000_000;
    const live = new Engine({ clock });
    const seen = new TrafficGenerator({ seed: 9 });
    pump(live, seen, 3_000);
    const restored = Engine.replay(live.eventsSince(0) ?? [], { clock });
    const loaded = new TrafficGenerator({ seed: 9 });
    loaded.load(restored.snapshot());
    expect(loaded.stats).toEqual(seen.stats);
    // Its commands fit the state it was loaded with: almost all of them are accepted.
    const next = pump(restored, loaded, 2_000);
    expect(next.refused / next.commands).toBeLessThan(0.05);
  });
});
