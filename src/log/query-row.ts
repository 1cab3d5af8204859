import { clockText } from '../display/time-format';
import type { QueryClock, RowReader, StringTest } from '../query';
import type { LogBuffer, LogRow } from '../store/log-buffer';
import { CELL_TEXT, rowInteraction, rowName, rowSession, rowTime } from './format';

/** The name a refusal answers to, beside its ORS error name (the name filter offers it too). */
export const ERROR_NAME = 'error';

/** A word made only of what a seq or a time cell holds: only then are those cells searched. */
const NUMERIC = /^[\d:.]+$/;

/**
 * The log's rows as the query language reads them (src/query/row.ts). Markers have no facts:
 * only their text is searched (the log shows them whatever the filters anyway).
 */
export const LOG_ROW_READER: RowReader<LogRow> = {
  someName(row, test) {
    if (row.kind === 'event') return test(row.event.name);
    return row.kind === 'error' && (test(ERROR_NAME) || test(rowName(row)));
  },
  someSession(row, test) {
    const session = rowSession(row);
    if (session !== null && test(session)) return true;
    // An owner change also concerns the sessions the interaction leaves and joins.
    if (row.kind !== 'event' || row.event.name !== 'interaction.owner.changed') return false;
    const { from, to } = row.event.data;
    return (from !== null && test(from)) || (to !== null && test(to));
  },
  interaction: rowInteraction,
  origin(row) {
    if (row.kind === 'event') return row.event.cause.origin;
    return row.kind === 'error' ? row.origin : null;
  },
  someCause(row, test) {
    if (row.kind === 'error')
      return test(row.origin) || (row.error.verb !== undefined && test(row.error.verb));
    if (row.kind !== 'event') return false;
    const { origin, verb, strategy } = row.event.cause;
    return (
      test(origin) ||
      test(verb) ||
      (strategy !== undefined && (test(strategy.strategy) || test(strategy.state) || test(strategy.element)))
    );
  },
  strategy(row) {
    return row.kind === 'event' ? (row.event.cause.strategy?.strategy ?? null) : null;
  },
  seq(row) {
    if (row.kind === 'event') return row.event.seq;
    return row.kind === 'marker' ? row.seq : null;
  },
  data(row) {
    if (row.kind === 'event') return row.event.data;
    return row.kind === 'error' ? row.error : null;
  },
  someText: searchCells,
};

/** Row `i` of `log.rows`: the scan reads only positions it holds. */
export function rowAt(log: LogBuffer, i: number): LogRow {
  const row = log.rows[i];
  if (row === undefined) throw new RangeError(`the log holds no row at ${i}`);
  return row;
}

/**
 * The log's rows read by their position in `log.rows`, as LOG_ROW_READER reads them, their names
 * and sessions from the log's code columns: such a test then reads a column, not each row's event.
 */
export function logPositionReader(log: LogBuffer): RowReader<number> {
  const r = LOG_ROW_READER;
  return {
    someName: (i, test) => r.someName(rowAt(log, i), test),
    nameCodes: log.names,
    someSession: (i, test) => r.someSession(rowAt(log, i), test),
    sessionCodes: log.sessions,
    interaction: (i) => r.interaction(rowAt(log, i)),
    origin: (i) => r.origin(rowAt(log, i)),
    someCause: (i, test) => r.someCause(rowAt(log, i), test),
    strategy: (i) => r.strategy(rowAt(log, i)),
    seq: (i) => r.seq(rowAt(log, i)),
    data: (i) => r.data(rowAt(log, i)),
    someText: (i, test, word, clock) => r.someText(rowAt(log, i), test, word, clock),
  };
}

/**
 * Every shown cell, and the full g_uid behind the short one. Cheap cells first and each only until
 * one matches; the time and seq cells are read only for a word that could occur in them, as
 * formatting a time is the dearest cell and a search of every row would spend most of its time there.
 * The time is read as HH:MM:SS.mmm on `clock` alone: `10:42` is 10:42 as the log shows it, not
 * also 10:42 on the other clock.
 */
function searchCells(row: LogRow, test: StringTest, word: string, clock: QueryClock): boolean {
  return (
    test(CELL_TEXT.name(row)) ||
    test(rowSession(row) ?? '') ||
    test(rowInteraction(row) ?? '') ||
    test(CELL_TEXT.data(row)) ||
    test(CELL_TEXT.cause(row)) ||
    (NUMERIC.test(word) && (test(CELL_TEXT.seq(row)) || test(clockText(rowTime(row), clock === 'utc'))))
  );
}
