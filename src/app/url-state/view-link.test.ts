import { describe, expect, it } from 'vitest';
import { ORIGINS } from '../../engine';
import { NO_FILTERS } from '../../store/state';
import { DEFAULT_LIMITS, triageLimits } from '../../triage';
import { readViewLink, type ViewState, writeViewLink } from './view-link';

const read = (query: string) => {
  const problems: string[] = [];
  const link = readViewLink(new URL(`http://localhost:5173/${query}`).searchParams, problems);
  return { link, problems };
};

const VIEW: ViewState = {
  selection: { kind: 'interaction', id: '0000000000ABCDEF' },
  at: 1234,
  filters: {
    ...NO_FILTERS,
    names: ['interaction.owner.changed', 'error'],
    interaction: '0000000000ABCDEF',
    origin: 'drag',
    text: 'queue a&b',
    query: 'name:interaction.* AND NOT cause:traffic',
  },
  triage: triageLimits({ orphan: 1_500, 'ping-pong': 45_000 }),
  viewport: { x: -120.4, y: 33.6, zoom: 0.123456 },
};

describe('a view link', () => {
  it('reads back what was written, the viewport to whole pixels and four places of zoom', () => {
    const url = writeViewLink(new URL('http://localhost:5173/'), VIEW);
    expect(read(url.search)).toEqual({
      link: { ...VIEW, viewport: { x: -120, y: 34, zoom: 0.1235 } },
      problems: [],
    });
  });

  it("keeps the URL's other parameters and takes out the parts at their default", () => {
    const start = new URL(
      'http://localhost:5173/?engine=http://127.0.0.1:3001&token=op&rate=50&sel=session:S-1&at=9',
    );
    const url = writeViewLink(start, {
      selection: null,
      at: null,
      filters: NO_FILTERS,
      triage: DEFAULT_LIMITS,
      viewport: null,
    });
    expect([...url.searchParams.keys()]).toEqual(['engine', 'token', 'rate']);
  });

  it('names no view, and so no filters, when it has none of its parameters', () => {
    expect(read('?engine=http://127.0.0.1:3001&rate=50').link).toEqual({
      selection: null,
      at: null,
      viewport: null,
      filters: null,
      triage: null,
    });
  });

  it('names its filters whole: one part of a view turns the filters it leaves out off', () => {
    expect(read('?sel=session:S-00001').link.filters).toEqual(NO_FILTERS);
  });

  it('writes only the triage limits off their default, in seconds, and names them whole', () => {
    const url = writeViewLink(new URL('http://localhost:5173/'), VIEW);
    expect(url.searchParams.get('triage')).toBe('orphan:1.5,ping-pong:45');
    expect(read('?triage=waiting-unowned:90').link.triage).toEqual(
      triageLimits({ 'waiting-unowned': 90_000 }),
    );
    // A view without the parameter: the defaults, whatever the browser kept.
    expect(read('?sel=session:S-00001').link.triage).toEqual(DEFAULT_LIMITS);
  });

  it.each([
    ['a limit that is not a positive number', 'orphan:-3', "a limit for 'orphan' that is not a positive"],
    ['a limit with no seconds', 'orphan', "a limit for 'orphan' that is not a positive"],
    ['an unknown kind', 'orphan:5,lost:5', "the unknown kind 'lost'"],
    ['a kind twice', 'orphan:5,orphan:6', "'orphan' twice"],
  ])('refuses triage limits with %s, says why, and keeps the defaults and the rest', (_what, raw, why) => {
    const { link, problems } = read(`?triage=${raw}&cause=api`);
    expect(link.triage).toEqual(DEFAULT_LIMITS);
    expect(link.filters?.origin).toBe('api');
    expect(problems).toEqual([expect.stringContaining(why)]);
    expect(problems[0]).toMatch(/^triage must be kind:seconds .*; the default limits apply$/);
  });

  it('reports each bad value by name, leaves it out and keeps the rest', () => {
    const { link, problems } = read(
      '?sel=call:1&at=-3&view=1,2&event=interaction.added,bogus&cause=somebody&session=S-2',
    );
    expect(link).toEqual({
      selection: null,
      at: null,
      viewport: null,
      filters: { ...NO_FILTERS, names: ['interaction.added'], session: 'S-2' },
      triage: DEFAULT_LIMITS,
    });
    expect(problems).toEqual([
      "sel must be session:<id> or interaction:<g_uid>, got 'call:1'",
      "at must be a seq (a whole number from 0), got '-3'",
      "view must be x,y,zoom (zoom 0.01 to 2), got '1,2'",
      "event must name ORS events (or error), got 'bogus'",
      `cause must be one of ${ORIGINS.join(', ')}, got 'somebody'`,
    ]);
  });

  it('refuses a zoom the graph cannot show and a view that is not numbers', () => {
    expect(read('?view=0,0,5').problems).toHaveLength(1);
    expect(read('?view=a,0,1').problems).toHaveLength(1);
    expect(read('?view=,,1').problems).toHaveLength(1);
    expect(read('?view=10,-20,0.5').link.viewport).toEqual({ x: 10, y: -20, zoom: 0.5 });
  });
});
