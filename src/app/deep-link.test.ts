import { describe, expect, it } from 'vitest';
import { readDeepLink } from './deep-link';

const read = (query: string) => readDeepLink(new URL(`http://localhost:5173/${query}`));

describe('readDeepLink', () => {
  it('defaults to the in-browser engine with no traffic change', () => {
    expect(read('')).toEqual({ engine: null, token: null, traffic: {}, problems: [] });
  });

  it('reads a remote engine, its token and the traffic settings', () => {
    expect(read('?engine=http://127.0.0.1:3001/&token=op&rate=1000&sessions=400&seed=7&traffic=off')).toEqual(
      {
        engine: 'http://127.0.0.1:3001',
        token: 'op',
        traffic: { rate: 1000, sessions: 400, seed: 7, running: false },
        problems: [],
      },
    );
  });

  it('reports bad values by name and leaves them out', () => {
    const link = read('?engine=ftp://x&rate=0&sessions=abc&traffic=maybe');
    expect(link.engine).toBeNull();
    expect(link.traffic).toEqual({});
    expect(link.problems).toEqual([
      "rate must be a whole number from 1 to 10000, got '0'",
      "sessions must be a whole number from 1 to 5000, got 'abc'",
      "traffic must be on or off, got 'maybe'",
      "engine must be an http(s) URL, got 'ftp://x'",
    ]);
  });
});
