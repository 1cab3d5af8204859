import { QuerySyntaxError } from './errors';

interface Span {
  readonly offset: number;
  readonly length: number;
}

/** One token of a query, with where it stands in the text. */
export type Token = Span &
  (
    | { readonly kind: 'word'; readonly text: string; readonly quoted: boolean }
    /** `name:` — a field name and its colon; its value is the next token, with no space between. */
    | { readonly kind: 'field'; readonly name: string }
    | { readonly kind: '(' | ')' | 'OR' | 'AND' | 'NOT' | '-' | 'end' }
  );

const KEYWORDS = new Set(['OR', 'AND', 'NOT']);
/** What may stand before a colon as a field name (`data.` keys included). */
const FIELD_NAME = /^[A-Za-z_][\w.]*$/;

/** Where an unquoted word stops. */
function ends(char: string | undefined): boolean {
  return char === undefined || char === '(' || char === ')' || char === '"' || /\s/.test(char);
}

/** The tokens of `source`, ending with an `end` token; an unclosed quote is the one lexical error. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  const quoted = (): Token => {
    const start = at;
    let text = '';
    at++;
    while (at < source.length && source[at] !== '"') {
      // A backslash takes the next character as it is: \" and \\.
      if (source[at] === '\\' && at + 1 < source.length) at++;
      text += source[at];
      at++;
    }
    if (at >= source.length)
      throw new QuerySyntaxError('expected a closing " for this quote', start, source.length - start);
    at++;
    return { kind: 'word', text, quoted: true, offset: start, length: at - start };
  };
  const unquoted = (): string => {
    const start = at;
    while (!ends(source[at])) at++;
    return source.slice(start, at);
  };
  while (at < source.length) {
    const char = source[at] as string;
    if (/\s/.test(char)) {
      at++;
    } else if (char === '(' || char === ')') {
      tokens.push({ kind: char, offset: at, length: 1 });
      at++;
    } else if (char === '"') {
      tokens.push(quoted());
    } else if (char === '-') {
      // Negation only at the start of a term; a hyphen inside a word is part of it.
      tokens.push({ kind: '-', offset: at, length: 1 });
      at++;
    } else {
      const start = at;
      const run = unquoted();
      const colon = run.indexOf(':');
      if (KEYWORDS.has(run)) {
        tokens.push({ kind: run as 'OR' | 'AND' | 'NOT', offset: start, length: run.length });
      } else if (colon > 0 && FIELD_NAME.test(run.slice(0, colon))) {
        tokens.push({ kind: 'field', name: run.slice(0, colon), offset: start, length: colon + 1 });
        // The value starts right after the colon: a quoted string, or the rest of the run.
        at = start + colon + 1;
        if (source[at] === '"') tokens.push(quoted());
        else if (!ends(source[at])) {
          const valueAt = at;
          const value = unquoted();
          tokens.push({ kind: 'word', text: value, quoted: false, offset: valueAt, length: value.length });
        }
      } else {
        tokens.push({ kind: 'word', text: run, quoted: false, offset: start, length: run.length });
      }
    }
  }
  tokens.push({ kind: 'end', offset: source.length, length: 0 });
  return tokens;
}
