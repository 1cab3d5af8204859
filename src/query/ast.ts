/** The fields whose value is text: each names one fact of a row (docs/query.md says which). */
export const TEXT_FIELDS = ['name', 'session', 'interaction', 'cause', 'origin', 'strategy'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/** A field's wanted value: the whole value, or (a trailing `*`) its start; an empty start is any value. */
export interface ValuePattern {
  readonly kind: 'exact' | 'prefix';
  readonly text: string;
}

/** Inclusive bounds; an open end is an infinity. */
export interface SeqRange {
  readonly min: number;
  readonly max: number;
}

/** A parsed query. `and`/`or` hold two or more items. */
export type QueryNode =
  | { readonly kind: 'and' | 'or'; readonly items: readonly QueryNode[] }
  | { readonly kind: 'not'; readonly item: QueryNode }
  /** A bare word or a quoted phrase: somewhere in the row's text. */
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'field'; readonly field: TextField; readonly value: ValuePattern }
  /** `data.a.b:` — the path of keys into the row's data. */
  | { readonly kind: 'data'; readonly path: readonly string[]; readonly value: ValuePattern }
  | { readonly kind: 'seq'; readonly range: SeqRange };
