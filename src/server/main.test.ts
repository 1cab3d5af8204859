import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * `npm run server`'s own command line, so the test runs the process a user runs. It must not go
 * through tsx's CLI: that relays a signal to its child and SIGKILLs it when the child has not
 * answered within 60 ms, which a busy machine misses (exit 143, no clean stop in the journal).
 */
const [NODE = 'node', ...LAUNCH] = (
  JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { server: string } }
).scripts.server.split(' ');
/** Bounds for a machine under load, not speed figures: starting takes 2-4 s at load 6. */
const START_MS = 45_000;
const TEST_MS = 60_000;

function server(args: string[]) {
  const child = spawn(NODE, [...LAUNCH, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
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
  it(
    'exits 2 with the usage on a bad flag',
    async () => {
      const run = server(['--port', 'many']);
      expect(await run.exited).toBe(2);
      expect(run.err()).toContain('--port must be a whole number');
      expect(run.err()).toContain('usage: npm run server');
    },
    TEST_MS,
  );

  it(
    'exits 1 when the strategy directory is not there',
    async () => {
      const missing = join(tmpdir(), 'no-strategies-here');
      const run = server(['--port', '0', '--strategies', missing]);
      expect(await run.exited).toBe(1);
      expect(run.err()).toContain(`cannot start: strategies: no directory ${missing}`);
    },
    TEST_MS,
  );

  it(
    'serves /health, and on SIGTERM, even one taken late, flushes the journal, marks a clean stop and exits 0',
    async () => {
      const journal = join(mkdtempSync(join(tmpdir(), 'main-')), 'journal.jsonl');
      const run = server(['--port', '0', '--journal', journal, '--rate', '1000']);
      const start = Date.now();
      while (!/http:\/\/127\.0\.0\.1:\d+/.test(run.out())) {
        if (Date.now() - start > START_MS) throw new Error(`server did not start: ${run.err()}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const url = run.out().match(/http:\/\/127\.0\.0\.1:\d+/)?.[0];
      const healthNow = async () => (await fetch(`${url}/health`)).json();
      // Traffic has journaled something: polled, as a busy machine may take a while to get there.
      let health = await healthNow();
      while (health.seq === 0) {
        if (Date.now() - start > START_MS) throw new Error('the server journaled no traffic');
        await new Promise((resolve) => setTimeout(resolve, 50));
        health = await healthNow();
      }
      expect(health).toMatchObject({ ok: true, journal, clients: 0 });

      // The signal comes while the server's process is not running (stopped 300 ms), as on a busy
      // machine. The pid is the one the server prints: a launcher's child has its own.
      const pid = Number(run.out().match(/\(pid (\d+),/)?.[1]);
      process.kill(pid, 'SIGSTOP');
      run.child.kill('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 300));
      try {
        process.kill(pid, 'SIGCONT');
      } catch {
        // Gone already (a launcher killed it): the exit code below says so.
      }
      expect(await run.exited).toBe(0);
      const lines = readFileSync(journal, 'utf8')
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line));
      const events = lines.filter((line) => line.type === undefined);
      expect(events.length).toBeGreaterThanOrEqual(health.seq);
      expect(lines.at(-1)).toMatchObject({ type: 'stopped', seq: events.length });
    },
    TEST_MS,
  );
});
