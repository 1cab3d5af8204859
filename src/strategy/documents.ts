import { compileScxml } from '../scxml/compile';
import { ScxmlDocumentError } from '../scxml/errors';
import type { Dialect, ScxmlDocument } from '../scxml/model';
import { refused, type StrategyResult } from './result';

/** The source text of the document a `src` names, or null when it names none. Never reads files itself. */
export type DocumentResolver = (src: string) => string | null;

/** Documents by `src`, through the host's resolver, each text compiled once. */
export class Documents {
  /** 10,000 sessions of one strategy share its compiled document. */
  private readonly compiled = new Map<string, ScxmlDocument>();

  constructor(
    private readonly resolver: DocumentResolver,
    /** ORS applications are written to ORS's dialect; `w3c` only for a host that asks for it. */
    private readonly dialect: Dialect = 'ors',
  ) {}

  /** The text `src` names, or null. */
  text(src: string): string | null {
    return this.resolver(src);
  }

  /** For `<data src>` and `<invoke src>`, which throw when there is nothing. */
  require(src: string): string {
    const text = this.resolver(src);
    if (text === null) throw new Error(`no document "${src}"`);
    return text;
  }

  /** The compiled document `src` names; `unknown` when there is none, `baddocument` with its position. */
  document(src: string): StrategyResult<ScxmlDocument> {
    const text = this.resolver(src);
    if (text === null) return refused('unknown', 'src', `no document "${src}"`);
    return this.compile(text);
  }

  compile(text: string): StrategyResult<ScxmlDocument> {
    const known = this.compiled.get(text);
    if (known !== undefined) return { ok: true, value: known };
    try {
      const document = compileScxml(text, { dialect: this.dialect, resolve: (href) => this.require(href) });
      this.compiled.set(text, document);
      return { ok: true, value: document };
    } catch (error) {
      if (!(error instanceof ScxmlDocumentError)) throw error;
      const { message: reason, position } = error;
      return { ok: false, error: { code: 'baddocument', field: 'src', reason, position } };
    }
  }
}
