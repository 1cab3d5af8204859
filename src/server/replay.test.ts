import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const TSX = 'node_modules/tsx/dist/cli.mjs';

async function replay(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node', [TSX, 'src/server/replay.ts', ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run replay', () => {
  it('prints one JSON line per event and per error, exits 0 despite refused and malformed lines', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'replay-')), 'commands.jsonl');
    writeFileSync(
      file,
      [
        '{"verb":"startSession","src":"a","session":"S-1"}',
        '{oops',
        '{"verb":"endSession","session":"S-1"}',
      ].join('\n'),
    );
    const { code, stdout } = await replay([file, '--time', '42']);
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(
      lines.map((l) =>
        l.type === 'event' ? `${l.seq}:${l.name}:${l.time}` : `error:${l.line}:${l.error.code}`,
      ),
    ).toEqual(['1:session.started:42', 'error:2:badcommand', '2:session.ended:42']);
  }, 20_000);

  it('runs strategies headless: an arrival on a provisioned queue starts a sample, advance fires its timer, the summary names its final state', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'replay-')), 'script.jsonl');
    writeFileSync(
      file,
      [
        '{"provision":"sales","src":"greet-and-route.scxml"}',
        '{"verb":"arrive","media":"TMediaVoice","queue":"sales","g_uid":"G1","session":"S-1"}',
        '{"advance":4000}',
      ].join('\n'),
    );
    const { code, stdout } = await replay([file, '--time', '0']);
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const timer = lines.find((l) => l.type === 'received' && l.name === 'Connected1.done');
    expect(timer).toEqual({
      type: 'received',
      session: 'S-1',
      time: 4000,
      name: 'Connected1.done',
      queue: 'external',
    });
    expect(lines.at(-1)).toMatchObject({
      type: 'session',
      session: 'S-1',
      strategy: 'GreetAndRoute',
      activeStates: [],
      final: 'Exit',
    });
  }, 20_000);

  it('--strategies DIR: documents come from that directory only; a path that leaves it names no document', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'replay-dir-'));
    writeFileSync(
      join(dir, 'mine.scxml'),
      '<scxml xmlns="http://www.w3.org/2005/07/scxml" version="1.0" datamodel="ecmascript" name="Mine"><state id="a"><transition target="done"/></state><final id="done"/></scxml>',
    );
    const file = join(dir, 'script.jsonl');
    writeFileSync(
      file,
      [
        '{"start":"mine.scxml","session":"S-M"}',
        '{"start":"../mine.scxml"}',
        '{"start":"greet-and-route.scxml"}',
      ].join('\n'),
    );
    const { code, stdout } = await replay([file, '--time', '0', '--strategies', dir]);
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(
      lines.filter((l) => l.type === 'error').map((l) => `${l.line} ${l.error.code} ${l.error.field}`),
    ).toEqual(['2 unknown src', '3 unknown src']);
    expect(lines.at(-1)).toMatchObject({ type: 'session', session: 'S-M', strategy: 'Mine', final: 'done' });
  }, 20_000);

  it('exits non-zero, with a message, when the input cannot be read', async () => {
    const { code, stderr } = await replay(['/no/such/file.jsonl']);
    expect(code).toBe(1);
    expect(stderr).toContain('cannot read /no/such/file.jsonl');
  }, 20_000);
});
