import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { modelFromSnapshot } from '../../engine';
import { EngineHost } from '../../protocol/host';
import { loadRealmFactory } from '../../scxml/script/node-realms';
import { CONTRACT_STRATEGY, connectionContract, Recorder } from '../contract';
import type { ConnectionStatus } from '../types';
import { servePort } from '../worker/serve-port';
import { WorkerConnection, type WorkerLike } from '../worker/worker-connection';
import { openRecording, readRecording } from './read-recording';
import type { Recording } from './recording';
import { HEAD_FIRST, RecordingConnection } from './recording-connection';
import { recordingOf } from './recording-of';
import { tickFile, ticks } from './testing';
import { writeRecording } from './write-recording';

/**
 * A page watching a live engine from its start (the worker adapter over a real MessageChannel),
 * and the recording it would export: what it holds, written to a gzipped file and read back.
 */
async function watchedEngine() {
  const host = new EngineHost({
    traffic: { running: false },
    strategies: {
      realms: await loadRealmFactory(),
      documents: (src) => (src === CONTRACT_STRATEGY.src ? CONTRACT_STRATEGY.text : null),
    },
  });
  const live = new WorkerConnection(() => {
    const { port1, port2 } = new MessageChannel();
    servePort(port2 as unknown as WorkerLike, host);
    return port1 as unknown as WorkerLike;
  });
  const watcher = new Recorder();
  await live.start(watcher);
  const held = () => watcher.events_.at(-1)?.seq ?? watcher.snapshots[0]?.snapshot.seq ?? -1;
  return {
    host,
    watcher,
    /** The file the page would export once it holds every event the engine journaled. */
    async exported(): Promise<Blob> {
      await watcher.until(() => held() === host.seq);
      const first = watcher.snapshots[0];
      if (first === undefined) throw new Error('no snapshot');
      return writeRecording(recordingOf(first, watcher.events_, watcher.labels));
    },
    dispose() {
      live.stop();
      host.stop();
    },
  };
}

connectionContract(
  'recording',
  async () => {
    const engine = await watchedEngine();
    const connection = new RecordingConnection(async () => readRecording(await engine.exported()));
    return {
      connection,
      sideCommand: (command) => {
        engine.host.current.dispatch(command);
      },
      dispose: () => {
        connection.stop();
        engine.dispose();
      },
    };
  },
  'viewer',
);

describe('RecordingConnection', () => {
  it('gives a strategy session its recorded label, once connected, and says it holds no statechart', async () => {
    const engine = await watchedEngine();
    try {
      engine.host.current.dispatch({
        verb: 'startSession',
        src: CONTRACT_STRATEGY.src,
        session: 'S-STRATEGY',
      });
      await engine.watcher.until(() => engine.watcher.labels.some((l) => l.session === 'S-STRATEGY'));
      const file = await engine.exported();
      const connection = new RecordingConnection(() => readRecording(file));
      const recorder = new Recorder();
      await connection.start(recorder);
      expect(recorder.labels).toEqual([{ session: 'S-STRATEGY', strategy: 'contract', states: ['a'] }]);
      await expect(connection.strategy('S-STRATEGY')).rejects.toMatchObject({
        code: 'unknown',
        reason: expect.stringContaining('not its statechart'),
      });
    } finally {
      engine.dispose();
    }
  });

  it('delivers a long recording in batches, contiguous from the base', async () => {
    const events = ticks(25_001);
    const recording: Recording = {
      epoch: 'e-long',
      source: 'recording',
      exported: 1,
      traffic: { running: false, rate: 20, seed: 1, sessions: 40 },
      base: { seq: 0, commands: 0, ids: { sessions: 1, interactions: 0 }, sessions: [], interactions: [] },
      events,
      labels: [],
    };
    const connection = new RecordingConnection(async () => recording);
    const recorder = new Recorder();
    await connection.start(recorder);
    expect(recorder.batches.map((batch) => batch.length)).toEqual([10_000, 10_000, 5_001]);
    expect(recorder.events_.map((e) => e.seq)).toEqual(events.map((e) => e.seq));
  });

  it('a file that does not open rejects start with its error, and the status says why', async () => {
    const connection = new RecordingConnection(() => readRecording(new Blob(['{"format":"ors-recording"'])));
    const statuses: ConnectionStatus[] = [];
    const recorder = new Recorder();
    recorder.status = (status) => statuses.push(status);
    await expect(connection.start(recorder)).rejects.toMatchObject({ code: 'badjson' });
    expect(statuses).toEqual([{ state: 'connecting' }, { state: 'closed', reason: 'line 1: is not JSON' }]);
    expect(recorder.snapshots).toEqual([]);
  });

  it('shows a long recording by its final state first, connected at once; its base and events follow, folding to it', async () => {
    const events = ticks(HEAD_FIRST);
    const base = {
      seq: 0,
      commands: 0,
      ids: { sessions: 1, interactions: 0 },
      sessions: [],
      interactions: [],
    };
    const file = await writeRecording({
      epoch: 'e-head',
      source: 'recording',
      exported: 1,
      traffic: { running: false, rate: 20, seed: 1, sessions: 40 },
      base,
      events,
      labels: [],
    });
    const connection = new RecordingConnection(() => openRecording(file));
    const recorder = new Recorder();
    await connection.start(recorder);
    // The base is in before start returns (a link's seq waits on it), the events are not.
    expect(recorder.snapshots.map((m) => [m.snapshot.seq, m.fillTo])).toEqual([
      [HEAD_FIRST, undefined],
      [0, HEAD_FIRST],
    ]);
    expect(recorder.statuses.map((s) => s.state)).toEqual(['connecting', 'connected']);
    expect(recorder.events_).toEqual([]);
    await connection.read;
    expect(recorder.snapshots.map((m) => m.snapshot.seq)).toEqual([HEAD_FIRST, 0]);
    expect(recorder.events_.map((e) => e.seq)).toEqual(events.map((e) => e.seq));
    expect(recorder.statuses.at(-1)).toEqual({ state: 'connected', role: 'viewer' });
    expect(modelFromSnapshot(await connection.snapshot())).toEqual(
      modelFromSnapshot(recorder.snapshots[0]?.snapshot ?? base),
    );
  });

  it('stopped while a long recording fills in, it stops reading: no more events, and read says why', async () => {
    const file = await tickFile(HEAD_FIRST + 10_000);
    const connection = new RecordingConnection(() => openRecording(file));
    const recorder = new Recorder();
    const take = recorder.events.bind(recorder);
    recorder.events = (events) => {
      take(events);
      connection.stop();
    };
    await connection.start(recorder);
    await expect(connection.read).rejects.toMatchObject({ code: 'closed' });
    expect(recorder.batches.length).toBe(1);
    expect(recorder.snapshots.map((m) => [m.snapshot.seq, m.fillTo])).toEqual([
      [HEAD_FIRST + 10_000, undefined],
      [0, HEAD_FIRST + 10_000],
    ]);
  });

  it('a long file read whole (picked) opens by its final state first too, its events then a batch a frame', async () => {
    const file = await tickFile(HEAD_FIRST + 10_000);
    const connection = new RecordingConnection(() => readRecording(file));
    const recorder = new Recorder();
    await connection.start(recorder);
    expect(recorder.events_).toEqual([]);
    await connection.read;
    expect(recorder.snapshots.map((m) => [m.snapshot.seq, m.fillTo])).toEqual([
      [HEAD_FIRST + 10_000, undefined],
      [0, HEAD_FIRST + 10_000],
    ]);
    expect(recorder.batches.map((batch) => batch.length)).toEqual([
      10_000, 10_000, 10_000, 10_000, 10_000, 10_000,
    ]);
  });
});
