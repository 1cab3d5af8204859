import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningServer } from './create-server';
import { StrategyDirectory } from './strategy-directory';
import { strategySetup } from './strategy-setup';
import { restPost, restQuery, startServer, until } from './testing';

const scxml = (name: string, body: string) =>
  `<scxml xmlns="http://www.w3.org/2005/07/scxml" version="1.0" datamodel="ecmascript" name="${name}" initial="Up">${body}</scxml>`;

/** A session that leaves globals behind (its own, and one on a shared prototype) and ends. */
const LEAVER = scxml(
  'Leaver',
  `<state id="Up"><onentry><script>var leftBehind = 'secret'; Object.prototype.polluted = 1;
     globalThis.leftToo = 2;</script></onentry><transition target="Done"/></state><final id="Done"/>`,
);
/** What a session sees of its realm's globals when it starts. */
const LOOKER = scxml(
  'Looker',
  `<datamodel><data id="seen" expr="[typeof leftBehind, typeof ({}).polluted, typeof leftToo].join('/')"/>
   <data id="count" expr="0"/></datamodel>
   <state id="Up"><transition event="bump"><assign location="count" expr="count + 1"/></transition></state>`,
);
/** A script that eats memory until its realm's limit stops it. */
const RUNAWAY = scxml(
  'Runaway',
  `<state id="Up"><onentry><script>var a = []; while (true) a.push('x'.repeat(1e6) + a.length);</script></onentry></state>`,
);

function directory(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pool-'));
  writeFileSync(join(dir, 'leaver.scxml'), LEAVER);
  writeFileSync(join(dir, 'looker.scxml'), LOOKER);
  writeFileSync(join(dir, 'runaway.scxml'), RUNAWAY);
  return dir;
}

describe('[isolation] the server runs strategies in realms made ahead (the realm pool)', () => {
  let server: RunningServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  const health = async (): Promise<{ realms: number | null }> =>
    (await fetch(`${server?.address.url}/health`)).json();
  const post = (path: string, body = '') => restPost(server?.address.url ?? '', path, body);
  const query = async (session: string) => (await restQuery(server?.address.url ?? '', session)).body;
  /** Waits until /health says `count` realms wait in the pool. */
  const pooled = async (count: number) => {
    for (let turn = 0; turn < 200 && (await health()).realms !== count; turn++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect((await health()).realms).toBe(count);
  };

  it('fills in idle time up to its size; a session cannot see what the sessions before it left', async () => {
    server = await startServer({ traffic: { running: false }, strategies: directory(), realmPool: 3 });
    await pooled(3);
    const leaver = await post('/scxml/session/start', 'src=leaver.scxml');
    expect(leaver.status).toBe(201);
    expect((await query(leaver.body.sessionid)).state).toBe('ended');
    for (let i = 0; i < 4; i++) {
      const looker = await post('/scxml/session/start', 'src=looker.scxml');
      expect((await query(looker.body.sessionid)).datamodel.seen).toBe('undefined/undefined/undefined');
    }
    await pooled(3);
  });

  it('a runaway in a pooled realm ends its own session only; the others go on, and the pool refills', async () => {
    server = await startServer({ traffic: { running: false }, strategies: directory(), realmPool: 2 });
    await pooled(2);
    const bystander = (await post('/scxml/session/start', 'src=looker.scxml')).body.sessionid;
    const runaway = (await post('/scxml/session/start', 'src=runaway.scxml')).body.sessionid;
    expect(await query(runaway)).toMatchObject({ state: 'ended', strategy: null });
    const ended = (server.host.current.eventsSince(0) ?? []).find(
      (e) => e.name === 'session.ended' && e.session === runaway,
    );
    expect(ended?.data).toMatchObject({
      reason: 'failed',
      detail: expect.stringContaining('ran out of memory'),
    });
    expect((await post(`/scxml/session/${bystander}/event/bump`)).status).toBe(202);
    expect(await query(bystander)).toMatchObject({ state: 'running', datamodel: { count: 1 } });
    await pooled(2);
    const after = await post('/scxml/session/start', 'src=looker.scxml');
    expect((await query(after.body.sessionid)).datamodel.seen).toBe('undefined/undefined/undefined');
  });

  it('--realm-pool 0 makes every realm on arrival: nothing waits', async () => {
    server = await startServer({ traffic: { running: false }, strategies: directory(), realmPool: 0 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await health()).realms).toBe(0);
    const looker = await post('/scxml/session/start', 'src=looker.scxml');
    expect((await query(looker.body.sessionid)).datamodel.seen).toBe('undefined/undefined/undefined');
  });

  it('refills one realm per turn of the event loop: timers and I/O run between the realms it makes', async () => {
    const { realms } = await strategySetup(await StrategyDirectory.open(directory()), {
      seed: 1,
      pool: 16,
      warn: () => {},
    });
    const seen: number[] = [];
    let timerAt: number | null = null;
    setTimeout(() => {
      timerAt = realms.pooled();
    }, 0);
    // A competing task, queued as the pool's own are: it runs between any two of them.
    while (realms.pooled() < 16) {
      seen.push(realms.pooled());
      await new Promise((resolve) => setImmediate(resolve));
    }
    for (let i = 1; i < seen.length; i++) expect((seen[i] ?? 0) - (seen[i - 1] ?? 0)).toBeLessThanOrEqual(1);
    expect(seen.length).toBeGreaterThanOrEqual(16);
    expect(timerAt).not.toBeNull();
    expect(timerAt ?? 16).toBeLessThan(16);
    await until(() => realms.pooled() === 16);
  });
});
