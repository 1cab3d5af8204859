import { describe, expect, it } from 'vitest';
import type { QueryNode } from './ast';
import { parseQuery } from './parser';

function root(source: string): QueryNode | null {
  const parsed = parseQuery(source);
  if (!parsed.ok) throw new Error(`did not parse: ${parsed.error.message}`);
  return parsed.query.root;
}

/** The error's message and the text it marks. */
function failure(source: string): { message: string; marked: string; offset: number } {
  const parsed = parseQuery(source);
  if (parsed.ok) throw new Error(`parsed: ${source}`);
  const { message, offset, length } = parsed.error;
  expect(parsed.error.name).toBe('QuerySyntaxError');
  expect(length).toBeGreaterThan(0);
  return { message, marked: source.slice(offset, offset + length), offset };
}

const exact = (text: string) => ({ kind: 'exact', text });

describe('parseQuery: terms', () => {
  it('an empty or blank query has no root: every row passes', () => {
    expect(root('')).toBeNull();
    expect(root('   ')).toBeNull();
  });

  it('a bare word is a text term; a quoted string keeps its spaces and takes \\" and \\\\', () => {
    expect(root('redirect')).toEqual({ kind: 'text', text: 'redirect' });
    expect(root('"two words"')).toEqual({ kind: 'text', text: 'two words' });
    expect(root('"say \\"hi\\" \\\\ bye"')).toEqual({ kind: 'text', text: 'say "hi" \\ bye' });
  });

  it('field:value, the field name in any case, the value quoted or not', () => {
    expect(root('name:interaction.added')).toEqual({
      kind: 'field',
      field: 'name',
      value: exact('interaction.added'),
    });
    expect(root('Session:S-0001A')).toEqual({ kind: 'field', field: 'session', value: exact('S-0001A') });
    expect(root('cause:"ixn:redirect"')).toEqual({
      kind: 'field',
      field: 'cause',
      value: exact('ixn:redirect'),
    });
  });

  it('a value may hold colons (the value runs to the next space)', () => {
    expect(root('strategy:a:b')).toEqual({ kind: 'field', field: 'strategy', value: exact('a:b') });
  });

  it('a trailing * makes a prefix; * alone is any value; in quotes * is a character', () => {
    expect(root('name:interaction.*')).toEqual({
      kind: 'field',
      field: 'name',
      value: { kind: 'prefix', text: 'interaction.' },
    });
    expect(root('data.requestid:*')).toEqual({
      kind: 'data',
      path: ['requestid'],
      value: { kind: 'prefix', text: '' },
    });
    expect(root('name:"a*"')).toEqual({ kind: 'field', field: 'name', value: exact('a*') });
  });

  it('data.<key> takes a path of keys, kept in their case', () => {
    expect(root('data.resource.address:Agent1')).toEqual({
      kind: 'data',
      path: ['resource', 'address'],
      value: exact('Agent1'),
    });
  });

  it('seq: a number, a range, open ranges and comparisons, all inclusive bounds', () => {
    const range = (source: string) => {
      const node = root(source);
      return node?.kind === 'seq' ? node.range : null;
    };
    expect(range('seq:42')).toEqual({ min: 42, max: 42 });
    expect(range('seq:100..200')).toEqual({ min: 100, max: 200 });
    expect(range('seq:100..')).toEqual({ min: 100, max: Number.POSITIVE_INFINITY });
    expect(range('seq:..200')).toEqual({ min: Number.NEGATIVE_INFINITY, max: 200 });
    expect(range('seq:>500')).toEqual({ min: 501, max: Number.POSITIVE_INFINITY });
    expect(range('seq:>=500')).toEqual({ min: 500, max: Number.POSITIVE_INFINITY });
    expect(range('seq:<500')).toEqual({ min: Number.NEGATIVE_INFINITY, max: 499 });
    expect(range('seq:<=500')).toEqual({ min: Number.NEGATIVE_INFINITY, max: 500 });
  });
});

describe('parseQuery: operators', () => {
  const a = { kind: 'text', text: 'a' };
  const b = { kind: 'text', text: 'b' };
  const c = { kind: 'text', text: 'c' };

  it('adjacent terms are ANDed; AND may be written', () => {
    expect(root('a b')).toEqual({ kind: 'and', items: [a, b] });
    expect(root('a AND b')).toEqual({ kind: 'and', items: [a, b] });
  });

  it('OR binds looser than AND', () => {
    expect(root('a b OR c')).toEqual({ kind: 'or', items: [{ kind: 'and', items: [a, b] }, c] });
  });

  it('parentheses group', () => {
    expect(root('a (b OR c)')).toEqual({ kind: 'and', items: [a, { kind: 'or', items: [b, c] }] });
  });

  it('NOT and a leading - negate the term that follows', () => {
    expect(root('NOT a')).toEqual({ kind: 'not', item: a });
    expect(root('-a')).toEqual({ kind: 'not', item: a });
    expect(root('-name:x b')).toEqual({
      kind: 'and',
      items: [{ kind: 'not', item: { kind: 'field', field: 'name', value: exact('x') } }, b],
    });
    expect(root('-(a OR b)')).toEqual({ kind: 'not', item: { kind: 'or', items: [a, b] } });
  });

  it('a hyphen inside a word is part of it; keywords only in capitals', () => {
    expect(root('S-0001A')).toEqual({ kind: 'text', text: 'S-0001A' });
    expect(root('a or b')).toEqual({ kind: 'and', items: [a, { kind: 'text', text: 'or' }, b] });
  });
});

describe('parseQuery: syntax errors say where and what was expected', () => {
  it('an unclosed quote marks the quote onwards', () => {
    expect(failure('name:x "open')).toEqual({
      message: 'expected a closing " for this quote',
      marked: '"open',
      offset: 7,
    });
  });

  it('an unclosed ( marks the (', () => {
    expect(failure('a (b OR c')).toMatchObject({
      marked: '(',
      offset: 2,
      message: expect.stringMatching(/expected a \)/),
    });
  });

  it('a ) with no ( marks the )', () => {
    expect(failure('a b) c')).toMatchObject({
      marked: ')',
      offset: 3,
      message: expect.stringMatching(/expected a \(/),
    });
  });

  it('empty parentheses', () => {
    expect(failure('a ()')).toMatchObject({ marked: ')', message: 'expected a term inside ( )' });
  });

  it('OR with nothing after it marks the OR', () => {
    expect(failure('name:x OR')).toMatchObject({
      marked: 'OR',
      offset: 7,
      message: 'expected a term after OR, found the end of the query',
    });
  });

  it('OR or AND with nothing before it', () => {
    expect(failure('OR a')).toMatchObject({ marked: 'OR', message: 'expected a term before OR' });
    expect(failure('(AND a)')).toMatchObject({ marked: 'AND', message: 'expected a term before AND' });
  });

  it('two operators in a row mark the second', () => {
    expect(failure('a OR OR b')).toMatchObject({
      marked: 'OR',
      offset: 5,
      message: 'expected a term after OR, found OR',
    });
  });

  it('NOT at the end', () => {
    expect(failure('a NOT')).toMatchObject({ marked: 'NOT', message: expect.stringMatching(/after NOT/) });
  });

  it('a - apart from its term', () => {
    expect(failure('a - b')).toMatchObject({
      marked: '-',
      offset: 2,
      message: expect.stringMatching(/right after -/),
    });
  });

  it('an unknown field names the fields there are and how to search for the text', () => {
    const { message, marked } = failure('name:x ixn:redirect');
    expect(marked).toBe('ixn:');
    expect(message).toContain('unknown field "ixn"');
    expect(message).toContain('name, session, interaction, cause, origin, strategy, seq or data.<key>');
    expect(message).toContain('quotes');
  });

  it('a field with no value right after the colon', () => {
    expect(failure('session: S-1')).toMatchObject({
      marked: 'session:',
      message: expect.stringMatching(/value right after session:/),
    });
    expect(failure('session:')).toMatchObject({ marked: 'session:' });
    expect(failure('name:""')).toMatchObject({ marked: '""', message: 'expected a value inside the quotes' });
  });

  it('a * inside a value marks the *', () => {
    expect(failure('name:inter*action')).toMatchObject({
      marked: '*',
      offset: 10,
      message: expect.stringMatching(/only at the end/),
    });
  });

  it('data. with an empty key', () => {
    expect(failure('data.:x')).toMatchObject({
      marked: 'data.:',
      message: expect.stringMatching(/key after each "\."/),
    });
    expect(failure('data.a..b:x')).toMatchObject({ marked: 'data.a..b:' });
  });

  it('an unknown origin lists the origins', () => {
    expect(failure('origin:trafic')).toMatchObject({
      marked: 'trafic',
      message:
        'unknown origin "trafic": expected one of traffic, drag, keyboard, api, replay, housekeeping, strategy',
    });
    expect(root('origin:tra*')).toEqual({
      kind: 'field',
      field: 'origin',
      value: { kind: 'prefix', text: 'tra' },
    });
  });

  it('a seq that is not a number, a range or a comparison', () => {
    for (const bad of ['seq:abc', 'seq:1..x', 'seq:>', 'seq:..', 'seq:-5', 'seq:1.5']) {
      const { message, marked } = failure(bad);
      expect(marked, bad).toBe(bad.slice('seq:'.length));
      expect(message, bad).toMatch(/expected a seq number, a range such as 100..200, or a comparison/);
    }
  });

  it('a seq range whose first bound passes its last', () => {
    expect(failure('seq:200..100')).toMatchObject({
      marked: '200..100',
      message: expect.stringMatching(/holds no seq/),
    });
  });
});
