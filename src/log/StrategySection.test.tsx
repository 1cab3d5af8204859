// @vitest-environment happy-dom
import { MessageChannel } from 'node:worker_threads';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { servePort } from '../connection/worker/serve-port';
import { WorkerConnection, type WorkerLike } from '../connection/worker/worker-connection';
import { EngineHost } from '../protocol/host';
import { loadRealmFactory } from '../scxml/script/node-realms';
import { bindConnection } from '../store/bind-connection';
import { InspectorProvider } from '../store/react';
import { createInspectorStore } from '../store/store';
import { DetailsPanel } from './DetailsPanel';

/** Holds what arrives until `release`, then detaches it; counts in its datamodel. */
const HOLDER = `<scxml xmlns="http://www.w3.org/2005/07/scxml" xmlns:ixn="http://www.genesyslab.com/modules/interaction"
  version="1.0" datamodel="ecmascript" name="holder">
  <datamodel><data id="held" expr="0"/></datamodel>
  <state id="waiting"><transition event="interaction.added" target="holding"><assign location="held" expr="held + 1"/></transition></state>
  <parallel id="holding">
    <state id="watch"><transition event="release" target="gone"><ixn:detach interactionid="_event.data.id"/></transition></state>
    <state id="note"/>
  </parallel>
  <final id="gone"/>
</scxml>`;

let stop: (() => void) | null = null;
afterEach(() => {
  cleanup();
  stop?.();
  stop = null;
});

/** The panel on a store bound to a real host (with strategies) over a real MessageChannel. */
async function panel() {
  const host = new EngineHost({
    traffic: { running: false },
    flushMs: 1,
    strategies: {
      realms: await loadRealmFactory(),
      documents: (src) => (src === 'holder.scxml' ? HOLDER : null),
      provisioning: new Map([['sales', 'holder.scxml']]),
    },
  });
  const connection = new WorkerConnection(() => {
    const { port1, port2 } = new MessageChannel();
    servePort(port2 as unknown as WorkerLike, host);
    return port1 as unknown as WorkerLike;
  });
  const store = createInspectorStore('worker', 'operator');
  await bindConnection(store, connection, (run) => setTimeout(run, 0));
  stop = () => {
    connection.stop();
    host.stop();
  };
  render(
    <InspectorProvider value={{ store, connection }}>
      <DetailsPanel />
    </InspectorProvider>,
  );
  return { host, store, connection };
}

/** The panel, after an arrival (G1) on the provisioned queue started S-1 running the holder. */
async function panelOfArrival() {
  const opened = await panel();
  await opened.connection.command({
    verb: 'arrive',
    media: 'TMediaVoice',
    queue: 'sales',
    session: 'S-1',
    g_uid: 'G1',
  });
  return opened;
}

describe('the details of a session running a strategy', () => {
  it('show its statechart with the active states marked, its datamodel, and its trace among the ORS events it received', async () => {
    const { store } = await panelOfArrival();
    await waitFor(() => expect(store.getState().strategies.get('S-1')?.states).toEqual(['watch', 'note']));
    act(() => store.getState().select({ kind: 'session', id: 'S-1' }));
    const chart = await screen.findByTestId('details-statechart');
    const marked = [...chart.querySelectorAll('[data-active="true"]')].map((li) =>
      li.getAttribute('data-state-id'),
    );
    expect(marked).toEqual(['holding', 'watch', 'note']);
    expect(within(chart).getAllByText('active')).toHaveLength(3);
    expect(screen.getByTestId('details-datamodel').textContent).toContain('held1');
    await waitFor(() => {
      const lines = [...screen.getByTestId('details-trace').querySelectorAll('li')].map(
        (li) => li.dataset.kind,
      );
      const received = lines.indexOf('ors');
      expect(received).toBeGreaterThanOrEqual(0);
      // The event it received, then its trace taking it.
      expect(lines.slice(received)).toContain('event');
    });
    const text = screen.getByTestId('details-trace').textContent ?? '';
    expect(text.indexOf('interaction.added')).toBeLessThan(text.lastIndexOf('waiting → holding'));
  });

  it('send it an event with JSON data: it takes it (and moves the interaction); bad data is named and nothing is sent', async () => {
    const { store } = await panelOfArrival();
    await waitFor(() => expect(store.getState().strategies.get('S-1')).toBeDefined());
    act(() => store.getState().select({ kind: 'session', id: 'S-1' }));
    const name = await screen.findByTestId('send-event-name');
    fireEvent.change(name, { target: { value: 'release' } });
    fireEvent.change(screen.getByTestId('send-event-data'), { target: { value: '{"id": ' } });
    fireEvent.click(screen.getByTestId('send-event-submit'));
    await waitFor(() =>
      expect(screen.getByTestId('send-event-outcome').textContent).toMatch(/^data: is not JSON/),
    );
    fireEvent.change(screen.getByTestId('send-event-data'), { target: { value: '[1]' } });
    fireEvent.click(screen.getByTestId('send-event-submit'));
    await waitFor(() =>
      expect(screen.getByTestId('send-event-outcome').textContent).toMatch(/^data: must be a JSON object/),
    );
    expect(store.getState().model.interactions.get('G1')?.owner).toBe('S-1');
    fireEvent.change(screen.getByTestId('send-event-data'), { target: { value: '{"id": "G1"}' } });
    fireEvent.click(screen.getByTestId('send-event-submit'));
    await waitFor(() => expect(store.getState().model.interactions.get('G1')?.owner).toBeNull());
    expect(screen.getByTestId('send-event-outcome').textContent).toBe('sent release');
  });
});
