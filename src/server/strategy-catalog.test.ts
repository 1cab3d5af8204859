import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HostMessage } from '../protocol/messages';
import type { RunningServer } from './create-server';
import { rawClient, startServer } from './testing';

const HEAD = 'xmlns="http://www.w3.org/2005/07/scxml" version="1.0" datamodel="ecmascript"';
const strategy = (name: string) => `<scxml ${HEAD} name="${name}"><state id="s"/></scxml>`;

/** A strategy directory with documents at the top and in a folder, a broken one, and links out. */
function directory(): string {
  const base = mkdtempSync(join(tmpdir(), 'catalog-'));
  writeFileSync(join(base, 'outside.scxml'), strategy('Outside'));
  const dir = join(base, 'strategies');
  mkdirSync(join(dir, 'desk'), { recursive: true });
  writeFileSync(join(dir, 'top.scxml'), strategy('Top'));
  writeFileSync(join(dir, 'desk', 'inner.scxml'), strategy('Inner'));
  writeFileSync(join(dir, 'broken.scxml'), `<scxml ${HEAD}>\n<state id="s">\n</scxml>`);
  writeFileSync(join(dir, 'notes.txt'), 'not a document');
  symlinkSync(join(base, 'outside.scxml'), join(dir, 'link-out.scxml'));
  symlinkSync(base, join(dir, 'up'));
  return dir;
}

describe('--strategies DIR: the catalog offers the documents of the directory', () => {
  let server: RunningServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  /** The catalog's documents a fresh client is sent after its sync. */
  async function offered(running: RunningServer): Promise<readonly string[]> {
    const client = await rawClient(running.address.url);
    try {
      client.socket.emit('ors', { v: 1, type: 'sync', id: 1 });
      const message = await client.next((m) => m.kind === 'catalog');
      return (message as Extract<HostMessage, { kind: 'catalog' }>).catalog.documents;
    } finally {
      client.socket.disconnect();
    }
  }

  it('lists every document that compiles, in folders too; none reached through a link out; a broken one named in the log', async () => {
    const dir = directory();
    const running = await startServer({ traffic: { running: false }, strategies: dir });
    server = running;
    expect(await offered(running)).toEqual(['desk/inner.scxml', 'top.scxml']);
    const warnings = running.logged.filter((line) => line.includes('broken.scxml'));
    expect(warnings.length).toBe(1);
    expect(warnings[0]).toMatch(/broken\.scxml is not offered: .*\(line \d+\)/);
  });

  it('offers a document added, or fixed, while the server runs, at the next sync', async () => {
    const dir = directory();
    const running = await startServer({ traffic: { running: false }, strategies: dir });
    server = running;
    await offered(running);
    writeFileSync(join(dir, 'added.scxml'), strategy('Added'));
    writeFileSync(join(dir, 'broken.scxml'), strategy('Fixed'));
    // The directory's reads are fresh for a second (strategy-directory.ts).
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await offered(running)).toEqual(['added.scxml', 'broken.scxml', 'desk/inner.scxml', 'top.scxml']);
  });
});
