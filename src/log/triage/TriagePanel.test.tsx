// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../engine';
import { DEFAULT_TRAFFIC } from '../../protocol/messages';
import { createPreferencesStore } from '../../store/preferences';
import { PreferencesProvider } from '../../store/preferences-react';
import { InspectorProvider } from '../../store/react';
import { createInspectorStore } from '../../store/store';
import { engineWithStore } from '../../store/testing';
import { TriagePanel } from './TriagePanel';

afterEach(cleanup);

/**
 * The test store's engine runs on a fixed clock years before now; the page advances triage on the
 * wall clock while it hears a live engine, so a detach left alone is an orphan at once here.
 */
function renderTriage() {
  const inspector = engineWithStore();
  inspector.run({ verb: 'arrive', media: 'TMediaVoice', g_uid: 'G-LEFT', session: 'S-A' });
  const preferences = createPreferencesStore();
  render(
    <PreferencesProvider value={preferences}>
      <InspectorProvider value={{ store: inspector.store, connection: inspector.connection }}>
        <TriagePanel />
      </InspectorProvider>
    </PreferencesProvider>,
  );
  return { ...inspector, preferences };
}

describe('TriagePanel', () => {
  it('lists a detached interaction left alone under orphans, with its count; a click selects it and travels to the detach, where the list is as it was then', async () => {
    const { run, store } = renderTriage();
    let seq: number | undefined;
    act(() => {
      const detached = run({ verb: 'detach', session: 'S-A', interactionid: 'G-LEFT' });
      seq = detached.find((e) => e.name === 'interaction.owner.changed')?.seq;
    });
    const toggle = screen.getByTestId('triage-toggle');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const orphans = screen.getByTestId('triage-orphan');
    const entry = within(orphans).getByTestId('triage-entry');
    expect(entry.dataset.id).toBe('G-LEFT');
    expect(entry.dataset.seq).toBe(String(seq));
    expect(entry.textContent).toContain('1×');
    // Idle session S-A (emptied by the detach), and G-LEFT waiting unowned: four kinds, three found.
    expect(screen.getByTestId('triage-total').textContent).toBe('3 anomalies');

    fireEvent.click(entry);
    expect(store.getState().selection).toEqual({ kind: 'interaction', id: 'G-LEFT' });
    expect(store.getState().at).toBe(seq);
    // At the detach, in its own event time, nothing has waited long enough yet.
    await waitFor(() => expect(screen.getByTestId('triage-total').textContent).toBe('0 anomalies'));
    act(() => store.getState().goLive());
    expect(screen.getByTestId('triage-total').textContent).toBe('3 anomalies');
  });

  it('a limit that is not a positive number is named, and nothing changes; a good one is the preference', () => {
    const { preferences } = renderTriage();
    fireEvent.click(screen.getByTestId('triage-toggle'));
    const input = screen.getByLabelText('Orphans (s)');
    fireEvent.change(input, { target: { value: '-3' } });
    fireEvent.click(screen.getByText('Apply limits'));
    expect(screen.getByTestId('triage-limits-error').textContent).toContain('Orphans');
    expect(screen.getByTestId('triage-orphan').textContent).toContain('within 10 s');
    fireEvent.change(input, { target: { value: '5' } });
    fireEvent.click(screen.getByText('Apply limits'));
    expect(screen.queryByTestId('triage-limits-error')).toBeNull();
    expect(screen.getByTestId('triage-orphan').textContent).toContain('within 5 s');
    expect(preferences.getState().triage.orphan).toBe(5_000);
  });
});

describe('TriagePanel over a recording', () => {
  it('lists what a long recording holds once its events have filled the record in behind its final state', async () => {
    let now = Date.UTC(2026, 0, 1);
    const engine = new Engine({ clock: () => (now += 1_000) });
    const base = engine.snapshot();
    engine.dispatch({ verb: 'arrive', media: 'TMediaVoice', g_uid: 'G-LEFT', session: 'S-A' });
    engine.dispatch({ verb: 'detach', session: 'S-A', interactionid: 'G-LEFT' });
    now += 20_000;
    engine.dispatch({ verb: 'arrive', media: 'TMediaVoice', g_uid: 'G-LATER', session: 'S-B' });
    const events = engine.eventsSince(0) ?? [];
    const store = createInspectorStore('recording', 'viewer');
    const { connection } = engineWithStore();
    render(
      <PreferencesProvider value={createPreferencesStore()}>
        <InspectorProvider value={{ store, connection }}>
          <TriagePanel />
        </InspectorProvider>
      </PreferencesProvider>,
    );
    act(() => {
      store.getState().loadSnapshot({ epoch: 'r', snapshot: engine.snapshot(), traffic: DEFAULT_TRAFFIC });
      store
        .getState()
        .loadSnapshot({ epoch: 'r', snapshot: base, traffic: DEFAULT_TRAFFIC, fillTo: engine.seq });
      store.getState().applyEvents(events);
    });
    fireEvent.click(screen.getByTestId('triage-toggle'));
    await waitFor(() =>
      expect(within(screen.getByTestId('triage-orphan')).getByTestId('triage-entry').dataset.id).toBe(
        'G-LEFT',
      ),
    );
  });
});
