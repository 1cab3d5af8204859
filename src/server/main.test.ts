import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const TSX = 'node_modules/tsx/dist/cli.mjs';

function server(args: string[]) {
  const child = spawn('node', [TSX, 'src/server/main.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, out: () => stdout, err: () => stderr };
}

describe('npm run server', () => {
  it('exits 2 with the usage on a bad flag', async () => {
    const run = server(['--port', 'many']);
    expect(await run.exited).toBe(2);
    expect(run.err()).toContain('--port must be a whole number');
    expect(run.err()).toContain('usage: npm run server');
  }, 20_000);

  it('exits 1 when the strategy directory is not there', async () => {
    const missing = join(tmpdir(), 'no-strategies-here');
    const run = server(['--port', '0', '--strategies', missing]);
    expect(await run.exited).toBe(1);
    expect(run.err()).toContain(`cannot start: strategies: no directory ${missing}`);
  }, 20_000);

  it('serves /health, and on SIGTERM flushes the journal, marks a clean stop and exits 0', async () => {
    const journal = join(mkdtempSync(join(tmpdir(), 'main-')), 'journal.jsonl');
    const run = server(['--port', '0', '--journal', journal, '--rate', '1000']);
    const start = Date.now();
    while (!/http:\/\/127\.0\.0\.1:\d+/.test(run.out())) {
      if (Date.now() - start > 15_000) throw new Error(`server did not start: ${run.err()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const url = run.out().match(/http:\/\/127\.0\.0\.1:\d+/)?.[0];
    const healthNow = async () => (await fetch(`${url}/health`)).json();
    // Traffic has journaled something: polled, as a busy machine may take a while to get there.
    let health = await healthNow();
    while (health.seq === 0) {
      if (Date.now() - start > 15_000) throw new Error('the server journaled no traffic');
      await new Promise((resolve) => setTimeout(resolve, 50));
      health = await healthNow();
    }
    expect(health).toMatchObject({ ok: true, journal, clients: 0 });

    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    const lines = readFileSync(journal, 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    const events = lines.filter((line) => line.type === undefined);
    expect(events.length).toBeGreaterThanOrEqual(health.seq);
    expect(lines.at(-1)).toMatchObject({ type: 'stopped', seq: events.length });
  }, 20_000);
});
