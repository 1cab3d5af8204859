// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { InspectorProvider } from '../store/react';
import { engineWithStore } from '../store/testing';
import { PAST_QUERIES_KEY } from './past-queries';
import { QueryBox } from './QueryBox';

afterEach(() => {
  cleanup();
  localStorage.clear();
});

function renderBox() {
  const inspector = engineWithStore();
  render(
    <InspectorProvider value={{ store: inspector.store, connection: inspector.connection }}>
      <QueryBox />
    </InspectorProvider>,
  );
  const box = screen.getByTestId<HTMLInputElement>('log-filter-query');
  const type = (text: string) => fireEvent.change(box, { target: { value: text } });
  const enter = () => fireEvent.keyDown(box, { key: 'Enter' });
  const applied = () => inspector.store.getState().filters.query;
  const offered = () => [...(box.list?.options ?? [])].map((option) => option.value);
  return { ...inspector, box, type, enter, applied, offered };
}

describe('QueryBox', () => {
  it('applies a valid query once typing pauses', async () => {
    const { type, applied } = renderBox();
    type('origin:drag');
    expect(applied()).toBe('');
    await waitFor(() => expect(applied()).toBe('origin:drag'));
  });

  it('shows a syntax error under the box, its part marked, and keeps the last valid query applied', () => {
    const { box, type, enter, applied } = renderBox();
    type('origin:drag');
    enter();
    type('origin:drag OR');
    enter();
    expect(applied()).toBe('origin:drag');
    const error = screen.getByTestId('log-query-error');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(box.getAttribute('aria-describedby')).toBe(error.id);
    expect(error.querySelector('mark')?.textContent).toBe('OR');
    expect(error.dataset.offset).toBe('12');
    expect(error.textContent).toContain('expected a term after OR');
    expect(error.textContent).toContain('The last valid query still applies.');

    type('origin:drag OR origin:api');
    enter();
    expect(screen.queryByTestId('log-query-error')).toBeNull();
    expect(box.getAttribute('aria-invalid')).toBe('false');
    expect(applied()).toBe('origin:drag OR origin:api');
  });

  it('says that no query applies when none valid was given', () => {
    const { type, enter, applied } = renderBox();
    type('(name:x');
    enter();
    expect(applied()).toBe('');
    expect(screen.getByTestId('log-query-error').textContent).toContain('No query applies.');
  });

  it('a query that does not parse from elsewhere (a hand-edited link) shows its error and applies nothing', () => {
    const { store, box } = renderBox();
    act(() => store.getState().setFilters({ query: 'seq:abc' }));
    expect(box.value).toBe('seq:abc');
    const error = screen.getByTestId('log-query-error');
    expect(error.querySelector('mark')?.textContent).toBe('abc');
    expect(error.textContent).toContain('No query applies.');
  });

  it('remembers valid queries, newest first and once each, and offers them', () => {
    const { type, enter, offered } = renderBox();
    for (const q of ['origin:drag', 'seq:>5', 'origin:drag', 'bad OR']) {
      type(q);
      enter();
    }
    expect(offered()).toEqual(['origin:drag', 'seq:>5']);
    expect(JSON.parse(localStorage.getItem(PAST_QUERIES_KEY) ?? 'null')).toEqual(['origin:drag', 'seq:>5']);
  });

  it('offers the queries the browser kept, and ignores what is not a list of queries', () => {
    localStorage.setItem(PAST_QUERIES_KEY, JSON.stringify(['name:session.*']));
    expect(renderBox().offered()).toEqual(['name:session.*']);
    cleanup();
    localStorage.setItem(PAST_QUERIES_KEY, '{"not": "a list"}');
    expect(renderBox().offered()).toEqual([]);
  });

  it('a query cleared elsewhere (Clear) empties the box', () => {
    const { box, type, enter, store } = renderBox();
    type('origin:drag');
    enter();
    act(() => store.getState().clearFilters());
    expect(box.value).toBe('');
  });
});
