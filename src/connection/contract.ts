import { afterEach, describe, expect, it } from 'vitest';
import { applyEvent, type EngineEvent, modelFromSnapshot, type Snapshot } from '../engine';
import type { StrategyCatalog, StrategyLabel } from '../protocol/messages';
import type { Role } from '../protocol/role';
import type { Connection, ConnectionListener, ConnectionStatus, ResyncInfo, SnapshotMessage } from './types';

/**
 * The strategy every subject's host can run (the worker's from its resolver, the server's from
 * its strategy directory): plain SCXML, the same in the W3C and the ORS dialect.
 */
export const CONTRACT_STRATEGY = {
  src: 'contract-strategy.scxml',
  text: `<scxml xmlns="http://www.w3.org/2005/07/scxml" version="1.0" datamodel="ecmascript" name="contract">
  <datamodel><data id="n" expr="0"/></datamodel>
  <state id="a"><transition event="go" target="b"><assign location="n" expr="_event.data.n"/></transition></state>
  <state id="b"/>
</scxml>`,
} as const;

/** A connection under test, the way to reach its engine directly, and how to tear both down. */
export interface ContractSubject {
  readonly connection: Connection;
  /**
   * Commands run on the engine behind the connection, bypassing it (another client, say). For a
   * recording, on the engine it records: what was run before `start` is in the file it opens.
   */
  readonly sideCommand: (command: Record<string, unknown>) => void;
  readonly dispose: () => Promise<void> | void;
}

/** A listener that records everything a connection tells it. */
export class Recorder implements ConnectionListener {
  readonly snapshots: SnapshotMessage[] = [];
  readonly batches: (readonly EngineEvent[])[] = [];
  readonly statuses: ConnectionStatus[] = [];
  readonly resyncs: ResyncInfo[] = [];
  readonly labels: StrategyLabel[] = [];
  readonly catalogs: StrategyCatalog[] = [];
  snapshot(message: SnapshotMessage): void {
    this.snapshots.push(message);
  }
  events(events: readonly EngineEvent[]): void {
    this.batches.push(events);
  }
  traffic(): void {}
  status(status: ConnectionStatus): void {
    this.statuses.push(status);
  }
  resynced(info: ResyncInfo): void {
    this.resyncs.push(info);
  }
  strategies(labels: readonly StrategyLabel[]): void {
    this.labels.push(...labels);
  }
  catalog(catalog: StrategyCatalog): void {
    this.catalogs.push(catalog);
  }
  get events_(): EngineEvent[] {
    return this.batches.flat();
  }
  /** Waits until `predicate` holds, polling; fails the test after `ms`. */
  async until(predicate: () => boolean, ms = 5000): Promise<void> {
    const start = Date.now();
    while (!predicate()) {
      if (Date.now() - start > ms) throw new Error('timed out waiting for the connection');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}

/**
 * What every Connection must do, whatever carries it. Run for the worker adapter and the
 * socket.io adapter as operators, and for a recording as a viewer, so the UI can rely on one
 * behaviour. Every subject runs the reading tests (what came before `start` is arranged before
 * it); an operator runs every writing test, a viewer instead finds each write forbidden.
 */
export function connectionContract(
  name: string,
  make: () => Promise<ContractSubject>,
  access: Role = 'operator',
): void {
  describe(`Connection contract: ${name} (${access})`, () => {
    let subject: ContractSubject | null = null;
    afterEach(async () => {
      await subject?.dispose();
      subject = null;
    });

    /** Runs `before` on the engine behind the subject, then starts the connection. */
    async function started(before: (side: ContractSubject['sideCommand']) => void = () => {}) {
      subject = await make();
      before(subject.sideCommand);
      const recorder = new Recorder();
      await subject.connection.start(recorder);
      return { connection: subject.connection, recorder, side: subject.sideCommand };
    }

    /** An interaction's whole life, ending purged: what `history` must still tell. */
    function endedAndPurged(side: ContractSubject['sideCommand']): void {
      side({ verb: 'arrive', media: 'TMediaVoice', g_uid: 'G-HIST', session: 'S-HIST' });
      side({ verb: 'startSession', src: 'contract.scxml', session: 'S-HIST-2' });
      side({ verb: 'associate', session: 'S-HIST', interactionid: 'G-HIST', sessionid: 'S-HIST-2' });
      side({ verb: 'terminate', session: 'S-HIST-2', interactionid: 'G-HIST' });
      side({ verb: 'purge', before: Date.now() + 1000 });
    }

    async function expectHistoryOfPurged(connection: Connection): Promise<void> {
      const history = await connection.history({ of: 'interaction', target: 'G-HIST' });
      expect(history).toMatchObject({ of: 'interaction', target: 'G-HIST', complete: true });
      expect(history.record).toMatchObject({ state: 'ended', owner: null });
      expect(
        history.events.flatMap((e) => (e.name === 'interaction.owner.changed' ? [e.data.via] : [])),
      ).toEqual(['arrival', 'associate', 'terminate']);
      await expect(connection.history({ of: 'session', target: 'S-NEVER' })).rejects.toMatchObject({
        code: 'unknown',
        field: 'target',
      });
    }

    /**
     * The events streamed since the first snapshot follow it seq by seq, without a gap or a
     * duplicate, and folded onto it they give the connection's snapshot now (returned).
     */
    async function expectStreamFoldsToSnapshot(
      connection: Connection,
      recorder: Recorder,
    ): Promise<Snapshot> {
      const first = recorder.snapshots[0];
      if (first === undefined) throw new Error('no snapshot');
      const seqs = recorder.events_.map((e) => e.seq);
      expect(seqs).toEqual(seqs.map((_, i) => first.snapshot.seq + i + 1));
      const model = modelFromSnapshot(first.snapshot);
      for (const event of recorder.events_) applyEvent(model, event);
      const now = await connection.snapshot();
      expect(modelFromSnapshot(now)).toEqual(model);
      return now;
    }

    it('start resolves after the first snapshot, and reports connecting then connected', async () => {
      const { recorder } = await started();
      expect(recorder.snapshots).toHaveLength(1);
      expect(recorder.snapshots[0]?.snapshot.seq).toBeGreaterThanOrEqual(0);
      expect(recorder.statuses.map((s) => s.state)).toEqual(['connecting', 'connected']);
      expect(recorder.statuses[1]).toEqual({ state: 'connected', role: access });
    });

    it('what start delivers folds to snapshot(), and history tells of what happened before it', async () => {
      const { connection, recorder } = await started(endedAndPurged);
      const now = await expectStreamFoldsToSnapshot(connection, recorder);
      expect(now.interactions.some((i) => i.g_uid === 'G-HIST')).toBe(false);
      await expectHistoryOfPurged(connection);
    });

    it('strategy() of a session that runs no strategy is unknown', async () => {
      const { connection } = await started((side) =>
        side({ verb: 'startSession', src: 'contract.scxml', session: 'S-PLAIN' }),
      );
      await expect(connection.strategy('S-PLAIN')).rejects.toMatchObject({
        code: 'unknown',
        field: 'session',
      });
      await expect(connection.strategy('S-NONE')).rejects.toMatchObject({
        code: 'unknown',
        field: 'session',
      });
    });

    if (access === 'viewer') {
      it('a viewer gets forbidden for every write, and nothing changes', async () => {
        const { connection, recorder } = await started((side) =>
          side({ verb: 'arrive', media: 'TMediaVoice', session: 'S-SEEN' }),
        );
        const before = await connection.snapshot();
        expect(connection.role).toBe('viewer');
        const forbidden = { code: 'forbidden', field: 'type' };
        await expect(connection.command({ verb: 'endSession', session: 'S-SEEN' })).rejects.toMatchObject(
          forbidden,
        );
        await expect(connection.traffic({ running: true })).rejects.toMatchObject(forbidden);
        await expect(connection.reset(3)).rejects.toMatchObject(forbidden);
        await expect(
          connection.provision({ queue: 'contract-q', src: CONTRACT_STRATEGY.src }),
        ).rejects.toMatchObject(forbidden);
        expect(await connection.snapshot()).toEqual(before);
        expect(recorder.snapshots).toHaveLength(1);
      });

      it('stop closes the connection', async () => {
        const { connection, recorder } = await started();
        connection.stop();
        expect(recorder.statuses.at(-1)).toEqual({ state: 'closed', reason: 'stopped' });
      });
      return;
    }

    it('a command resolves with its result, and its events arrive in the stream with those seqs', async () => {
      const { connection, recorder } = await started();
      const result = await connection.command({
        verb: 'startSession',
        src: 'contract.scxml',
        session: 'S-CONTRACT',
      });
      expect(result).toMatchObject({ ok: true });
      if (!result.ok) return;
      await recorder.until(() => recorder.events_.some((e) => e.seq === result.lastSeq));
      const mine = recorder.events_.filter((e) => e.seq >= result.firstSeq && e.seq <= result.lastSeq);
      expect(mine.map((e) => [e.name, e.session])).toEqual([['session.started', 'S-CONTRACT']]);
    });

    it('a refused or malformed command resolves with the typed error and changes nothing', async () => {
      const { connection, recorder } = await started();
      const refused = await connection.command({ verb: 'endSession', session: 'S-NOPE' });
      expect(refused).toEqual({
        ok: false,
        error: { code: 'unknown', field: 'session', reason: 'no session S-NOPE', verb: 'endSession' },
      });
      const malformed = await connection.command({ verb: 'endSession' } as never);
      expect(malformed).toMatchObject({ ok: false, error: { code: 'badcommand', field: 'session' } });
      const snapshot = await connection.snapshot();
      expect(snapshot.seq).toBe(recorder.snapshots[0]?.snapshot.seq);
    });

    it('events from elsewhere stream in, contiguous and without duplicates, and fold to the snapshot', async () => {
      const { connection, recorder, side } = await started();
      for (let i = 0; i < 50; i++) side({ verb: 'arrive', media: 'TMediaVoice' });
      await recorder.until(() => recorder.events_.length >= 250);
      await expectStreamFoldsToSnapshot(connection, recorder);
    });

    it('traffic can be started, paused, and re-rated; reset starts a new epoch from seq 0', async () => {
      const { connection, recorder } = await started();
      const status = await connection.traffic({ running: true, rate: 2000, seed: 5, sessions: 30 });
      expect(status).toEqual({ running: true, rate: 2000, seed: 5, sessions: 30 });
      await recorder.until(() => recorder.events_.length > 100);
      await connection.traffic({ running: false });
      const seqs = recorder.events_.map((e) => e.seq);
      expect(new Set(seqs).size).toBe(seqs.length);
      await connection.reset(11);
      await recorder.until(() => recorder.snapshots.length === 2);
      const [before, after] = recorder.snapshots;
      expect(after?.snapshot.seq).toBe(0);
      expect(after?.epoch).not.toBe(before?.epoch);
      expect(after?.traffic.seed).toBe(11);
    });

    it('history answers the ledger of an ended, purged interaction, and refuses an unknown one', async () => {
      const { connection, side } = await started();
      endedAndPurged(side);
      await expectHistoryOfPurged(connection);
    });

    it('a strategy session is labelled with its active states, takes a sendEvent, and is inspected on request', async () => {
      const { connection, recorder } = await started();
      const session = 'S-STRATEGY';
      const labelled = (state: string) =>
        recorder.labels.some((l) => l.session === session && l.states.includes(state));
      await connection.command({ verb: 'startSession', src: CONTRACT_STRATEGY.src, session });
      await recorder.until(() => labelled('a'));
      expect(recorder.labels.find((l) => l.session === session)?.strategy).toBe('contract');
      const sent = await connection.command({ verb: 'sendEvent', session, event: 'go', data: { n: 2 } });
      expect(sent).toMatchObject({ ok: true });
      await recorder.until(() => labelled('b'));
      const inspection = await connection.strategy(session);
      expect(inspection).toMatchObject({
        session,
        strategy: 'contract',
        src: CONTRACT_STRATEGY.src,
        running: true,
        activeStates: ['b'],
        datamodel: { n: 2 },
      });
      expect(inspection.chart.children.map((s) => s.id)).toEqual(['a', 'b']);
      expect(inspection.trace.filter((t) => t.kind === 'event').map((t) => t.text)).toContain('go');
      await expect(connection.strategy('S-NONE')).rejects.toMatchObject({
        code: 'unknown',
        field: 'session',
      });
    });

    it('provision maps a queue to a document by its src, and refuses one that names none', async () => {
      const { connection } = await started();
      await expect(connection.provision({ queue: 'contract-q', src: 'missing.scxml' })).rejects.toMatchObject(
        {
          code: 'unknown',
          field: 'src',
        },
      );
      await expect(
        connection.provision({ queue: 'contract-q', src: CONTRACT_STRATEGY.src }),
      ).resolves.toEqual({
        queue: 'contract-q',
        strategy: 'contract',
      });
      const arrived = await connection.command({
        verb: 'arrive',
        media: 'TMediaChat',
        queue: 'contract-q',
        session: 'S-Q',
      });
      expect(arrived).toMatchObject({ ok: true });
      await expect(connection.strategy('S-Q')).resolves.toMatchObject({
        strategy: 'contract',
        activeStates: ['a'],
      });
    });

    it('stop closes the connection and rejects what is in flight', async () => {
      const { connection, recorder } = await started();
      const inFlight = connection.command({ verb: 'startSession', src: 'late.scxml' });
      connection.stop();
      await expect(inFlight).rejects.toMatchObject({ code: 'closed' });
      expect(recorder.statuses.at(-1)).toEqual({ state: 'closed', reason: 'stopped' });
    });
  });
}
