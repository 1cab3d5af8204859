import { describe, expect, it } from 'vitest';
import { formatDuration } from './duration';

describe('formatDuration', () => {
  it('reads in seconds, then minutes, then hours', () => {
    expect(formatDuration(42_400)).toBe('42 s');
    expect(formatDuration(185_000)).toBe('3 min 05 s');
    expect(formatDuration(2 * 3_600_000 + 7 * 60_000)).toBe('2 h 07 min');
  });

  it('never shows a negative age (clocks a little apart)', () => {
    expect(formatDuration(-1500)).toBe('0 s');
  });
});
