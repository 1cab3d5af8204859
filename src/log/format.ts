import { type EngineEvent, eventInteraction, type StrategyCause, shortGuid } from '../engine';
import type { LogRow } from '../store/log-buffer';

/**
 * What one log row shows, cell by cell, as plain strings: the row component renders them and the
 * text filter searches them, so "matches what you see" holds by construction.
 */
export interface LogCells {
  readonly seq: string;
  readonly session: string;
  /** The ORS event name verbatim; for a refusal its ORS error name or `<verb> refused`. */
  readonly name: string;
  /** The short g_uid (last six characters). */
  readonly interaction: string;
  readonly data: string;
  readonly cause: string;
}

/** A session id, or a dash for "no session" (an interaction between owners). */
function sessionText(session: string | null): string {
  return session ?? '—';
}

/** The one or two facts of an event worth reading in a line; the rest is on the details panel. */
export function keyData(event: EngineEvent): string {
  switch (event.name) {
    case 'session.started':
      return event.data.invoker === undefined
        ? `${event.data.trigger} · src ${event.data.src}`
        : `invoke by ${event.data.invoker.session} · src ${event.data.src}`;
    case 'session.ended':
      return `reason ${event.data.reason}`;
    case 'interaction.created': {
      const { media, category, queue } = event.data.interaction;
      return `${media} ${category} · queue ${queue}`;
    }
    case 'interaction.state.changed':
      return `${event.data.from} → ${event.data.to}`;
    case 'interaction.owner.changed':
      return `from ${sessionText(event.data.from)} → ${sessionText(event.data.to)} via ${event.data.via}`;
    case 'interaction.ended':
      return `reason ${event.data.reason}`;
    case 'interaction.deleted':
      return event.data.resultof === undefined ? '' : `resultof: ${event.data.resultof}`;
    case 'interaction.redirect.done':
      return `requestid ${event.data.requestid} · to ${event.data.resource.address}`;
    case 'interaction.associate.done':
    case 'interaction.attach.done':
    case 'interaction.detach.done':
    case 'interaction.terminate.done':
      return `requestid ${event.data.requestid}`;
    case 'interaction.udata.changed':
      return [
        event.data.changed.length > 0 ? `set ${event.data.changed.join(', ')}` : '',
        event.data.deleted.length > 0 ? `deleted ${event.data.deleted.join(', ')}` : '',
      ]
        .filter((part) => part !== '')
        .join(' · ');
    case 'session.event':
      return `event ${event.data.event}`;
    case 'interaction.added':
    case 'interaction.present':
    case 'interaction.notcontrolled':
    case 'session.purged':
    case 'interaction.purged':
      return '';
  }
}

/**
 * Why it happened: who asked (origin), what (verb) and which accepted command (#n); for a
 * strategy's command, where in it (strategyText).
 */
export function causeText(origin: string, verb: string, command?: number, strategy?: StrategyCause): string {
  const who = originText(origin, strategy);
  return command === undefined ? `${who} · ${verb}` : `${who} · ${verb} #${command}`;
}

/** Who made a command: its origin, and for a strategy's, where in it. */
export function originText(origin: string, strategy?: StrategyCause): string {
  return strategy === undefined ? origin : `${origin} ${strategyText(strategy)}`;
}

/** Where in a strategy a command was made: "greet · state routing · ixn:redirect in transition, line 12". */
export function strategyText(cause: StrategyCause): string {
  const within = cause.within === '' ? '' : ` in ${cause.within}`;
  const line = cause.line > 0 ? `, line ${cause.line}` : '';
  const element = cause.element === '' ? '' : ` · ${cause.element}${within}${line}`;
  return `${cause.strategy} · state ${cause.state}${element}`;
}

/** The interaction a row concerns (full g_uid), if any: what a click on the row selects. */
export function rowInteraction(row: LogRow): string | null {
  if (row.kind === 'event') return eventInteraction(row.event);
  if (row.kind === 'error') return row.interaction;
  return null;
}

/** The session a row is addressed to, if any. */
export function rowSession(row: LogRow): string | null {
  if (row.kind === 'event') return row.event.session;
  if (row.kind === 'error') return row.session;
  return null;
}

/** When the row's event happened, or the page noted it (a refusal, a marker). */
export function rowTime(row: LogRow): number {
  return row.kind === 'event' ? row.event.time : row.time;
}

/** The name cell: the event name, or for a refusal the ORS error event's name. */
export function rowName(row: LogRow): string {
  if (row.kind === 'event') return row.event.name;
  if (row.kind === 'error') return row.error.ors?.name ?? `${row.error.verb ?? 'command'} refused`;
  return 'marker';
}

/** Each cell's text, one function per column, so the text filter can read only the cells it needs. */
export const CELL_TEXT: { readonly [K in keyof LogCells]: (row: LogRow) => string } = {
  seq: (row) => (row.kind === 'event' ? String(row.event.seq) : row.kind === 'marker' ? String(row.seq) : ''),
  session: (row) => rowSession(row) ?? '',
  name: rowName,
  interaction: (row) => {
    const g_uid = rowInteraction(row);
    return g_uid === null ? '' : shortGuid(g_uid);
  },
  data: (row) => {
    if (row.kind === 'event') return keyData(row.event);
    if (row.kind === 'error') return `${row.error.code} · ${row.error.field}: ${row.error.reason}`;
    return row.text;
  },
  cause: (row) => {
    if (row.kind === 'event')
      return causeText(
        row.event.cause.origin,
        row.event.cause.verb,
        row.event.cause.command,
        row.event.cause.strategy,
      );
    if (row.kind === 'error') return causeText(row.origin, row.error.verb ?? 'command');
    return '';
  },
};

/**
 * The cells a row draws as text. Its time it draws in the display the user chose, and a search
 * reads it on that clock (query-row.ts): neither is a cell of its own.
 */
export function rowCells(row: LogRow): LogCells {
  return {
    seq: CELL_TEXT.seq(row),
    session: CELL_TEXT.session(row),
    name: CELL_TEXT.name(row),
    interaction: CELL_TEXT.interaction(row),
    data: CELL_TEXT.data(row),
    cause: CELL_TEXT.cause(row),
  };
}
