import { describe, expect, it } from 'vitest';
import { easeInOutCubic, FLIGHT_MS, flightPosition, isFlying, startFlight } from './animation';

const from = { x: 0, y: 100 };
const to = { x: 300, y: 400 };

describe('flights', () => {
  it('is strictly between source and target at mid-flight', () => {
    const flight = startFlight(from, 1000, false);
    for (const t of [0.1, 0.5, 0.9]) {
      const at = flightPosition(flight, to, 1000 + t * FLIGHT_MS);
      expect(at.x).toBeGreaterThan(from.x);
      expect(at.x).toBeLessThan(to.x);
      expect(at.y).toBeGreaterThan(from.y);
      expect(at.y).toBeLessThan(to.y);
    }
    expect(isFlying(flight, 1000 + FLIGHT_MS / 2)).toBe(true);
  });

  it('starts where the node was and reaches the target, then stays there', () => {
    const flight = startFlight(from, 1000, false);
    expect(flightPosition(flight, to, 1000)).toEqual(from);
    expect(flightPosition(flight, to, 1000 + FLIGHT_MS)).toEqual(to);
    expect(flightPosition(flight, to, 1000 + 5 * FLIGHT_MS)).toEqual(to);
    expect(isFlying(flight, 1000 + FLIGHT_MS)).toBe(false);
  });

  it('takes 400 to 800 ms', () => {
    expect(FLIGHT_MS).toBeGreaterThanOrEqual(400);
    expect(FLIGHT_MS).toBeLessThanOrEqual(800);
  });

  it('is instant with reduced motion', () => {
    const flight = startFlight(from, 1000, true);
    expect(isFlying(flight, 1000)).toBe(false);
    expect(flightPosition(flight, to, 1000)).toEqual(to);
  });

  it('eases: slow at both ends, always moving forward', () => {
    let previous = 0;
    for (let i = 1; i <= 100; i++) {
      const value = easeInOutCubic(i / 100);
      expect(value).toBeGreaterThan(previous);
      previous = value;
    }
    expect(easeInOutCubic(0.05)).toBeLessThan(0.05);
    expect(easeInOutCubic(0.95)).toBeGreaterThan(0.95);
  });
});
