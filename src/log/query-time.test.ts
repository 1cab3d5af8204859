import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryClockOf } from '../display/time-format';
import { LogBuffer, type LogRow } from '../store/log-buffer';
import { NO_FILTERS } from '../store/state';
import { engineWithStore } from '../store/testing';
import { FilteredIndex, match } from './filter';

// A zone nine hours ahead of UTC all year: local and UTC times never share an hour.
const zone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Asia/Tokyo';
});
afterAll(() => {
  process.env.TZ = zone;
});

/** 03:04:05.006 UTC, 12:04:05.006 in Tokyo. */
const TIME = Date.UTC(2026, 11, 5, 3, 4, 5, 6);

/** A session's start at TIME, as the log holds it. */
function startedRow(): LogRow {
  const { run } = engineWithStore();
  const [event] = run({ verb: 'startSession', src: 'http://ors/a.scxml', session: 'S-1' });
  if (event === undefined) throw new Error('no event');
  return { kind: 'event', event: { ...event, time: TIME } };
}

describe('a time word in a query or the search box', () => {
  it('is read on UTC when the page shows UTC, and not on the local clock', () => {
    const row = startedRow();
    expect(match(row, { ...NO_FILTERS, query: '03:04' }, 'utc')).toBe(true);
    expect(match(row, { ...NO_FILTERS, query: '03:04:05.006' }, 'utc')).toBe(true);
    expect(match(row, { ...NO_FILTERS, query: '12:04' }, 'utc')).toBe(false);
    expect(match(row, { ...NO_FILTERS, text: '03:04' }, 'utc')).toBe(true);
    expect(match(row, { ...NO_FILTERS, text: '12:04' }, 'utc')).toBe(false);
  });

  it('is read on the local clock when the page shows local time, and not on UTC', () => {
    const row = startedRow();
    expect(match(row, { ...NO_FILTERS, query: '12:04' }, 'local')).toBe(true);
    expect(match(row, { ...NO_FILTERS, query: 'S-1 12:04:05' }, 'local')).toBe(true);
    expect(match(row, { ...NO_FILTERS, query: '03:04' }, 'local')).toBe(false);
    expect(match(row, { ...NO_FILTERS, text: '03:04' }, 'local')).toBe(false);
  });

  it('a relative display reads it on the local clock, the clock of its dates and tooltips', () => {
    expect(queryClockOf('relative')).toBe('local');
    expect(queryClockOf('local')).toBe('local');
    expect(queryClockOf('utc')).toBe('utc');
  });

  it('the log index filters again when the display changes clock', () => {
    const log = new LogBuffer();
    log.append(startedRow());
    const index = new FilteredIndex();
    const filters = { ...NO_FILTERS, query: '03:04' };
    index.update(log, filters, 'local');
    expect(index.length).toBe(0);
    index.update(log, filters, 'utc');
    expect(index.length).toBe(1);
  });
});
