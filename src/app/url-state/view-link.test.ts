import { describe, expect, it } from 'vitest';
import { ORIGINS } from '../../engine';
import { NO_FILTERS } from '../../store/state';
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
    const url = writeViewLink(start, { selection: null, at: null, filters: NO_FILTERS, viewport: null });
    expect([...url.searchParams.keys()]).toEqual(['engine', 'token', 'rate']);
  });

  it('names no view, and so no filters, when it has none of its parameters', () => {
    expect(read('?engine=http://127.0.0.1:3001&rate=50').link).toEqual({
      selection: null,
      at: null,
      viewport: null,
      filters: null,
    });
  });

  it('names its filters whole: one part of a view turns the filters it leaves out off', () => {
    expect(read('?sel=session:S-00001').link.filters).toEqual(NO_FILTERS);
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
