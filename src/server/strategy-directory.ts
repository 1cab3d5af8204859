import { readFileSync, realpathSync, statSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';

/** Why a `src` was refused: `badsrc` for what may never be read, `unknown` for no such file. */
export interface SourceRefusal {
  readonly code: 'badsrc' | 'unknown';
  readonly field: 'src';
  readonly reason: string;
}

export type Located =
  | { readonly ok: true; readonly path: string }
  | { readonly ok: false; readonly error: SourceRefusal };

/**
 * The one directory the server reads strategy documents from (`--strategies DIR`): the documents
 * sessions start with, and what they `xi:include` or read with `<data src>`. A `src` is a path
 * relative to the directory; anything that could reach outside it is refused before the disk is
 * looked at, and what is left is resolved, symlinks and all, and must still be inside.
 */
export class StrategyDirectory {
  /**
   * What each `src` read as, and when. Every arrival on a provisioned queue asks for its document,
   * and going to the disk (resolving links, then reading) costs about 0.1 ms: thousands of
   * arrivals a second would spend half a core on it. So a `src` is read again only once its last
   * reading is `freshMs` old: an edited document applies within that.
   */
  private readonly recent = new Map<string, { readonly text: string | null; readonly at: number }>();

  private constructor(
    readonly root: string,
    private readonly freshMs: number,
  ) {}

  /** The directory, resolved; throws (naming it) when it is not a readable directory. */
  static async open(dir: string, options: { readonly freshMs?: number } = {}): Promise<StrategyDirectory> {
    const root = await realpath(dir).catch(() => {
      throw new Error(`strategies: no directory ${dir}`);
    });
    if (!(await stat(root)).isDirectory()) throw new Error(`strategies: ${dir} is not a directory`);
    return new StrategyDirectory(root, options.freshMs ?? 1000);
  }

  /** Where `src` is on disk, or why it may not be read. */
  locate(src: string): Located {
    const refusal = unsafe(src);
    if (refusal !== null) return refused('badsrc', refusal);
    let path: string;
    try {
      path = realpathSync(join(this.root, src));
    } catch {
      return refused('unknown', `no document "${src}" in the strategy directory`);
    }
    if (!path.startsWith(`${this.root}${sep}`))
      return refused('badsrc', `"${src}" leads out of the strategy directory (a symbolic link)`);
    if (!statSync(path).isFile()) return refused('unknown', `"${src}" is not a file`);
    return { ok: true, path };
  }

  /** The runtime's `DocumentResolver`: the text of `src`, or null for anything `locate` refuses. */
  readonly read = (src: string): string | null => {
    const now = Date.now();
    const known = this.recent.get(src);
    if (known !== undefined && now - known.at < this.freshMs) return known.text;
    const text = this.readNow(src);
    // Any client may name any src: the memory of them is bounded.
    if (this.recent.size >= 1024) this.recent.clear();
    this.recent.set(src, { text, at: now });
    return text;
  };

  private readNow(src: string): string | null {
    const located = this.locate(src);
    if (!located.ok) return null;
    try {
      return readFileSync(located.path, 'utf8');
    } catch {
      return null;
    }
  }
}

/** Why `src` is not a plain relative path inside the directory, or null when it is one. */
function unsafe(src: string): string | null {
  if (src.length === 0) return 'must not be empty';
  if (src.includes('\0')) return 'must not hold a NUL character';
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(src)) return `"${src}" is a URL: only files of the strategy directory`;
  if (src.startsWith('/')) return `"${src}" is an absolute path: give one relative to the strategy directory`;
  if (src.includes('\\')) return `"${src}" holds a "\\": folders are separated by "/"`;
  if (src.split('/').includes('..')) return `"${src}" climbs out with "..": not allowed`;
  return null;
}

function refused(code: SourceRefusal['code'], reason: string): { ok: false; error: SourceRefusal } {
  return { ok: false, error: { code, field: 'src', reason } };
}
