import { describe, expect, it } from 'vitest';
import { Engine, type EngineEvent, pump, shortGuid, TrafficGenerator } from '../engine';
import { LogBuffer, type LogRow } from '../store/log-buffer';
import { type LogFilters, NO_FILTERS } from '../store/state';
import { T0 } from '../store/testing';
import { ERROR_NAME, FilteredIndex, hasFilters, match } from './filter';

/** Seeded traffic, a keyboard move, a refusal and a resync marker: every kind of row. */
function rows(events = 600): LogRow[] {
  const engine = new Engine({ clock: () => T0 });
  const out: LogRow[] = [];
  engine.subscribe((batch) => {
    for (const event of batch) out.push({ kind: 'event', event });
  });
  pump(engine, new TrafficGenerator({ seed: 7 }), events / 2);
  const owned = [...engine.state.interactions.values()].find((i) => i.owner !== null);
  const target = [...engine.state.sessions.values()].find(
    (s) => s.state === 'running' && s.id !== owned?.owner,
  );
  if (owned?.owner == null || target === undefined) throw new Error('traffic left nothing to move');
  engine.execute({
    verb: 'associate',
    session: owned.owner,
    interactionid: owned.g_uid,
    sessionid: target.id,
    origin: 'keyboard',
  });
  out.push({
    kind: 'error',
    time: T0,
    error: { code: 'invaliddestination', field: 'sessionid', reason: 'no session S-ZZZ', verb: 'associate' },
    session: target.id,
    interaction: owned.g_uid,
    origin: 'drag',
  });
  out.push({ kind: 'marker', time: T0, seq: engine.seq, text: 'resynced from a snapshot' });
  pump(engine, new TrafficGenerator({ seed: 8 }), events / 2);
  return out;
}

function bufferOf(all: readonly LogRow[], capacity?: number): LogBuffer {
  const log = new LogBuffer(capacity);
  for (const row of all) log.append(row);
  return log;
}

/** The index's rows, in order. */
function shown(index: FilteredIndex): LogRow[] {
  return Array.from({ length: index.length }, (_, i) => index.row(i) as LogRow);
}

const event = (row: LogRow): EngineEvent | null => (row.kind === 'event' ? row.event : null);
const ALL = rows();
const someSession = ALL.map(event).find((e) => e?.name === 'interaction.owner.changed')?.session as string;
const someInteraction = ALL.find((r) => r.kind === 'error')?.interaction as string;

const FILTERS: LogFilters[] = [
  NO_FILTERS,
  { ...NO_FILTERS, names: ['interaction.added', 'interaction.deleted'] },
  { ...NO_FILTERS, names: [ERROR_NAME] },
  { ...NO_FILTERS, session: someSession },
  { ...NO_FILTERS, interaction: someInteraction },
  { ...NO_FILTERS, interaction: someInteraction.slice(-6) },
  { ...NO_FILTERS, origin: 'keyboard' },
  { ...NO_FILTERS, text: 'resultof: associate' },
  { ...NO_FILTERS, names: ['interaction.owner.changed'], session: someSession, origin: 'traffic' },
  { ...NO_FILTERS, interaction: someInteraction, text: 'REFUSED' },
  { ...NO_FILTERS, query: 'name:interaction.* -origin:traffic OR seq:<40' },
];

describe('match', () => {
  it('combines filters: a row shows only if every filter that is set holds', () => {
    const filters = FILTERS[8] as LogFilters;
    const passed = ALL.filter((row) => match(row, filters));
    expect(passed.length).toBeGreaterThan(1);
    for (const row of passed) {
      if (row.kind === 'marker') continue;
      const e = event(row);
      expect(e?.name).toBe('interaction.owner.changed');
      expect(e?.cause.origin).toBe('traffic');
      if (e?.name === 'interaction.owner.changed') {
        expect([e.session, e.data.from, e.data.to]).toContain(someSession);
      }
    }
    // Each filter alone lets more through than all of them together.
    expect(ALL.filter((row) => match(row, { ...NO_FILTERS, session: someSession })).length).toBeGreaterThan(
      passed.length,
    );
  });

  it('finds refusals by the name "error", their origin, their interaction (full or short) and their text', () => {
    const error = ALL.find((r) => r.kind === 'error') as LogRow;
    expect(match(error, { ...NO_FILTERS, names: [ERROR_NAME] })).toBe(true);
    expect(match(error, { ...NO_FILTERS, names: ['interaction.added'] })).toBe(false);
    expect(match(error, { ...NO_FILTERS, origin: 'drag' })).toBe(true);
    expect(match(error, { ...NO_FILTERS, origin: 'traffic' })).toBe(false);
    expect(match(error, { ...NO_FILTERS, interaction: someInteraction.slice(-6) })).toBe(true);
    expect(match(error, { ...NO_FILTERS, text: 'associate REFUSED' })).toBe(true);
    expect(match(error, { ...NO_FILTERS, text: 'no session s-zzz' })).toBe(true);
  });

  it('searches the cells a user sees, the time included', () => {
    const first = ALL.find((r) => r.kind === 'event') as LogRow;
    const time = new Date(T0);
    const clock = `${String(time.getHours()).padStart(2, '0')}:${String(time.getMinutes()).padStart(2, '0')}`;
    expect(match(first, { ...NO_FILTERS, text: clock })).toBe(true);
    expect(match(first, { ...NO_FILTERS, text: 'no such text anywhere' })).toBe(false);
  });

  it('always shows markers: they mark a seam in whatever is shown', () => {
    const marker = ALL.find((r) => r.kind === 'marker') as LogRow;
    for (const filters of FILTERS) expect(match(marker, filters)).toBe(true);
  });
});

describe('the strategy filter', () => {
  it('shows only the rows a named strategy made', () => {
    const engine = new Engine({ clock: () => T0 });
    const out: LogRow[] = [];
    engine.subscribe((batch) => {
      for (const event of batch) out.push({ kind: 'event', event });
    });
    engine.execute({ verb: 'arrive', media: 'TMediaVoice', session: 'S-1', g_uid: 'G1' });
    engine.execute({ verb: 'arrive', media: 'TMediaVoice', session: 'S-2', g_uid: 'G2' });
    const made = (session: string, strategy: string) => ({
      strategy,
      session,
      state: 'a',
      within: 'transition',
      element: 'ixn:detach',
      line: 3,
    });
    const ok = (result: { ok: boolean }) => expect(result.ok).toBe(true);
    ok(
      engine.execute({
        verb: 'detach',
        session: 'S-1',
        interactionid: 'G1',
        origin: 'strategy',
        strategy: made('S-1', 'greet'),
      }),
    );
    ok(
      engine.execute({
        verb: 'detach',
        session: 'S-2',
        interactionid: 'G2',
        origin: 'strategy',
        strategy: made('S-2', 'transfer'),
      }),
    );
    const shown = out.filter((row) => match(row, { ...NO_FILTERS, strategy: 'greet' }));
    expect(shown.map((row) => (row.kind === 'event' ? [row.event.name, row.event.session] : []))).toEqual([
      ['interaction.owner.changed', 'S-1'],
      ['interaction.deleted', 'S-1'],
      ['interaction.detach.done', 'S-1'],
    ]);
    // The query's strategy: and cause: read the same cause.
    expect(out.filter((row) => match(row, { ...NO_FILTERS, query: 'strategy:greet' }))).toEqual(shown);
    expect(out.filter((row) => match(row, { ...NO_FILTERS, query: 'cause:greet' }))).toEqual(shown);
    expect(out.filter((row) => match(row, { ...NO_FILTERS, query: 'cause:ixn:detach' })).length).toBe(6);
  });
});

describe('the query', () => {
  const passed = (query: string, filters: LogFilters = NO_FILTERS) =>
    ALL.filter((row) => row.kind !== 'marker' && match(row, { ...filters, query }));

  it('ANDs with the other filters: a row shows only if both hold', () => {
    const both = passed('name:interaction.owner.changed', { ...NO_FILTERS, origin: 'traffic' });
    const query = passed('name:interaction.owner.changed');
    expect(both.length).toBeGreaterThan(0);
    expect(both.length).toBeLessThan(query.length);
    expect(both).toEqual(query.filter((row) => event(row)?.cause.origin === 'traffic'));
  });

  it("session: takes the rows the session's filter takes, an owner change's from and to included", () => {
    expect(passed(`session:${someSession}`)).toEqual(passed('', { ...NO_FILTERS, session: someSession }));
  });

  it('interaction: the short form the log shows finds the rows of the full g_uid', () => {
    const full = passed(`interaction:${someInteraction}`);
    expect(full.length).toBeGreaterThan(1);
    expect(passed(`interaction:${shortGuid(someInteraction).toLowerCase()}`)).toEqual(full);
  });

  it('a refusal answers to name:error, the name the log shows and its error as data', () => {
    const error = ALL.find((r) => r.kind === 'error');
    expect(passed('name:error')).toEqual([error]);
    expect(passed('name:"associate refused"')).toEqual([error]);
    expect(passed('data.code:invaliddestination')).toEqual([error]);
    expect(passed('cause:drag name:error')).toEqual([error]);
  });

  it('data.<key> reads the event data the row holds', () => {
    const done = ALL.map(event).find((e) => e?.name === 'interaction.associate.done');
    if (done?.name !== 'interaction.associate.done') throw new Error('no associate in the rows');
    expect(passed(`data.requestid:${done.data.requestid}`).map(event)).toEqual([done]);
  });

  it('seq ranges count the journal seq', () => {
    const rows = passed('seq:10..19').map(event);
    expect(rows.map((e) => e?.seq)).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
  });

  it('a query that does not parse filters nothing', () => {
    expect(passed('name:interaction.* OR')).toEqual(passed(''));
    expect(hasFilters({ ...NO_FILTERS, query: ' ' })).toBe(false);
    expect(hasFilters({ ...NO_FILTERS, query: 'seq:1' })).toBe(true);
  });

  it("a changed query recomputes the index (the same other filters are not 'the same filters')", () => {
    const log = bufferOf(ALL);
    const index = new FilteredIndex();
    index.update(log, { ...NO_FILTERS, query: 'origin:keyboard' });
    const keyboard = index.length;
    index.update(log, { ...NO_FILTERS, query: 'origin:traffic' });
    expect(index.length).toBeGreaterThan(keyboard);
    expect(shown(index)).toEqual(ALL.filter((row) => match(row, { ...NO_FILTERS, query: 'origin:traffic' })));
  });
});

describe('FilteredIndex', () => {
  it('shows every row with no filter, and clearing the filters restores all', () => {
    const log = bufferOf(ALL);
    const index = new FilteredIndex();
    index.update(log, NO_FILTERS);
    expect(shown(index)).toEqual(ALL);
    index.update(log, FILTERS[8] as LogFilters);
    expect(index.length).toBeLessThan(ALL.length);
    index.update(log, { ...NO_FILTERS });
    expect(shown(index)).toEqual(ALL);
  });

  it.each(FILTERS.map((f) => [JSON.stringify(f), f] as const))(
    'appending in batches gives what a full recompute gives: %s',
    (_, filters) => {
      const log = new LogBuffer();
      const incremental = new FilteredIndex();
      for (let i = 0; i < ALL.length; i += 37) {
        for (const row of ALL.slice(i, i + 37)) log.append(row);
        incremental.update(log, { ...filters });
      }
      const full = new FilteredIndex();
      full.update(log, filters);
      expect(shown(incremental)).toEqual(shown(full));
      expect(shown(full)).toEqual(ALL.filter((row) => match(row, filters)));
    },
  );

  it('keeps up when the buffer drops its oldest rows, counting what it shed (a query read from the code columns too)', () => {
    const filters = { ...NO_FILTERS, names: ['interaction.added'] };
    // Name and session tests read the log's code columns, which drop their front with the rows.
    const coded = {
      ...NO_FILTERS,
      query: `(name:interaction.added OR name:error OR name:interaction.owner.changed) -session:${someSession}`,
    };
    for (const f of [NO_FILTERS, filters, coded]) {
      const log = new LogBuffer(100);
      const index = new FilteredIndex();
      for (let i = 0; i < ALL.length; i += 25) {
        for (const row of ALL.slice(i, i + 25)) log.append(row);
        index.update(log, f);
      }
      expect(log.dropped).toBeGreaterThan(0);
      const held = ALL.slice(log.dropped);
      expect(shown(index)).toEqual(held.filter((row) => match(row, f)));
      expect(index.shed).toBe(ALL.slice(0, log.dropped).filter((row) => match(row, f)).length);
      expect(index.absolute(0)).toBeGreaterThanOrEqual(log.dropped);
    }
  });

  it("a name query reads the log's name column, not each row's event: a name is read once, as the row arrives", () => {
    let reads = 0;
    const counted = ALL.map((row): LogRow => {
      if (row.kind !== 'event') return row;
      const event = Object.create(row.event, {
        name: {
          get: () => {
            reads++;
            return row.event.name;
          },
          enumerable: true,
        },
      }) as EngineEvent;
      return { kind: 'event', event };
    });
    const log = bufferOf(counted);
    expect(reads).toBe(counted.filter((row) => row.kind === 'event').length);
    reads = 0;
    const query = { ...NO_FILTERS, query: 'name:interaction.owner.changed' };
    const index = new FilteredIndex();
    index.update(log, query);
    expect(reads).toBe(0);
    expect(index.length).toBe(ALL.filter((row) => match(row, query)).length);
    expect(index.length).toBeGreaterThan(1);
  });

  it('counts the rows older than a pause point, for a paused view', () => {
    const log = bufferOf(ALL);
    const filters = FILTERS[1] as LogFilters;
    const index = new FilteredIndex();
    index.update(log, filters);
    const pausedAt = 300;
    expect(index.countBefore(pausedAt)).toBe(ALL.slice(0, pausedAt).filter((r) => match(r, filters)).length);
    index.update(log, NO_FILTERS);
    expect(index.countBefore(pausedAt)).toBe(pausedAt);
  });
});
