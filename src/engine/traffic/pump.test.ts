import { describe, expect, it } from 'vitest';
import { Engine } from '../engine';
import { pump, TrafficGenerator } from './index';

const CLOCK = () => 1_700_000_000_000;

describe('pump', () => {
  it('returns at least the requested events, and counts what it ran', () => {
    const engine = new Engine({ clock: CLOCK });
    const generator = new TrafficGenerator({ seed: 4 });
    const result = pump(engine, generator, 12_345);
    expect(result.events).toBeGreaterThanOrEqual(12_345);
    expect(result.events).toBe(engine.seq);
    expect(result.commands).toBeGreaterThan(result.refused);
    expect(result.refused).toBeGreaterThanOrEqual(0);
  });

  it('feeds the generator itself, so it works with or without a subscription', () => {
    const plain = new Engine({ clock: CLOCK });
    pump(plain, new TrafficGenerator({ seed: 8 }), 5_000);
    const subscribed = new Engine({ clock: CLOCK });
    const generator = new TrafficGenerator({ seed: 8 });
    subscribed.subscribe((events) => generator.observe(events));
    pump(subscribed, generator, 5_000);
    expect(subscribed.eventsSince(0)).toEqual(plain.eventsSince(0));
  });

  it('stops after maxCommands', () => {
    const engine = new Engine({ clock: CLOCK });
    const result = pump(engine, new TrafficGenerator({ seed: 4 }), 1_000_000, 50);
    expect(result.commands).toBe(50);
    expect(result.events).toBeLessThan(1_000_000);
  });

  it('does nothing when asked for no events', () => {
    const engine = new Engine({ clock: CLOCK });
    expect(pump(engine, new TrafficGenerator({ seed: 4 }), 0)).toEqual({
      commands: 0,
      events: 0,
      refused: 0,
    });
    expect(engine.seq).toBe(0);
  });
});
