import { describe, expect, it } from 'vitest';
import { formatAge } from './duration';

describe('formatAge', () => {
  it('reads in seconds, then minutes, then hours', () => {
    expect(formatAge(42_400)).toBe('42 s');
    expect(formatAge(185_000)).toBe('3 min 05 s');
    expect(formatAge(2 * 3_600_000 + 7 * 60_000)).toBe('2 h 07 min');
  });

  it('never shows a negative age (clocks a little apart)', () => {
    expect(formatAge(-1500)).toBe('0 s');
  });
});
