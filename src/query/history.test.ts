import { describe, expect, it } from 'vitest';
import { PAST_QUERIES, rememberQuery } from './history';

describe('rememberQuery', () => {
  it('puts the newest first', () => {
    expect(rememberQuery(['b', 'a'], 'c')).toEqual(['c', 'b', 'a']);
  });

  it('keeps one copy of a query used again, moved to the front', () => {
    expect(rememberQuery(['b', 'a', 'c'], 'a')).toEqual(['a', 'b', 'c']);
  });

  it('trims the query, so the same query with spaces around is one', () => {
    expect(rememberQuery(['origin:drag'], '  origin:drag ')).toEqual(['origin:drag']);
  });

  it('keeps only the newest 20', () => {
    const past = Array.from({ length: PAST_QUERIES }, (_, i) => `seq:${i}`);
    const next = rememberQuery(past, 'name:x');
    expect(PAST_QUERIES).toBe(20);
    expect(next).toHaveLength(20);
    expect(next[0]).toBe('name:x');
    expect(next).not.toContain(`seq:${PAST_QUERIES - 1}`);
  });

  it('does not remember a blank query', () => {
    expect(rememberQuery(['a'], '   ')).toEqual(['a']);
  });
});
