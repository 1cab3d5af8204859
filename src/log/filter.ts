import { shortGuid } from '../engine';
import { compileQuery, compileText, parseQuery, type QueryClock, type RowReader } from '../query';
import { LogBuffer, type LogRow } from '../store/log-buffer';
import type { LogFilters } from '../store/state';
import { rowName } from './format';
import { ERROR_NAME, logPositionReader, rowAt } from './query-row';

export { ERROR_NAME };

/** A test of the row at a position of the log's rows (its columns are read by position too). */
type Test = (i: number) => boolean;

export function hasFilters(filters: LogFilters): boolean {
  return (
    filters.names.length > 0 ||
    filters.session.trim() !== '' ||
    filters.interaction.trim() !== '' ||
    filters.origin !== '' ||
    filters.strategy.trim() !== '' ||
    filters.text.trim() !== '' ||
    filters.query.trim() !== ''
  );
}

/** Same filters by value: the store writes a new object even when nothing changed. */
export function sameFilters(a: LogFilters, b: LogFilters): boolean {
  return (
    a.session === b.session &&
    a.interaction === b.interaction &&
    a.origin === b.origin &&
    a.strategy === b.strategy &&
    a.text === b.text &&
    a.query === b.query &&
    a.names.length === b.names.length &&
    a.names.every((name, i) => b.names[i] === name)
  );
}

/**
 * Does a row pass? Every filter that is set must hold. Markers (a resync, a reconnect) always
 * pass: they say the stream had a seam, which matters whatever you are looking at. A time in the
 * search or the query is read on `clock`, the one the log shows times on.
 */
export function match(row: LogRow, filters: LogFilters, clock: QueryClock = 'local'): boolean {
  const log = new LogBuffer(1);
  log.append(row);
  return compile(filters, clock, log)(0);
}

/**
 * The filters as one predicate over the positions of `log.rows`, prepared once per pass rather
 * than once per row: only the filters that are set are tested, so a lone query costs a row no
 * more than the query.
 */
function compile(filters: LogFilters, clock: QueryClock, log: LogBuffer): Test {
  const reader = logPositionReader(log);
  const tests: Test[] = [];
  if (filters.names.length > 0) {
    const names = new Set(filters.names);
    tests.push((i) => {
      const row = rowAt(log, i);
      return names.has(row.kind === 'error' ? ERROR_NAME : rowName(row));
    });
  }
  const origin = filters.origin;
  if (origin !== '') tests.push((i) => reader.origin(i) === origin);
  const strategy = filters.strategy.trim();
  if (strategy !== '') tests.push((i) => reader.strategy(i) === strategy);
  const session = filters.session.trim();
  if (session !== '') {
    const isSession = (id: string) => id === session;
    tests.push((i) => reader.someSession(i, isSession));
  }
  const interaction = filters.interaction.trim();
  if (interaction !== '') tests.push((i) => isInteraction(reader.interaction(i), interaction));
  const text = filters.text.trim();
  if (text !== '') tests.push(compileText(text, reader, clock));
  const query = compiledQuery(filters.query, clock, reader);
  if (query !== null) tests.push(query);
  // Only a row that is not an event (code 0) can be a marker: an event's row is not read for it.
  const marker = (i: number) => log.names.code(i) === 0 && rowAt(log, i).kind === 'marker';
  const [only] = tests;
  if (tests.length === 1 && only !== undefined) return (i) => marker(i) || only(i);
  return (i) => marker(i) || tests.every((test) => test(i));
}

/**
 * The query's predicate, or null when there is none. One that does not parse (a hand-edited
 * link, say) filters nothing: the query box shows its error and never applies it.
 */
function compiledQuery(query: string, clock: QueryClock, reader: RowReader<number>): Test | null {
  if (query.trim() === '') return null;
  const parsed = parseQuery(query);
  return parsed.ok ? compileQuery(parsed.query, reader, clock) : null;
}

/** The full g_uid or the short one the log shows. */
function isInteraction(g_uid: string | null, wanted: string): boolean {
  return g_uid !== null && (g_uid === wanted || shortGuid(g_uid) === wanted);
}

/**
 * Which rows of the log pass the filters, kept up to date cheaply: when rows are appended and the
 * filters did not change, only the new rows are examined; when the filters change, all rows are.
 * Rows are numbered absolutely (LogBuffer.dropped + position), so rows dropped from the front of
 * the buffer only cut the front of the index. With no filter set, every row matches and no index
 * is kept at all.
 */
export class FilteredIndex {
  private log: LogBuffer | null = null;
  private filters: LogFilters | null = null;
  private clock: QueryClock = 'local';
  private test: Test = () => true;
  /** Absolute numbers of the matching rows, ascending; null while every row matches. */
  private matches: number[] | null = null;
  /** Rows [0, scanned) of the whole run have been examined. */
  private scanned = 0;
  /** Bumped by every full recompute: a reader's remembered positions no longer apply. */
  generation = 0;
  /** Matching rows that fell off the front of the buffer since the last full recompute. */
  shed = 0;
  /** `log.dropped` when the index was last brought up to date. */
  private seenDropped = 0;

  /** Brings the index up to date with `log` under `filters`, a time in them read on `clock`. */
  update(log: LogBuffer, filters: LogFilters, clock: QueryClock = 'local'): void {
    if (
      log !== this.log ||
      this.filters === null ||
      !sameFilters(filters, this.filters) ||
      clock !== this.clock
    ) {
      this.recompute(log, filters, clock);
      return;
    }
    this.cutDropped(log);
    this.extend(log);
  }

  get length(): number {
    if (this.log === null) return 0;
    return this.matches === null ? this.log.length : this.matches.length;
  }

  /** The absolute number of the i-th matching row. */
  absolute(i: number): number {
    const log = this.log;
    if (log === null) return -1;
    return this.matches === null ? log.dropped + i : (this.matches[i] ?? -1);
  }

  row(i: number): LogRow | undefined {
    const log = this.log;
    return log === null ? undefined : log.rows[this.absolute(i) - log.dropped];
  }

  /** How many matching rows are older than absolute row `total` (what a paused view holds). */
  countBefore(total: number): number {
    const log = this.log;
    if (log === null) return 0;
    if (this.matches === null) return Math.max(0, Math.min(log.length, total - log.dropped));
    return lowerBound(this.matches, total);
  }

  private recompute(log: LogBuffer, filters: LogFilters, clock: QueryClock): void {
    this.log = log;
    this.filters = filters;
    this.clock = clock;
    this.generation++;
    this.shed = 0;
    this.seenDropped = log.dropped;
    this.scanned = log.dropped;
    this.matches = hasFilters(filters) ? [] : null;
    if (this.matches !== null) this.test = compile(filters, clock, log);
    this.extend(log);
  }

  private cutDropped(log: LogBuffer): void {
    if (log.dropped === this.seenDropped) return;
    if (this.matches === null) {
      this.shed += log.dropped - this.seenDropped;
    } else {
      const keep = lowerBound(this.matches, log.dropped);
      this.shed += keep;
      this.matches = this.matches.slice(keep);
    }
    this.seenDropped = log.dropped;
  }

  private extend(log: LogBuffer): void {
    const from = Math.max(this.scanned, log.dropped);
    const matches = this.matches;
    if (matches !== null) {
      // Held in locals: a search of a million rows reads them a million times.
      const { length, dropped } = log;
      const test = this.test;
      for (let i = from - dropped; i < length; i++) if (test(i)) matches.push(i + dropped);
    }
    this.scanned = log.total;
  }
}

/** The first position in ascending `values` whose value is >= `value`. */
function lowerBound(values: readonly number[], value: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
