import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Recorder } from '../connection/contract';
import { SocketConnection } from '../connection/socket/socket-connection';
import type { RunningServer } from './create-server';
import { fold, startServer } from './testing';

describe('a server restart from its journal file', () => {
  let server: RunningServer | null = null;
  let connection: SocketConnection | null = null;
  afterEach(async () => {
    connection?.stop();
    await server?.close();
    server = connection = null;
  });

  /** A client on a server with running traffic, then the server closed: what the client held. */
  async function runThenClose(journal: string, compactAfter?: number) {
    const first = await startServer({
      journal,
      traffic: { running: true, rate: 2000, seed: 7 },
      ...(compactAfter === undefined ? {} : { compactAfter }),
    });
    server = first;
    connection = new SocketConnection(first.address.url, { reconnectionDelay: 50, reconnectionDelayMax: 50 });
    const recorder = new Recorder();
    await connection.start(recorder);
    await recorder.until(() => recorder.events_.length > 200);
    await first.close();
    return { recorder, port: first.address.port, closed: first.host.current.snapshot() };
  }

  it('rebuilds the same state, and a client resumes with seq continuous', async () => {
    const journal = join(mkdtempSync(join(tmpdir(), 'restart-')), 'journal.jsonl');
    const { recorder, port, closed } = await runThenClose(journal);

    const second = await startServer({ port, journal, traffic: { running: false } });
    server = second;
    expect(second.host.current.snapshot()).toEqual(closed);
    await recorder.until(() => recorder.resyncs.length === 1);
    for (let i = 0; i < 20; i++) second.host.current.dispatch({ verb: 'arrive', media: 'TMediaEMail' });
    await recorder.until(() => recorder.events_.at(-1)?.seq === second.host.seq);

    const first = recorder.snapshots[0];
    if (first === undefined) throw new Error('no snapshot');
    expect(recorder.resyncs[0]).toMatchObject({ mode: 'resume', seq: closed.seq });
    expect(recorder.resyncs[0]?.after).toBeLessThanOrEqual(closed.seq);
    expect(recorder.snapshots).toHaveLength(1);
    const seqs = recorder.events_.map((e) => e.seq);
    expect(seqs).toEqual(seqs.map((_, i) => first.snapshot.seq + i + 1));
    const now = JSON.parse(JSON.stringify(second.host.current.snapshot()));
    expect(fold(first.snapshot, recorder.events_)).toEqual(fold(now, []));
  });

  it('rebuilds the same state from a journal compacted while traffic ran', async () => {
    const journal = join(mkdtempSync(join(tmpdir(), 'restart-')), 'journal.jsonl');
    const { port, closed } = await runThenClose(journal, 100);
    const lines = readFileSync(journal, 'utf8').trimEnd().split('\n');
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ type: 'checkpoint' });
    expect(lines.length).toBeLessThan(closed.seq);

    const second = await startServer({ port, journal, traffic: { running: false } });
    server = second;
    expect(second.host.current.snapshot()).toEqual(closed);
  });

  it('after an unclean stop, keeps the state under a new epoch, and a client takes a snapshot', async () => {
    const journal = join(mkdtempSync(join(tmpdir(), 'restart-')), 'journal.jsonl');
    const { recorder, port, closed } = await runThenClose(journal);
    // A crash: the clean stop's line never made it to disk.
    const lines = readFileSync(journal, 'utf8').trimEnd().split('\n');
    expect(JSON.parse(lines.at(-1) ?? '')).toMatchObject({ type: 'stopped', seq: closed.seq });
    writeFileSync(journal, `${lines.slice(0, -1).join('\n')}\n`);

    const second = await startServer({ port, journal, traffic: { running: false } });
    server = second;
    expect(second.host.current.snapshot()).toEqual(closed);
    expect(second.logged.join('\n')).toContain('did not stop cleanly');
    await recorder.until(() => recorder.resyncs.length === 1);

    const [before, after] = recorder.snapshots;
    expect(recorder.resyncs[0]).toMatchObject({ mode: 'snapshot', seq: closed.seq });
    expect(recorder.resyncs[0]?.after).toBeLessThanOrEqual(closed.seq);
    expect(after?.epoch).not.toBe(before?.epoch);
    expect(after?.snapshot).toEqual(JSON.parse(JSON.stringify(closed)));
  });

  it('ends the sessions whose strategy did not survive it: failed, saying why, their interactions unowned', async () => {
    const base = mkdtempSync(join(tmpdir(), 'restart-'));
    const journal = join(base, 'journal.jsonl');
    const strategies = join(base, 'strategies');
    mkdirSync(strategies);
    writeFileSync(
      join(strategies, 'holder.scxml'),
      '<scxml xmlns="http://www.w3.org/2005/07/scxml" version="1.0" name="Holder"><state id="holding"/></scxml>',
    );
    const first = await startServer({ journal, strategies, traffic: { running: false } });
    server = first;
    const started = first.host.strategies?.start('holder.scxml');
    if (started?.ok !== true) throw new Error('the holder did not start');
    const { session } = started.value;
    const arrived = first.host.current.dispatch({ verb: 'arrive', media: 'TMediaVoice' });
    if (!arrived.ok) throw new Error(arrived.error.reason);
    const g_uid = arrived.events.find((e) => e.name === 'interaction.created')?.data.interaction.g_uid ?? '';
    const owner = first.host.current.state.interactions.get(g_uid)?.owner ?? '';
    const held = first.host.current.dispatch({
      verb: 'associate',
      session: owner,
      interactionid: g_uid,
      sessionid: session,
    });
    if (!held.ok) throw new Error(held.error.reason);
    // A session that runs no strategy of the directory is nobody's to end.
    const plain = first.host.current.dispatch({
      verb: 'startSession',
      src: 'http://ors/strategies/outbound.scxml',
    });
    if (!plain.ok) throw new Error(plain.error.reason);
    const plainSession = plain.events[0]?.session ?? '';
    await first.close();

    const second = await startServer({ journal, strategies, traffic: { running: false } });
    server = second;
    const { state } = second.host.current;
    expect(state.sessions.get(session)?.state).toBe('ended');
    expect(state.sessions.get(plainSession)?.state).toBe('running');
    expect(state.interactions.get(g_uid)?.owner).toBeNull();
    const ended = (second.host.current.eventsSince(0) ?? []).find(
      (e) => e.name === 'session.ended' && e.session === session,
    );
    expect(ended).toMatchObject({
      data: { reason: 'failed', detail: 'its strategy did not survive the server restart' },
      cause: { origin: 'housekeeping' },
    });
  });
});
