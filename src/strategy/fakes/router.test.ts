import { describe, expect, it } from 'vitest';
import { pickIndex } from './router';

describe('[X9] the fake router', () => {
  it('[X9] picks an index among the choices, the same for the same seed and key', () => {
    const picks = Array.from({ length: 200 }, (_, i) => pickIndex(5, `s1.request${i}`, 4));
    expect(picks.every((p) => p >= 0 && p < 4)).toBe(true);
    expect(new Set(picks).size).toBe(4);
    expect(Array.from({ length: 200 }, (_, i) => pickIndex(5, `s1.request${i}`, 4))).toEqual(picks);
  });

  it('[X9] refuses to pick among no choices, naming the count', () => {
    expect(() => pickIndex(1, 'k', 0)).toThrow('cannot pick among 0 choices');
  });
});
