// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { InspectorProvider } from '../store/react';
import { engineWithStore } from '../store/testing';
import { useEscapeDeselects } from './use-escape-deselects';

afterEach(cleanup);

function Page() {
  useEscapeDeselects();
  return (
    <>
      <button type="button">a button</button>
      <input aria-label="a field" />
      <div role="dialog" aria-label="a dialog">
        <button type="button">in a dialog</button>
      </div>
    </>
  );
}

function renderPage() {
  const { store, connection } = engineWithStore();
  render(
    <InspectorProvider value={{ store, connection }}>
      <Page />
    </InspectorProvider>,
  );
  act(() => store.getState().select({ kind: 'session', id: 'S-1' }));
  return store;
}

describe('Escape', () => {
  it('deselects from anywhere on the page', () => {
    const store = renderPage();
    fireEvent.keyDown(screen.getByRole('button', { name: 'a button' }), { key: 'Escape' });
    expect(store.getState().selection).toBeNull();
  });

  it('leaves the selection alone in a field, in a dialog, and when a handler took the key', () => {
    const store = renderPage();
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'a field' }), { key: 'Escape' });
    fireEvent.keyDown(screen.getByRole('button', { name: 'in a dialog' }), { key: 'Escape' });
    const taken = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
    taken.preventDefault();
    document.body.dispatchEvent(taken);
    fireEvent.keyDown(document.body, { key: 'x' });
    expect(store.getState().selection).toEqual({ kind: 'session', id: 'S-1' });
  });
});
