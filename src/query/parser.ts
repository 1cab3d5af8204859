import type { QueryNode } from './ast';
import { QuerySyntaxError } from './errors';
import { fieldNode } from './field-values';
import { type Token, tokenize } from './lexer';

/** A parsed query: `root` is null for an empty query, which every row passes. */
export interface Query {
  readonly source: string;
  readonly root: QueryNode | null;
}

export type ParseResult =
  | { readonly ok: true; readonly query: Query }
  | { readonly ok: false; readonly error: QuerySyntaxError };

/**
 * Parses the log's query language (docs/query.md):
 *
 *   query  = or?
 *   or     = and ("OR" and)*
 *   and    = unary ("AND"? unary)*          adjacent terms are ANDed
 *   unary  = "NOT" unary | "-" atom | atom   "-" directly before its term
 *   atom   = "(" or ")" | field ":" value | word | "quoted words"
 */
export function parseQuery(source: string): ParseResult {
  try {
    return { ok: true, query: { source, root: new Parser(tokenize(source)).query() } };
  } catch (error) {
    if (error instanceof QuerySyntaxError) return { ok: false, error };
    throw error;
  }
}

/** What a token is called in a message. */
function shown(token: Token): string {
  if (token.kind === 'end') return 'the end of the query';
  if (token.kind === 'word') return token.quoted ? 'a quoted string' : `"${token.text}"`;
  if (token.kind === 'field') return `${token.name}:`;
  return token.kind;
}

class Parser {
  private at = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  query(): QueryNode | null {
    if (this.peek().kind === 'end') return null;
    const root = this.or();
    const next = this.peek();
    if (next.kind === ')') throw this.error('this ) closes no (: expected a ( before it', next);
    if (next.kind !== 'end') throw this.error(`expected a term, found ${shown(next)}`, next);
    return root;
  }

  private peek(): Token {
    return this.tokens[this.at] as Token;
  }

  private take(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.at++;
    return token;
  }

  /** An error at `token`; at the end of the text it marks the token before, so it has a length. */
  private error(message: string, token: Token): QuerySyntaxError {
    const marked = token.kind === 'end' ? (this.tokens[this.at - 1] ?? token) : token;
    return new QuerySyntaxError(message, marked.offset, Math.max(1, marked.length));
  }

  private or(): QueryNode {
    const items = [this.and()];
    while (this.peek().kind === 'OR') {
      this.expectTerm(this.take(), 'OR');
      items.push(this.and());
    }
    return items.length === 1 ? (items[0] as QueryNode) : { kind: 'or', items };
  }

  private and(): QueryNode {
    const items = [this.unary()];
    for (;;) {
      const next = this.peek();
      if (next.kind === 'AND') {
        this.expectTerm(this.take(), 'AND');
      } else if (!startsTerm(next)) break;
      items.push(this.unary());
    }
    return items.length === 1 ? (items[0] as QueryNode) : { kind: 'and', items };
  }

  private unary(): QueryNode {
    const token = this.peek();
    if (token.kind === 'NOT') {
      this.expectTerm(this.take(), 'NOT');
      return { kind: 'not', item: this.unary() };
    }
    if (token.kind === '-') {
      this.take();
      const next = this.peek();
      if (next.offset !== token.offset + 1 || !startsTerm(next) || next.kind === 'NOT' || next.kind === '-')
        throw this.error('expected a term right after - (no space), such as -name:interaction.added', token);
      return { kind: 'not', item: this.atom() };
    }
    return this.atom();
  }

  private atom(): QueryNode {
    const token = this.take();
    if (token.kind === '(') {
      if (this.peek().kind === ')') throw this.error('expected a term inside ( )', this.peek());
      const inner = this.or();
      if (this.peek().kind !== ')') throw this.error('this ( is not closed: expected a ) after it', token);
      this.take();
      return inner;
    }
    if (token.kind === 'word') return { kind: 'text', text: token.text };
    if (token.kind === 'OR' || token.kind === 'AND')
      throw this.error(`expected a term before ${token.kind}`, token);
    if (token.kind === 'field') {
      const value = this.peek();
      if (value.kind !== 'word' || value.offset !== token.offset + token.length)
        throw this.error(`expected a value right after ${token.name}: (no space)`, token);
      this.take();
      return fieldNode(token, value);
    }
    throw this.error(`expected a term, found ${shown(token)}`, token);
  }

  /** After an operator, a term must follow: not the end, a ), or another OR/AND. */
  private expectTerm(operator: Token, name: string): void {
    const next = this.peek();
    if (!startsTerm(next))
      throw this.error(
        `expected a term after ${name}, found ${shown(next)}`,
        next.kind === 'end' ? operator : next,
      );
  }
}

function startsTerm(token: Token): boolean {
  return (
    token.kind === 'word' ||
    token.kind === 'field' ||
    token.kind === '(' ||
    token.kind === 'NOT' ||
    token.kind === '-'
  );
}
