/** A test of one string of a row (a name, an id, a cell's text). */
export type StringTest = (text: string) => boolean;

/**
 * The clock a row's time is read on when a bare word is looked for in it (`10:42`): the one the
 * page shows times on, so that a time typed as seen finds the rows seen with it.
 */
export type QueryClock = 'local' | 'utc';

/**
 * A fact a reader keeps as codes: `code(row)` stands for `value(code)`, and a scan testing the
 * fact reads the codes, testing each value once; 0 is a row whose fact the reader's own method
 * must read (none, or several).
 */
export interface Codes<R> {
  code(row: R): number;
  value(code: number): string;
}

/**
 * What a query reads of a row, however the caller stores its rows: the log adapts its `LogRow`
 * to it (`src/log/filter.ts`) without copying a row. Facts a row may hold several of (the sessions
 * an owner change touches, the parts of a cause, the cells of its text) are offered to a test,
 * one by one, until one passes; null is a fact the row does not have.
 */
export interface RowReader<R> {
  /** The row's name as the page shows it, and any other name it answers to (`error` for a refusal). */
  someName(row: R, test: StringTest): boolean;
  /** Optional: the rows' names as codes, so that a name test is answered once per name. */
  readonly nameCodes?: Codes<R>;
  /** The session the row is addressed to, and those an owner change takes an interaction from or to. */
  someSession(row: R, test: StringTest): boolean;
  /** Optional: the rows' one session as codes, so that a session test is answered once per session. */
  readonly sessionCodes?: Codes<R>;
  /** The interaction's full id (g_uid). */
  interaction(row: R): string | null;
  /** Who made the command: `traffic`, `drag`, `keyboard`, `api`, `strategy`... */
  origin(row: R): string | null;
  /** Its origin, its verb, and for a strategy's command the strategy's name, state and element. */
  someCause(row: R, test: StringTest): boolean;
  /** The name of the strategy whose command made the row. */
  strategy(row: R): string | null;
  seq(row: R): number | null;
  /** The row's data, read by `data.<key>` paths: an object, or null. */
  data(row: R): unknown;
  /**
   * The row's text as shown, cell by cell (cheapest first), and what stands behind a shortened
   * cell (a full g_uid); its time on `clock` only. `word` is what `test` looks for, so cells that
   * cannot hold it (a time when the word has letters) may be skipped.
   */
  someText(row: R, test: StringTest, word: string, clock: QueryClock): boolean;
}
