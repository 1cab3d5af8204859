import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningServer } from './create-server';
import { restPost, restQuery, startServer, until } from './testing';

const HOLDER =
  '<scxml xmlns="http://www.w3.org/2005/07/scxml" version="1.0" name="Holder"><state id="holding"/></scxml>';

/** A journal file and a strategy directory beside it. */
function place() {
  const base = mkdtempSync(join(tmpdir(), 'scheduled-'));
  const strategies = join(base, 'strategies');
  mkdirSync(strategies);
  writeFileSync(join(strategies, 'holder.scxml'), HOLDER);
  return { journal: join(base, 'journal.jsonl'), strategies };
}

describe('[X12] scheduled starts (idealtime) survive a server restart', () => {
  let server: RunningServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  const restart = async (at: { journal: string; strategies: string }, options = {}) => {
    await server?.close();
    server = await startServer({ ...at, traffic: { running: false }, ...options });
    return server;
  };
  const post = (path: string, body = '') => restPost(server?.address.url ?? '', path, body);
  const query = (session: string) => restQuery(server?.address.url ?? '', session);
  const schedule = async (at: number, extra = '') =>
    (await post('/scxml/session/start', `src=holder.scxml&idealtime=${at}${extra}`)).body.sessionid as string;
  const starts = (session: string) =>
    (server?.host.current.eventsSince(0) ?? []).filter(
      (e) => e.name === 'session.started' && e.session === session,
    );

  it('a pending start waits again after a restart and fires at its time, with its parameters; a cancelled one stays cancelled', async () => {
    const at = place();
    await restart(at);
    // Far enough for the restart to come first on a loaded machine (at 1.5 s it did not, in a
    // combined run: the start had fired at once, as a late one does).
    const due = Date.now() + 5000;
    const pending = await schedule(due, '&customer=C-7');
    const cancelled = await schedule(due);
    expect((await post(`/scxml/session/${cancelled}/terminate`)).body.terminated).toBe('scheduled');

    await restart(at);
    expect(await query(pending)).toEqual({
      status: 200,
      body: { sessionid: pending, state: 'scheduled', idealtime: due },
    });
    expect((await query(cancelled)).status).toBe(404);
    expect(starts(pending)).toEqual([]);
    await until(() => starts(pending).length === 1, 10_000);
    expect(Date.now()).toBeGreaterThanOrEqual(due);
    expect(starts(pending)[0]?.data).toMatchObject({ src: 'holder.scxml', params: { customer: 'C-7' } });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(starts(cancelled)).toEqual([]);

    // Started, it is no longer waiting: another restart does not start it again.
    await restart(at);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(starts(pending)).toHaveLength(1);
    expect((await query(pending)).body.state).toBe('ended'); // its strategy did not survive this restart
  });

  it('a start whose time passed while the server was down fires at once when it comes back', async () => {
    const at = place();
    await restart(at);
    const due = Date.now() + 600;
    const pending = await schedule(due);
    await server?.close();
    server = null;
    await new Promise((resolve) => setTimeout(resolve, due + 100 - Date.now()));
    await restart(at);
    // Due sooner after the restart than the overdue start was when first asked: one that waited
    // again (its 600 ms, or any delay that long) would start after it.
    const sooner = await schedule(Date.now() + 300);
    await until(() => starts(pending).length === 1 && starts(sooner).length === 1);
    const [overdue] = starts(pending);
    const [next] = starts(sooner);
    expect(overdue?.seq).toBeLessThan(next?.seq ?? 0);
    expect((await query(pending)).body).toMatchObject({ state: 'running', strategy: 'Holder' });
  });

  it('a compacted journal keeps the starts still waiting (after its checkpoint)', async () => {
    const at = place();
    await restart(at, { compactAfter: 20 });
    const pending = await schedule(Date.now() + 60_000);
    for (let i = 0; i < 40; i++) server?.host.current.dispatch({ verb: 'arrive', media: 'TMediaEMail' });
    await until(() => readFileSync(at.journal, 'utf8').startsWith('{"type":"checkpoint"'));
    await restart(at);
    expect((await query(pending)).body).toMatchObject({ sessionid: pending, state: 'scheduled' });
  });

  it('an id given to a start cancelled before a restart is never given again, also after a compaction', async () => {
    const at = place();
    await restart(at, { compactAfter: 20 });
    const first = await schedule(Date.now() + 60_000);
    await post(`/scxml/session/${first}/terminate`);
    await restart(at, { compactAfter: 20 });
    const second = await schedule(Date.now() + 60_000);
    expect(second).not.toBe(first);
    await post(`/scxml/session/${second}/terminate`);
    // Both ended starts are left out of a compacted file: the id counter must survive it.
    for (let i = 0; i < 40; i++) server?.host.current.dispatch({ verb: 'arrive', media: 'TMediaEMail' });
    await until(() => readFileSync(at.journal, 'utf8').startsWith('{"type":"checkpoint"'));
    await restart(at, { compactAfter: 20 });
    const third = await schedule(Date.now() + 60_000);
    expect([first, second]).not.toContain(third);
  });
});
