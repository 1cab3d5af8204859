import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../protocol/messages';
import type { RunningServer } from './create-server';
import { rawClient, startServer } from './testing';

const HEAD = `xmlns="http://www.w3.org/2005/07/scxml" xmlns:xi="http://www.w3.org/2001/XInclude"
  version="1.0" datamodel="ecmascript"`;

/** What the server's documents may include and read, and what they must not reach beside it. */
function directory(): { base: string; dir: string } {
  const base = mkdtempSync(join(tmpdir(), 'strategies-'));
  writeFileSync(join(base, 'secret.js'), 'var secret = 42;');
  writeFileSync(join(base, 'secret.json'), '{"secret": 42}');
  writeFileSync(join(base, 'outside.scxml'), `<scxml ${HEAD} name="Outside"><state id="s"/></scxml>`);
  const dir = join(base, 'strategies');
  mkdirSync(join(dir, 'lib'), { recursive: true });
  writeFileSync(join(dir, 'lib', 'twice.js'), 'function twice(n) { return 2 * n; }');
  writeFileSync(join(dir, 'lib', 'values.json'), '{"greeting": "hello"}');
  writeFileSync(
    join(dir, 'uses.scxml'),
    `<scxml ${HEAD} name="Uses">
  <datamodel><data id="n" expr="0"/><data id="values" src="lib/values.json"/></datamodel>
  <script><xi:include href="lib/twice.js" parse="text"/></script>
  <state id="s"><onentry><assign location="n" expr="twice(21)"/></onentry></state>
</scxml>`,
  );
  writeFileSync(
    join(dir, 'sneaky-include.scxml'),
    `<scxml ${HEAD} name="Sneaky">
  <script><xi:include href="../secret.js" parse="text"/></script>
  <state id="s"/>
</scxml>`,
  );
  writeFileSync(
    join(dir, 'sneaky-data.scxml'),
    `<scxml ${HEAD} name="SneakyData">
  <datamodel><data id="stolen" src="../secret.json"/></datamodel>
  <state id="s"/>
</scxml>`,
  );
  return { base, dir };
}

describe('--strategies DIR: what the server runs reads only from it', () => {
  let server: RunningServer;
  let base: string;
  beforeAll(async () => {
    const made = directory();
    base = made.base;
    server = await startServer({ traffic: { running: false }, strategies: made.dir });
  });
  afterAll(() => server.close());

  const start = (src: string) =>
    fetch(`${server.address.url}/scxml/session/start`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `src=${encodeURIComponent(src)}`,
    }).then(async (response) => ({ status: response.status, body: await response.json() }));

  it('[XInclude] [5.2.2] xi:include and <data src> of a document read files of the directory', async () => {
    const started = await start('uses.scxml');
    expect(started.status).toBe(201);
    expect(server.host.strategies?.datamodel(started.body.sessionid)).toMatchObject({
      n: 42,
      values: { greeting: 'hello' },
    });
  });

  it('[XInclude] an include that climbs out of the directory refuses the document, with its position', async () => {
    const seq = server.host.current.seq;
    const started = await start('sneaky-include.scxml');
    expect(started.status).toBe(422);
    expect(started.body.error).toMatchObject({ code: 'baddocument', position: { line: 3 } });
    expect(server.host.current.seq).toBe(seq);
  });

  it('[5.2.2] a <data src> that climbs out binds nothing: the session gets an error, not the file', async () => {
    const started = await start('sneaky-data.scxml');
    expect(started.status).toBe(201);
    expect(server.host.strategies?.datamodel(started.body.sessionid)?.stolen).toBeUndefined();
  });

  it('startSession over the socket runs a document of the directory, and reads nothing outside it', async () => {
    const client = await rawClient(server.address.url);
    try {
      const command = (id: number, src: string, session: string) =>
        client.socket.emit('ors', {
          v: PROTOCOL_VERSION,
          id,
          type: 'command',
          command: { verb: 'startSession', src, session },
        });
      command(1, 'uses.scxml', 'S-INSIDE');
      expect(await client.replyTo(1)).toMatchObject({ kind: 'reply', result: { ok: true } });
      expect(server.host.strategies?.query('S-INSIDE')?.strategy).toBe('Uses');
      for (const [id, src] of [
        [2, '../outside.scxml'],
        [3, join(base, 'outside.scxml')],
        [4, `file://${join(base, 'outside.scxml')}`],
      ] as const) {
        command(id, src, `S-OUT-${id}`);
        await client.replyTo(id);
        // The engine session may exist (a src is only a name to it); no strategy was read for it.
        expect([src, server.host.strategies?.query(`S-OUT-${id}`)]).toEqual([src, null]);
      }
    } finally {
      client.socket.close();
    }
  });

  it('a server cannot start on a strategy directory that is not there', async () => {
    await expect(startServer({ strategies: join(tmpdir(), 'no-such-strategies') })).rejects.toThrow(
      /strategies: no directory/,
    );
  });
});
