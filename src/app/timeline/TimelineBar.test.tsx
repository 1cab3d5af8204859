// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { InspectorProvider } from '../../store/react';
import { engineWithStore } from '../../store/testing';
import { TimelineBar } from './TimelineBar';

afterEach(cleanup);

function renderBar() {
  const inspector = engineWithStore('viewer');
  const moved = inspector.arrive();
  const to = inspector.arrive();
  inspector.run({
    verb: 'associate',
    session: moved.session,
    interactionid: moved.g_uid,
    sessionid: to.session,
  });
  render(
    <InspectorProvider value={{ store: inspector.store, connection: inspector.connection }}>
      <input aria-label="a field" />
      <TimelineBar />
    </InspectorProvider>,
  );
  return { ...inspector, moved };
}

const key = (target: Element, k: string) => act(() => void fireEvent.keyDown(target, { key: k }));

describe('TimelineBar', () => {
  it('steps by key and by button, for a viewer too; Live returns; keys do nothing while typing', () => {
    const { store, engine, moved } = renderBar();
    const last = engine.seq;
    key(document.body, ',');
    expect(store.getState().at).toBe(last - 1);
    expect(screen.getByTestId('timeline-position').textContent).toContain(`Seq ${last - 1}`);
    expect(screen.getByTestId('timeline-newer').textContent).toBe('1 newer event');

    key(screen.getByLabelText('a field'), ',');
    expect(store.getState().at).toBe(last - 1);

    fireEvent.click(screen.getByRole('button', { name: /Step back over a move/ }));
    expect(store.getState().model.interactions.get(moved.g_uid)?.owner).toBe(moved.session);

    key(document.body, 'l');
    expect(store.getState().at).toBeNull();
    expect((screen.getByTestId('timeline-live') as HTMLButtonElement).disabled).toBe(true);
  });

  it('the slider travels to any held seq, its ends labelled with the oldest and the live seq', () => {
    const { store, engine } = renderBar();
    expect(screen.getByTestId('timeline-first').textContent).toContain('seq 0');
    expect(screen.getByTestId('timeline-last').textContent).toContain(`seq ${engine.seq}`);
    fireEvent.change(screen.getByRole('slider', { name: 'Seq on screen' }), { target: { value: '3' } });
    expect(store.getState().at).toBe(3);
    expect(screen.getByRole('button', { name: /selected item's previous event/ })).toHaveProperty(
      'disabled',
      true,
    );
  });

  it('while a long recording is read, its back buttons are off and their title says why', () => {
    const inspector = engineWithStore('viewer');
    inspector.arrive();
    inspector.arrive();
    const { store, engine } = inspector;
    const final = engine.snapshot();
    const { epoch, traffic } = store.getState();
    const base = { ...final, seq: 0, commands: 0, sessions: [], interactions: [] };
    store.getState().loadSnapshot({ epoch: epoch ?? '', snapshot: base, traffic, fillTo: final.seq });
    render(
      <InspectorProvider value={{ store, connection: inspector.connection }}>
        <TimelineBar />
      </InspectorProvider>,
    );
    const back = screen.getByTestId('timeline-event-back') as HTMLButtonElement;
    expect(back.disabled).toBe(true);
    expect(back.title).toContain('the recording is still being read');
    expect((screen.getByTestId('timeline-move-back') as HTMLButtonElement).disabled).toBe(true);
  });
});
