import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StrategyDirectory } from './strategy-directory';

/** `strategies/` with a file, a folder, links in and out, and a secret beside it. */
function layout() {
  const base = mkdtempSync(join(tmpdir(), 'strategy-dir-'));
  writeFileSync(join(base, 'secret.scxml'), 'secret');
  const dir = join(base, 'strategies');
  mkdirSync(join(dir, 'lib'), { recursive: true });
  writeFileSync(join(dir, 'main.scxml'), 'main');
  writeFileSync(join(dir, 'lib', 'util.js'), 'util');
  symlinkSync(join(base, 'secret.scxml'), join(dir, 'out.scxml'));
  symlinkSync(base, join(dir, 'up'));
  symlinkSync(join(dir, 'main.scxml'), join(dir, 'alias.scxml'));
  return { base, dir };
}

describe('--strategies DIR: documents come from the directory only', () => {
  it('reads a file of the directory, in a folder or through a link that stays inside', async () => {
    const directory = await StrategyDirectory.open(layout().dir);
    expect(directory.read('main.scxml')).toBe('main');
    expect(directory.read('lib/util.js')).toBe('util');
    expect(directory.read('./lib/util.js')).toBe('util');
    expect(directory.read('alias.scxml')).toBe('main');
  });

  it('refuses an absolute path, a URL, a climb out with "..", and a link out, naming why', async () => {
    const { base, dir } = layout();
    const directory = await StrategyDirectory.open(dir);
    const refusals: [string, RegExp][] = [
      [join(base, 'secret.scxml'), /absolute path/],
      ['/etc/passwd', /absolute path/],
      ['http://example.com/main.scxml', /URL/],
      ['file:///etc/passwd', /URL/],
      ['data:text/plain,hello', /URL/],
      ['../secret.scxml', /climbs out/],
      ['lib/../../secret.scxml', /climbs out/],
      ['lib\\..\\..\\secret.scxml', /"\\"/],
      ['main.scxml\0', /NUL/],
      ['out.scxml', /symbolic link/],
      ['up/secret.scxml', /symbolic link/],
      ['', /empty/],
    ];
    for (const [src, why] of refusals) {
      const located = directory.locate(src);
      expect([src, located.ok]).toEqual([src, false]);
      if (!located.ok) {
        expect(located.error).toMatchObject({ code: 'badsrc', field: 'src' });
        expect([src, located.error.reason]).toEqual([src, expect.stringMatching(why)]);
      }
      expect(directory.read(src)).toBeNull();
    }
  });

  it('says unknown for what is not there, or not a file', async () => {
    const directory = await StrategyDirectory.open(layout().dir);
    for (const src of ['nope.scxml', 'lib', 'lib/nope.js'])
      expect([src, directory.locate(src)]).toEqual([
        src,
        { ok: false, error: expect.objectContaining({ code: 'unknown', field: 'src' }) },
      ]);
  });

  it('reads a document again once its last reading is freshMs old, not before', async () => {
    const { dir } = layout();
    const cached = await StrategyDirectory.open(dir, { freshMs: 60_000 });
    const fresh = await StrategyDirectory.open(dir, { freshMs: 0 });
    expect([cached.read('main.scxml'), fresh.read('main.scxml')]).toEqual(['main', 'main']);
    writeFileSync(join(dir, 'main.scxml'), 'edited');
    expect([cached.read('main.scxml'), fresh.read('main.scxml')]).toEqual(['main', 'edited']);
    // A refusal is remembered the same way, and a file that appears is seen once it is due.
    expect([cached.read('new.scxml'), fresh.read('new.scxml')]).toEqual([null, null]);
    writeFileSync(join(dir, 'new.scxml'), 'new');
    expect([cached.read('new.scxml'), fresh.read('new.scxml')]).toEqual([null, 'new']);
  });

  it('will not open a directory that is missing or is a file', async () => {
    const { base, dir } = layout();
    await expect(StrategyDirectory.open(join(base, 'missing'))).rejects.toThrow(/no directory .*missing/);
    await expect(StrategyDirectory.open(join(dir, 'main.scxml'))).rejects.toThrow(/not a directory/);
  });
});
