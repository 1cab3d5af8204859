import { describe, expect, it } from 'vitest';
import { compileQuery } from './compile';
import { parseQuery } from './parser';
import type { RowReader } from './row';

/** A row as plain facts: what the reader below hands to the query. */
interface Row {
  readonly id: string;
  readonly name: string;
  readonly sessions: readonly string[];
  readonly interaction: string | null;
  readonly origin: string;
  readonly verb: string;
  readonly strategy: string | null;
  readonly seq: number;
  readonly data: unknown;
  readonly text: string;
}

const reader: RowReader<Row> = {
  someName: (row, test) => test(row.name),
  someSession: (row, test) => row.sessions.some(test),
  interaction: (row) => row.interaction,
  origin: (row) => row.origin,
  someCause: (row, test) =>
    test(row.origin) || test(row.verb) || (row.strategy !== null && test(row.strategy)),
  strategy: (row) => row.strategy,
  seq: (row) => row.seq,
  data: (row) => row.data,
  someText: (row, test) => test(row.text),
};

const ROWS: readonly Row[] = [
  {
    id: 'added',
    name: 'interaction.added',
    sessions: ['S-0001A'],
    interaction: '0000000000000ABC12',
    origin: 'traffic',
    verb: 'arrive',
    strategy: null,
    seq: 100,
    data: { interactionid: '0000000000000ABC12' },
    text: 'interaction.added S-0001A ABC12',
  },
  {
    id: 'moved',
    name: 'interaction.owner.changed',
    sessions: ['S-0001A', 'S-0002B'],
    interaction: '0000000000000ABC12',
    origin: 'drag',
    verb: 'associate',
    strategy: null,
    seq: 150,
    data: { from: 'S-0001A', to: 'S-0002B', via: 'associate' },
    text: 'from S-0001A to S-0002B via associate',
  },
  {
    id: 'done',
    name: 'interaction.redirect.done',
    sessions: ['S-0002B'],
    interaction: '0000000000000DEF34',
    origin: 'strategy',
    verb: 'redirect',
    strategy: 'greet',
    seq: 300,
    data: { requestid: 'R12', resource: { address: 'Agent1' }, attempts: 2, urgent: true },
    text: 'requestid R12 · to Agent1',
  },
  {
    id: 'udata',
    name: 'interaction.udata.changed',
    sessions: ['S-0003C'],
    interaction: '0000000000000DEF34',
    origin: 'api',
    verb: 'udata',
    strategy: null,
    seq: 600,
    data: { changed: ['Language', 'Segment'], deleted: [] },
    text: 'set Language, Segment',
  },
];

/** The ids of the rows the query passes. */
function passes(source: string): string[] {
  const parsed = parseQuery(source);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const test = compileQuery(parsed.query, reader, 'local');
  return ROWS.filter(test).map((row) => row.id);
}

describe('compileQuery: fields', () => {
  it('the empty query passes every row', () => {
    expect(passes('')).toEqual(['added', 'moved', 'done', 'udata']);
  });

  it('name: the whole name, ignoring case; a trailing * a prefix', () => {
    expect(passes('name:interaction.added')).toEqual(['added']);
    expect(passes('name:INTERACTION.ADDED')).toEqual(['added']);
    expect(passes('name:interaction')).toEqual([]);
    expect(passes('name:interaction.*')).toEqual(['added', 'moved', 'done', 'udata']);
    expect(passes('name:interaction.u*')).toEqual(['udata']);
  });

  it('session: any session the row concerns (both ends of a move), the full id or its end', () => {
    expect(passes('session:S-0002B')).toEqual(['moved', 'done']);
    expect(passes('session:s-0002b')).toEqual(['moved', 'done']);
    expect(passes('session:0002B')).toEqual(['moved', 'done']);
    expect(passes('session:S-000*')).toEqual(['added', 'moved', 'done', 'udata']);
    expect(passes('session:S-0002')).toEqual([]);
  });

  it('interaction: the full g_uid, or the short form the page shows (its last six), ignoring case', () => {
    expect(passes('interaction:0000000000000ABC12')).toEqual(['added', 'moved']);
    expect(passes('interaction:0ABC12')).toEqual(['added', 'moved']);
    expect(passes('interaction:0def34')).toEqual(['done', 'udata']);
    expect(passes('interaction:0ABC1')).toEqual([]);
  });

  it('cause: the origin, the verb or the strategy', () => {
    expect(passes('cause:associate')).toEqual(['moved']);
    expect(passes('cause:greet')).toEqual(['done']);
    expect(passes('cause:api')).toEqual(['udata']);
  });

  it('origin: only who made it', () => {
    expect(passes('origin:drag')).toEqual(['moved']);
    expect(passes('origin:strategy')).toEqual(['done']);
  });

  it('strategy: only a strategy command', () => {
    expect(passes('strategy:greet')).toEqual(['done']);
    expect(passes('strategy:*')).toEqual(['done']);
  });

  it('seq: a number, ranges and comparisons, bounds included', () => {
    expect(passes('seq:150')).toEqual(['moved']);
    expect(passes('seq:100..300')).toEqual(['added', 'moved', 'done']);
    expect(passes('seq:>300')).toEqual(['udata']);
    expect(passes('seq:>=300')).toEqual(['done', 'udata']);
    expect(passes('seq:<150')).toEqual(['added']);
    expect(passes('seq:..150')).toEqual(['added', 'moved']);
  });

  it('data.<key>: a string, number or boolean as text; a list when an item matches; a nested path', () => {
    expect(passes('data.requestid:R12')).toEqual(['done']);
    expect(passes('data.requestid:r1')).toEqual([]);
    expect(passes('data.requestid:r1*')).toEqual(['done']);
    expect(passes('data.to:S-0002B')).toEqual(['moved']);
    expect(passes('data.attempts:2')).toEqual(['done']);
    expect(passes('data.urgent:true')).toEqual(['done']);
    expect(passes('data.changed:segment')).toEqual(['udata']);
    expect(passes('data.resource.address:agent1')).toEqual(['done']);
  });

  it('data.<key>:* asks only that the key be there; an object matches no text', () => {
    expect(passes('data.resource:*')).toEqual(['done']);
    expect(passes('data.resource:agent1')).toEqual([]);
    expect(passes('data.toString:*')).toEqual([]);
  });

  it('a bare word or phrase: in the row text, ignoring case', () => {
    expect(passes('agent1')).toEqual(['done']);
    expect(passes('"to S-0002B"')).toEqual(['moved']);
    expect(passes('"to  S-0002B"')).toEqual([]);
  });
});

describe('compileQuery: operators', () => {
  it('implicit AND: every term must hold', () => {
    expect(passes('session:S-0001A name:interaction.owner.changed')).toEqual(['moved']);
  });

  it('OR: either holds', () => {
    expect(passes('origin:drag OR origin:api')).toEqual(['moved', 'udata']);
  });

  it('- and NOT: the term must not hold', () => {
    expect(passes('-origin:traffic')).toEqual(['moved', 'done', 'udata']);
    expect(passes('NOT origin:traffic')).toEqual(['moved', 'done', 'udata']);
    expect(passes('NOT NOT origin:traffic')).toEqual(['added']);
  });

  it('parentheses: OR within AND', () => {
    expect(passes('interaction:0ABC12 (origin:drag OR seq:>500)')).toEqual(['moved']);
    expect(passes('(interaction:0ABC12 OR origin:api) -name:interaction.added')).toEqual(['moved', 'udata']);
  });

  it('OR of one field among others: each alternative counts', () => {
    expect(passes('name:interaction.added OR seq:600 OR name:interaction.redirect.done')).toEqual([
      'added',
      'done',
      'udata',
    ]);
    expect(passes('session:0001A OR session:S-0003C OR origin:strategy')).toEqual([
      'added',
      'moved',
      'done',
      'udata',
    ]);
  });

  it('OR of three and AND of three', () => {
    expect(passes('seq:100 OR seq:150 OR seq:600')).toEqual(['added', 'moved', 'udata']);
    expect(passes('name:interaction.* -origin:api -origin:traffic')).toEqual(['moved', 'done']);
  });
});

describe('compileQuery: many distinct values', () => {
  it('answers alike past the values it remembers (strategy: over 5,000 names)', () => {
    const rows = Array.from({ length: 5_000 }, (_, i) => ({
      ...(ROWS[2] as Row),
      id: `s${i}`,
      strategy: `s${i}`,
    }));
    const parsed = parseQuery('strategy:s4999 OR strategy:S1');
    if (!parsed.ok) throw new Error(parsed.error.message);
    const test = compileQuery(parsed.query, reader, 'local');
    // Twice over: the second pass reads what the first remembered.
    for (let pass = 0; pass < 2; pass++)
      expect(rows.filter(test).map((row) => row.id)).toEqual(['s1', 's4999']);
  });
});
