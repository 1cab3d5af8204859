// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_TRAFFIC } from '../protocol/messages';
import type { Role } from '../protocol/role';
import { InspectorProvider } from '../store/react';
import { createInspectorStore } from '../store/store';
import { engineWithStore, T0 } from '../store/testing';
import { DetailsPanel } from './DetailsPanel';

afterEach(cleanup);

/** S-00001 owns the selected interaction, S-00002 owns another, S-00003 owns none. */
function renderDetails(role: Role = 'operator') {
  const inspector = engineWithStore(role);
  inspector.run({ verb: 'arrive', media: 'TMediaVoice', udata: { lang: 'fr' } });
  inspector.run({ verb: 'arrive', media: 'TMediaChat' });
  inspector.run({ verb: 'startSession', src: 'http://ors/idle.scxml' });
  const g_uid = [...inspector.store.getState().model.interactions.keys()][0] as string;
  inspector.store.getState().select({ kind: 'interaction', id: g_uid });
  render(
    <InspectorProvider value={{ store: inspector.store, connection: inspector.connection }}>
      <DetailsPanel />
    </InspectorProvider>,
  );
  return { ...inspector, g_uid };
}

const options = () => screen.queryAllByTestId('associate-option').map((o) => o.dataset.session);
const active = () =>
  screen.queryAllByTestId('associate-option').find((o) => o.getAttribute('aria-selected') === 'true')?.dataset
    .session;

describe('DetailsPanel of an interaction', () => {
  it('shows its owner, OP-Session-ID, udata and owner changes', () => {
    renderDetails();
    expect(screen.getByTestId('details-owner').textContent).toBe('S-00001');
    expect(screen.getByTestId('details-op-session-id').textContent).toBe('S-00001');
    expect(screen.getByTestId('details-udata').textContent).toContain('fr');
    expect(screen.getAllByTestId('details-history-row')).toHaveLength(1);
  });
});

describe('Associate with… (keyboard)', () => {
  it('opens on "a", lists the other running sessions, and Enter associates with origin keyboard', async () => {
    const { connection, g_uid } = renderDetails();
    fireEvent.keyDown(document.body, { key: 'a' });
    const picker = screen.getByTestId('associate-picker');
    expect(picker.getAttribute('role')).toBe('dialog');
    expect(options()).toEqual(['S-00002', 'S-00003']);
    expect(active()).toBe('S-00002');

    const filter = screen.getByTestId('associate-filter');
    expect(document.activeElement).toBe(filter);
    fireEvent.keyDown(filter, { key: 'ArrowDown' });
    expect(active()).toBe('S-00003');
    await act(async () => {
      fireEvent.keyDown(filter, { key: 'Enter' });
    });

    expect(connection.commands).toEqual([
      {
        verb: 'associate',
        session: 'S-00001',
        interactionid: g_uid,
        sessionid: 'S-00003',
        origin: 'keyboard',
        // The page names its actions, to find them in the journal if a lost link hides the reply.
        requestid: expect.stringMatching(/^P/),
      },
    ]);
    expect(screen.queryByTestId('associate-picker')).toBeNull();
    expect(screen.getByTestId('details-owner').textContent).toBe('S-00003');
    expect(screen.getAllByTestId('details-history-row')).toHaveLength(2);
    expect(document.activeElement).toBe(screen.getByTestId('associate-with'));
  });

  it('narrows the list as the user types, and Escape closes without a command', () => {
    const { connection } = renderDetails();
    fireEvent.click(screen.getByTestId('associate-with'));
    fireEvent.change(screen.getByTestId('associate-filter'), { target: { value: 'idle' } });
    expect(options()).toEqual(['S-00003']);
    fireEvent.keyDown(screen.getByTestId('associate-filter'), { key: 'Escape' });
    expect(screen.queryByTestId('associate-picker')).toBeNull();
    expect(connection.commands).toEqual([]);
  });

  it('ignores "a" typed into a field', () => {
    renderDetails();
    const input = document.createElement('input');
    document.body.append(input);
    fireEvent.keyDown(input, { key: 'a' });
    expect(screen.queryByTestId('associate-picker')).toBeNull();
    input.remove();
  });

  it('is disabled for a viewer, by button and by key', () => {
    renderDetails('viewer');
    expect((screen.getByTestId('associate-with') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.keyDown(document.body, { key: 'a' });
    expect(screen.queryByTestId('associate-picker')).toBeNull();
  });
});

describe('DetailsPanel of a session', () => {
  it('lists its interactions; clicking one selects it', () => {
    const { store, g_uid } = renderDetails();
    act(() => store.getState().select({ kind: 'session', id: 'S-00001' }));
    expect(screen.getByTestId('details-session-state').textContent).toBe('running');
    fireEvent.click(screen.getByTestId('details-interaction'));
    expect(store.getState().selection).toEqual({ kind: 'interaction', id: g_uid });
  });

  it('gives a hint when nothing is selected', () => {
    const { store } = renderDetails();
    act(() => store.getState().select(null));
    expect(screen.getByTestId('details-panel').textContent).toMatch(/Select a session or an interaction/);
  });
});

describe('DetailsPanel from the engine journal (history)', () => {
  it('shows an interaction the page forgot, marked ended, with every owner change', async () => {
    const inspector = engineWithStore();
    const { g_uid, session } = inspector.arrive('TMediaChat');
    inspector.run({ verb: 'startSession', src: 'http://ors/b.scxml', session: 'S-B' });
    inspector.run({ verb: 'associate', session, interactionid: g_uid, sessionid: 'S-B' });
    inspector.run({ verb: 'terminate', session: 'S-B', interactionid: g_uid });
    inspector.run({ verb: 'purge', before: T0 + 1 });
    expect(inspector.store.getState().model.interactions.has(g_uid)).toBe(false);
    inspector.store.getState().select({ kind: 'interaction', id: g_uid });
    render(
      <InspectorProvider value={{ store: inspector.store, connection: inspector.connection }}>
        <DetailsPanel />
      </InspectorProvider>,
    );
    expect(await screen.findByTestId('details-ended')).toBeTruthy();
    expect(screen.getByTestId('details-from-journal')).toBeTruthy();
    expect(screen.getAllByTestId('details-history-row').map((row) => row.textContent)).toEqual([
      expect.stringContaining(`— → ${session}`),
      expect.stringContaining(`${session} → S-B`),
      expect.stringContaining('S-B → —'),
    ]);
    expect((screen.getByTestId('associate-with') as HTMLButtonElement).disabled).toBe(true);
  });

  it('after a reload, lists the owner changes from before the page opened', async () => {
    const inspector = engineWithStore();
    const { g_uid, session } = inspector.arrive();
    inspector.run({ verb: 'startSession', src: 'http://ors/b.scxml', session: 'S-B' });
    inspector.run({ verb: 'associate', session, interactionid: g_uid, sessionid: 'S-B' });
    // A page opened now: a new store from a snapshot, on the same engine.
    const reloaded = createInspectorStore();
    reloaded
      .getState()
      .loadSnapshot({ epoch: 'test', snapshot: inspector.engine.snapshot(), traffic: DEFAULT_TRAFFIC });
    reloaded.getState().select({ kind: 'interaction', id: g_uid });
    render(
      <InspectorProvider value={{ store: reloaded, connection: inspector.connection }}>
        <DetailsPanel />
      </InspectorProvider>,
    );
    await waitFor(() => expect(screen.getAllByTestId('details-history-row')).toHaveLength(2));
    expect(screen.queryByTestId('details-ended')).toBeNull();
  });

  it('says so when the journal has nothing of it', async () => {
    const inspector = engineWithStore();
    inspector.store.getState().select({ kind: 'session', id: 'S-NEVER' });
    render(
      <InspectorProvider value={{ store: inspector.store, connection: inspector.connection }}>
        <DetailsPanel />
      </InspectorProvider>,
    );
    await waitFor(() =>
      expect(screen.getByTestId('details-journal-hint').textContent).toMatch(/journal has nothing of it/),
    );
  });
});
