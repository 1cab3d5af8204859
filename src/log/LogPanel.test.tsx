// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { InspectorProvider } from '../store/react';
import { engineWithStore } from '../store/testing';
import { LogPanel } from './LogPanel';

// happy-dom has no layout: give the log's scroll box a height so the row window (row-window.ts) draws rows.
const clientHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('log-scroll') ? 480 : 0;
    },
  });
});
afterAll(() => {
  if (clientHeight !== undefined) Object.defineProperty(HTMLElement.prototype, 'clientHeight', clientHeight);
});
afterEach(cleanup);

function renderLog() {
  const inspector = engineWithStore();
  render(
    <InspectorProvider value={{ store: inspector.store, connection: inspector.connection }}>
      <LogPanel />
    </InspectorProvider>,
  );
  const arrive = () => act(() => void inspector.run({ verb: 'arrive', media: 'TMediaVoice' }));
  return { ...inspector, arrive };
}

const rowSeqs = () => screen.queryAllByTestId('log-row').map((row) => Number(row.dataset.seq));
const badge = () => screen.queryByTestId('log-new-badge');

describe('LogPanel pause', () => {
  it('holds still while paused, counts every new row, filtered or not, and resumes to live', () => {
    const { store, arrive } = renderLog();
    arrive();
    expect(rowSeqs()).toEqual([1, 2, 3, 4, 5]);

    fireEvent.click(screen.getByTestId('log-pause'));
    expect(store.getState().follow).toBe(false);
    expect(badge()?.textContent).toBe('0 new events');

    arrive();
    expect(rowSeqs()).toEqual([1, 2, 3, 4, 5]);
    expect(badge()?.textContent).toBe('5 new events');

    // A filter that hides most new rows does not hide them from the count.
    act(() => store.getState().setFilters({ names: ['session.started'] }));
    arrive();
    expect(badge()?.textContent).toBe('10 new events');
    expect(badge()?.dataset.count).toBe('10');

    fireEvent.click(screen.getByTestId('log-new-badge'));
    expect(store.getState().follow).toBe(true);
    expect(badge()).toBeNull();
    expect(screen.getByTestId('log-pause')).toBeTruthy();
    expect(rowSeqs()).toEqual([2, 7, 12]);
  });

  it('resumes from the Resume button too', () => {
    const { store, arrive } = renderLog();
    fireEvent.click(screen.getByTestId('log-pause'));
    arrive();
    expect(rowSeqs()).toEqual([]);
    fireEvent.click(screen.getByTestId('log-resume'));
    expect(store.getState().follow).toBe(true);
    expect(rowSeqs()).toEqual([1, 2, 3, 4, 5]);
  });

  it('pauses when the user scrolls up', () => {
    const { store, arrive } = renderLog();
    arrive();
    fireEvent.wheel(document.querySelector('.log-scroll') as HTMLElement, { deltaY: -120 });
    expect(store.getState().follow).toBe(false);
    expect(screen.getByTestId('log-resume')).toBeTruthy();
  });
});

describe('LogPanel filters and selection', () => {
  it('counts what it shows, and Clear restores all', () => {
    const { arrive } = renderLog();
    arrive();
    arrive();
    expect(screen.getByTestId('log-count').textContent).toBe('showing 10 of 10');
    fireEvent.change(screen.getByTestId('log-filter-session'), { target: { value: 'S-00002' } });
    expect(screen.getByTestId('log-count').textContent).toBe('showing 4 of 10');
    fireEvent.change(screen.getByTestId('log-filter-origin'), { target: { value: 'drag' } });
    expect(screen.getByTestId('log-count').textContent).toBe('showing 0 of 10');
    fireEvent.click(screen.getByTestId('log-filter-clear'));
    expect(screen.getByTestId('log-count').textContent).toBe('showing 10 of 10');
  });

  it("a clicked row selects its interaction, keeps the user's filter and holds the row in view", () => {
    const { store, arrive } = renderLog();
    arrive();
    arrive();
    act(() => store.getState().setFilters({ names: ['interaction.created', 'session.started'] }));
    expect(rowSeqs()).toEqual([1, 2, 6, 7]);
    const row = screen.getAllByTestId('log-row').find((r) => r.dataset.seq === '6') as HTMLElement;
    fireEvent.click(row.querySelector('td') as HTMLElement);

    const g_uid = [...store.getState().model.interactions.keys()][1] as string;
    expect(store.getState().selection).toEqual({ kind: 'interaction', id: g_uid });
    expect(store.getState().filters).toMatchObject({
      names: ['interaction.created', 'session.started'],
      interaction: '',
      session: '',
    });
    expect(rowSeqs()).toEqual([1, 2, 6, 7]);
    expect(screen.getAllByTestId('log-row').find((r) => r.dataset.seq === '6')?.className).toContain(
      'is-selected',
    );
    // Paused, so that live rows do not carry it out of view.
    expect(store.getState().follow).toBe(false);

    // Deselecting (Escape) changes no filter either: the selection set none.
    act(() => store.getState().select(null));
    expect(rowSeqs()).toEqual([1, 2, 6, 7]);
  });

  it('a row without an interaction selects its session', () => {
    const { store, arrive } = renderLog();
    arrive();
    const started = screen.getAllByTestId('log-row').find((r) => r.dataset.name === 'session.started');
    fireEvent.click(started?.querySelector('td') as HTMLElement);
    expect(store.getState().selection).toEqual({ kind: 'session', id: 'S-00001' });
    expect(store.getState().filters.session).toBe('');
  });

  it('a node selected on the graph filters the log to it, and deselecting lifts that filter', () => {
    const { store, arrive } = renderLog();
    arrive();
    arrive();
    act(() => store.getState().select({ kind: 'session', id: 'S-00001' }));
    expect(store.getState().filters).toMatchObject({ session: 'S-00001', interaction: '' });
    expect(rowSeqs()).toEqual([2, 3, 4, 5]);

    act(() => store.getState().select(null));
    expect(store.getState().filters.session).toBe('');
    expect(rowSeqs()).toHaveLength(10);
  });

  it('says so when no row matches the filters, and offers to clear them', () => {
    const { store, arrive } = renderLog();
    expect(screen.queryByTestId('log-no-match')).toBeNull();
    arrive();
    expect(screen.queryByTestId('log-no-match')).toBeNull();
    fireEvent.change(screen.getByTestId('log-filter-session'), { target: { value: 'S-NONE' } });
    expect(screen.getByTestId('log-no-match').textContent).toContain('No event matches these filters');
    // A marker passes every filter, yet it is not a match.
    act(() => store.getState().addLogRow({ kind: 'marker', time: 0, seq: 5, text: 'resynced' }));
    expect(screen.getByTestId('log-no-match')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(screen.queryByTestId('log-no-match')).toBeNull();
    expect(rowSeqs()).toHaveLength(6);
  });
});

describe('LogPanel in the past', () => {
  it('shows the rows up to the seq on screen, hides those after it (live ones too), and all once Live', () => {
    const { store, arrive } = renderLog();
    arrive();
    arrive();
    act(() => store.getState().travelTo(3));
    expect(rowSeqs()).toEqual([1, 2, 3]);
    arrive();
    expect(rowSeqs()).toEqual([1, 2, 3]);
    act(() => store.getState().step('event', 1));
    expect(rowSeqs()).toEqual([1, 2, 3, 4]);
    act(() => store.getState().goLive());
    expect(rowSeqs()).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
  });
});
