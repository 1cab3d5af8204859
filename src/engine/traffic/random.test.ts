import { describe, expect, it } from 'vitest';
import { Random } from './random';

function draws(seed: number, n: number): number[] {
  const random = new Random(seed);
  return Array.from({ length: n }, () => random.next());
}

describe('Random', () => {
  it('gives the same sequence for the same seed', () => {
    expect(draws(42, 100)).toEqual(draws(42, 100));
  });

  it('gives different sequences for different seeds', () => {
    expect(draws(1, 10)).not.toEqual(draws(2, 10));
  });

  it('draws floats in [0, 1) and integers in [0, n)', () => {
    const random = new Random(7);
    for (let i = 0; i < 10_000; i++) {
      const x = random.next();
      expect(x >= 0 && x < 1).toBe(true);
      const k = random.int(6);
      expect(Number.isInteger(k) && k >= 0 && k < 6).toBe(true);
    }
  });

  it('picks every element of an array, roughly evenly', () => {
    const random = new Random(3);
    const seen = new Map<string, number>();
    for (let i = 0; i < 6_000; i++) {
      const x = random.pick(['a', 'b', 'c']);
      seen.set(x, (seen.get(x) ?? 0) + 1);
    }
    expect([...seen.keys()].sort()).toEqual(['a', 'b', 'c']);
    for (const n of seen.values()) expect(n).toBeGreaterThan(1_700);
  });

  it('refuses to pick from an empty array', () => {
    expect(() => new Random(1).pick([])).toThrow(RangeError);
  });

  it('chance(p) is never for 0, always for 1, and about p in between', () => {
    const random = new Random(9);
    let hits = 0;
    for (let i = 0; i < 10_000; i++) {
      expect(random.chance(0)).toBe(false);
      expect(random.chance(1)).toBe(true);
      if (random.chance(0.3)) hits++;
    }
    expect(hits).toBeGreaterThan(2_700);
    expect(hits).toBeLessThan(3_300);
  });
});
