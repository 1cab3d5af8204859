import { describe, expect, it } from 'vitest';
import { readDeepLink } from './deep-link';

const read = (query: string) => readDeepLink(new URL(`http://localhost:5173/${query}`));

describe('readDeepLink', () => {
  it('defaults to the in-browser engine with no traffic change', () => {
    expect(read('')).toEqual({
      engine: null,
      token: null,
      traffic: {},
      view: { selection: null, at: null, viewport: null, filters: null, triage: null },
      problems: [],
    });
  });

  it('reads a remote engine, its token and the traffic settings', () => {
    expect(read('?engine=http://127.0.0.1:3001/&token=op&rate=1000&sessions=400&seed=7&traffic=off')).toEqual(
      {
        engine: 'http://127.0.0.1:3001',
        token: 'op',
        traffic: { rate: 1000, sessions: 400, seed: 7, running: false },
        view: { selection: null, at: null, viewport: null, filters: null, triage: null },
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

  it('reads the view beside the engine and traffic, its bad values reported with theirs', () => {
    const link = read('?engine=http://127.0.0.1:3001&sessions=40&sel=session:S-00002&view=5,6,0.5&at=x');
    expect(link.engine).toBe('http://127.0.0.1:3001');
    expect(link.traffic).toEqual({ sessions: 40 });
    expect(link.view.selection).toEqual({ kind: 'session', id: 'S-00002' });
    expect(link.view.viewport).toEqual({ x: 5, y: 6, zoom: 0.5 });
    expect(link.problems).toEqual(["at must be a seq (a whole number from 0), got 'x'"]);
  });
});
