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

  it('exits non-zero, with a message, when the input cannot be read', async () => {
    const { code, stderr } = await replay(['/no/such/file.jsonl']);
    expect(code).toBe(1);
    expect(stderr).toContain('cannot read /no/such/file.jsonl');
  }, 20_000);
});
