import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatTime, timeFormatter } from './time-format';

// Local times are checked on a fixed zone, five hours behind UTC in December (no DST then).
const zone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'America/New_York';
});
afterAll(() => {
  process.env.TZ = zone;
});

const at = (iso: string) => Date.parse(iso);
/** A Saturday, 18:00 UTC: 13:00 in New York. */
const NOW = at('2026-12-05T18:00:00.000Z');

describe('formatTime, UTC', () => {
  it('is HH:MM:SS.mmm with a Z, the date left out on the same UTC day', () => {
    expect(formatTime(at('2026-12-05T03:04:05.006Z'), 'utc', NOW)).toBe('03:04:05.006Z');
    expect(formatTime(at('2026-12-05T23:59:59.999Z'), 'utc', NOW)).toBe('23:59:59.999Z');
  });

  it('puts the date in front on another UTC day', () => {
    expect(formatTime(at('2026-12-04T23:59:59.999Z'), 'utc', NOW)).toBe('2026-12-04 23:59:59.999Z');
    expect(formatTime(at('2025-12-05T12:00:00.000Z'), 'utc', NOW)).toBe('2025-12-05 12:00:00.000Z');
  });
});

describe('formatTime, local', () => {
  it('is the local clock, the date left out on the same local day', () => {
    expect(formatTime(at('2026-12-05T18:00:01.500Z'), 'local', NOW)).toBe('13:00:01.500');
    // 05:00 UTC is still today in New York (00:00).
    expect(formatTime(at('2026-12-05T05:00:00.000Z'), 'local', NOW)).toBe('00:00:00.000');
  });

  it("takes the local day, not UTC's: the same UTC day is yesterday in New York", () => {
    expect(formatTime(at('2026-12-05T03:04:05.006Z'), 'local', NOW)).toBe('2026-12-04 22:04:05.006');
  });
});

describe('formatTime, relative', () => {
  it('says how long ago, from now', () => {
    expect(formatTime(NOW - 12_000, 'relative', NOW)).toBe('12 s ago');
    expect(formatTime(NOW - 185_400, 'relative', NOW)).toBe('3 min 05 s ago');
  });

  it('puts the local date in front when the day is not today', () => {
    expect(formatTime(at('2026-12-04T12:00:00.000Z'), 'relative', NOW)).toBe('2026-12-04 · 30 h 00 min ago');
  });

  it('follows the clock it is given', () => {
    const time = NOW - 5_000;
    expect(formatTime(time, 'relative', NOW)).toBe('5 s ago');
    expect(formatTime(time, 'relative', NOW + 60_000)).toBe('1 min 05 s ago');
  });
});

describe('timeFormatter.dated', () => {
  it('says when the date is shown: the day, on the clock displayed, is not today', () => {
    const lateYesterdayInNewYork = at('2026-12-05T03:00:00.000Z');
    expect(timeFormatter('utc', NOW).dated(lateYesterdayInNewYork)).toBe(false);
    expect(timeFormatter('local', NOW).dated(lateYesterdayInNewYork)).toBe(true);
  });
});

describe('timeFormatter.full', () => {
  it('names the date, the time and the zone, whatever the display', () => {
    const time = at('2026-12-05T03:04:05.006Z');
    expect(timeFormatter('utc', NOW).full(time)).toBe('2026-12-05 03:04:05.006 UTC');
    expect(timeFormatter('local', NOW).full(time)).toBe('2026-12-04 22:04:05.006 America/New_York');
    expect(timeFormatter('relative', NOW).full(time)).toBe('2026-12-04 22:04:05.006 America/New_York');
  });
});
