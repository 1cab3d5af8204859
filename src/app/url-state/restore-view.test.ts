import { describe, expect, it, vi } from 'vitest';
import { openRecording } from '../../connection/recording/read-recording';
import { HEAD_FIRST, RecordingConnection } from '../../connection/recording/recording-connection';
import { tickFile } from '../../connection/recording/testing';
import { bindConnection } from '../../store/bind-connection';
import { createInspectorStore } from '../../store/store';
import { engineWithStore } from '../../store/testing';
import { PendingView } from './pending-view';
import { restoreView } from './restore-view';

const link = (parts: { selection?: PendingView['selection']; at?: number }) =>
  new PendingView({
    selection: parts.selection ?? null,
    at: parts.at ?? null,
    viewport: null,
    filters: null,
    triage: null,
  });

describe('restoring a link on a page that has its first snapshot', () => {
  it('selects an item the page holds, without a note', () => {
    const { store, arrive } = engineWithStore();
    const { g_uid } = arrive();
    const pending = link({ selection: { kind: 'interaction', id: g_uid } });
    restoreView(store, pending);
    expect(store.getState().selection).toEqual({ kind: 'interaction', id: g_uid });
    expect(store.getState().toasts).toEqual([]);
    expect(pending.selection).toBeNull();
  });

  it('selects an item the page does not hold, and says it ended or has not arrived', () => {
    const { store } = engineWithStore();
    restoreView(store, link({ selection: { kind: 'session', id: 'S-09999' } }));
    expect(store.getState().selection).toEqual({ kind: 'session', id: 'S-09999' });
    expect(store.getState().toasts.map((t) => t.text)).toEqual([
      "Session S-09999 is not on the page: it has ended, or has not arrived yet. Its details say what the engine's journal knows.",
    ]);
  });

  it('leaves a selection the user made meanwhile', () => {
    const { store } = engineWithStore();
    store.getState().select({ kind: 'session', id: 'S-00001' });
    restoreView(store, link({ selection: { kind: 'session', id: 'S-00002' } }));
    expect(store.getState().selection).toEqual({ kind: 'session', id: 'S-00001' });
  });

  it('goes to a seq the record holds, and selects what was there then', () => {
    const { store, arrive, run } = engineWithStore();
    const { g_uid, session } = arrive();
    const then = store.getState().seq;
    run({ verb: 'terminate', session, interactionid: g_uid });
    restoreView(store, link({ at: then, selection: { kind: 'interaction', id: g_uid } }));
    expect(store.getState().at).toBe(then);
    expect(store.getState().model.interactions.get(g_uid)?.owner).toBe(session);
    expect(store.getState().toasts).toEqual([]);
  });

  it('waits for a seq still to come, and goes there when it arrives', () => {
    const { store, arrive } = engineWithStore();
    const first = arrive();
    const wanted = store.getState().seq + 2;
    const pending = link({ at: wanted });
    restoreView(store, pending);
    expect(store.getState().at).toBeNull();
    expect(pending.at).toBe(wanted);
    arrive();
    arrive();
    expect(store.getState().at).toBe(wanted);
    expect(store.getState().model.interactions.has(first.g_uid)).toBe(true);
    expect(pending.at).toBeNull();
  });

  it('names a seq from before what the page holds, and stays live', () => {
    const { engine, store, arrive } = engineWithStore();
    arrive();
    const later = engineWithStore();
    later.store
      .getState()
      .loadSnapshot({ epoch: 'test', snapshot: engine.snapshot(), traffic: store.getState().traffic });
    restoreView(later.store, link({ at: 1 }));
    expect(later.store.getState().at).toBeNull();
    expect(later.store.getState().toasts.map((t) => t.text)).toEqual([
      `seq 1 is before what this page holds (from seq ${engine.seq}): the page stays live.`,
    ]);
  });
});

describe('restoring a link into a long recording', () => {
  it('goes to a seq between its base and its final state once the fill reaches it, without a note', async () => {
    const file = await tickFile(HEAD_FIRST + 10_000);
    const connection = new RecordingConnection(() => openRecording(file));
    const store = createInspectorStore('recording', null);
    await bindConnection(store, connection, (frame) => setTimeout(frame, 0));
    const pending = link({ at: 1_234 });
    restoreView(store, pending);
    await connection.read;
    await vi.waitFor(() => expect(store.getState().at).toBe(1_234));
    expect(store.getState().toasts).toEqual([]);
    connection.stop();
  });
});
