import { type Dirent, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Documents } from '../strategy/documents';
import type { StrategyDirectory } from './strategy-directory';

/**
 * The documents of the strategy directory a page may pick (the catalog's `documents`): every `.scxml` file in it or its
 * folders that `locate` accepts (so no name that climbs out, no link leading out) and that
 * compiles. One that does not compile is left out, with a warning naming its error, once per
 * version of its text [choice: the catalog carries names only, and a name the page offers should
 * start]. Listed when a catalog is sent (a client's sync, a provision), so a file added or fixed
 * shows at the next one.
 */
export class StrategyListing {
  /** What each src's text compiled to: a document is compiled again only once it changes. */
  private readonly known = new Map<string, { readonly text: string; readonly ok: boolean }>();

  constructor(
    private readonly directory: StrategyDirectory,
    private readonly warn: (line: string) => void,
  ) {}

  /** The srcs to offer now, sorted. */
  list(): readonly string[] {
    const offered: string[] = [];
    const seen = new Set<string>();
    for (const src of this.scxmlFiles()) {
      seen.add(src);
      if (this.compiles(src)) offered.push(src);
    }
    for (const src of this.known.keys()) if (!seen.has(src)) this.known.delete(src);
    return offered.sort();
  }

  /** The `.scxml` names under the root that `locate` accepts, folders walked without following links. */
  private scxmlFiles(): string[] {
    const found: string[] = [];
    // Node's own recursive readdir follows links to folders: a link to a parent would loop.
    const walk = (folder: string, prefix: string): void => {
      let entries: Dirent[];
      try {
        entries = readdirSync(folder, { withFileTypes: true });
      } catch (error) {
        this.warn(`strategies: cannot list ${folder} (${error instanceof Error ? error.message : error})`);
        return;
      }
      for (const entry of entries) {
        const src = `${prefix}${entry.name}`;
        if (entry.isDirectory()) walk(join(folder, entry.name), `${src}/`);
        else if (entry.name.endsWith('.scxml') && this.directory.locate(src).ok) found.push(src);
      }
    };
    walk(this.directory.root, '');
    return found;
  }

  private compiles(src: string): boolean {
    const text = this.directory.read(src);
    if (text === null) return false;
    const known = this.known.get(src);
    if (known !== undefined && known.text === text) return known.ok;
    // A Documents of its own, dropped after: the runtime keeps the compiled documents it runs.
    const compiled = new Documents(this.directory.read, 'ors').compile(text);
    if (!compiled.ok) {
      const at = compiled.error.position === undefined ? '' : ` (line ${compiled.error.position.line})`;
      this.warn(`strategies: ${src} is not offered: ${compiled.error.reason}${at}`);
    }
    this.known.set(src, { text, ok: compiled.ok });
    return compiled.ok;
  }
}
