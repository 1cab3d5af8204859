import type { Viewport } from '@xyflow/react';
import { EVENT_NAMES, ORIGINS, type Origin } from '../../engine';
import { ZOOM_RANGE } from '../../graph/GraphView';
import { ERROR_NAME } from '../../log/filter';
import type { LogFilters, Selection } from '../../store/state';
import { DEFAULT_LIMITS, type TriageLimits } from '../../triage';
import { readTriageParam, triageParamText } from './triage-param';

/**
 * What a link says of the view: what is selected, when, the log's filters and the triage limits
 * (what the lists on screen are made with), where the graph looks.
 */
export interface ViewState {
  readonly selection: Selection;
  /** The seq on screen; null: live. */
  readonly at: number | null;
  readonly filters: LogFilters;
  readonly triage: TriageLimits;
  readonly viewport: Viewport | null;
}

/**
 * A link's view. `filters` and `triage` are null when the link names no view at all (the saved
 * ones apply).
 */
export interface ViewLink extends Omit<ViewState, 'filters' | 'triage'> {
  readonly filters: LogFilters | null;
  readonly triage: TriageLimits | null;
}

/** The URL's parameter for each part of the view; the others (`engine`, traffic...) are left alone. */
const P = {
  selection: 'sel',
  at: 'at',
  viewport: 'view',
  names: 'event',
  session: 'session',
  interaction: 'interaction',
  origin: 'cause',
  strategy: 'strategy',
  text: 'search',
  query: 'query',
  triage: 'triage',
} as const;

const KNOWN_NAMES: ReadonlySet<string> = new Set([...EVENT_NAMES, ERROR_NAME]);
/** A name the log's name filter offers: an event's, or refusals'. */
export const isFilterName = (name: string): boolean => KNOWN_NAMES.has(name);
const KNOWN_ORIGINS: ReadonlySet<string> = new Set(ORIGINS);
const isOrigin = (value: string): value is Origin => KNOWN_ORIGINS.has(value);

/**
 * The view a URL names. Never throws: a bad value is put in `problems` by name and left out. A
 * link naming any part of a view names its filters whole (those it leaves out are off) and its
 * triage limits whole (those it leaves out are the defaults), so it opens the same log and the
 * same triage whatever the browser saved.
 */
export function readViewLink(params: URLSearchParams, problems: string[]): ViewLink {
  const shown = (raw: string) => `'${raw.slice(0, 80)}'`;
  let selection: Selection = null;
  const sel = params.get(P.selection);
  if (sel !== null) {
    const colon = sel.indexOf(':');
    const kind = sel.slice(0, colon);
    const id = sel.slice(colon + 1);
    if (colon > 0 && id !== '' && (kind === 'session' || kind === 'interaction')) selection = { kind, id };
    else problems.push(`sel must be session:<id> or interaction:<g_uid>, got ${shown(sel)}`);
  }

  let at: number | null = null;
  const rawAt = params.get(P.at);
  if (rawAt !== null) {
    const seq = Number(rawAt);
    if (rawAt !== '' && Number.isSafeInteger(seq) && seq >= 0) at = seq;
    else problems.push(`at must be a seq (a whole number from 0), got ${shown(rawAt)}`);
  }

  let viewport: Viewport | null = null;
  const rawView = params.get(P.viewport);
  if (rawView !== null) {
    const parts = rawView.split(',').map((part) => (part.trim() === '' ? Number.NaN : Number(part)));
    const [x = Number.NaN, y = Number.NaN, zoom = Number.NaN] = parts;
    const fits = parts.length === 3 && Number.isFinite(x) && Number.isFinite(y);
    if (fits && zoom >= ZOOM_RANGE.min && zoom <= ZOOM_RANGE.max) viewport = { x, y, zoom };
    else
      problems.push(
        `view must be x,y,zoom (zoom ${ZOOM_RANGE.min} to ${ZOOM_RANGE.max}), got ${shown(rawView)}`,
      );
  }

  const names: string[] = [];
  for (const name of (params.get(P.names) ?? '').split(',')) {
    if (name === '') continue;
    if (isFilterName(name)) names.push(name);
    else problems.push(`event must name ORS events (or ${ERROR_NAME}), got ${shown(name)}`);
  }
  let origin: Origin | '' = '';
  const cause = params.get(P.origin);
  if (cause !== null && cause !== '') {
    if (isOrigin(cause)) origin = cause;
    else problems.push(`cause must be one of ${ORIGINS.join(', ')}, got ${shown(cause)}`);
  }
  const text = (key: keyof typeof P) => params.get(P[key]) ?? '';
  const filters: LogFilters = {
    names,
    origin,
    session: text('session'),
    interaction: text('interaction'),
    strategy: text('strategy'),
    text: text('text'),
    query: text('query'),
  };
  const rawTriage = params.get(P.triage);
  const triage = rawTriage === null ? DEFAULT_LIMITS : readTriageParam(rawTriage, problems);
  const namesView = Object.values(P).some((key) => params.has(key));
  return {
    selection,
    at,
    viewport,
    filters: namesView ? filters : null,
    triage: namesView ? triage : null,
  };
}

/**
 * The URL with the view's parameters set, and those of parts at their default (nothing selected,
 * live, a filter off) taken out; the URL's other parameters are kept as they were.
 */
export function writeViewLink(url: URL, view: ViewState): URL {
  const next = new URL(url);
  const params = next.searchParams;
  const put = (key: string, value: string) => (value === '' ? params.delete(key) : params.set(key, value));
  put(P.selection, view.selection === null ? '' : `${view.selection.kind}:${view.selection.id}`);
  put(P.at, view.at === null ? '' : String(view.at));
  put(P.viewport, view.viewport === null ? '' : viewportText(view.viewport));
  const { filters } = view;
  put(P.names, filters.names.join(','));
  put(P.session, filters.session);
  put(P.interaction, filters.interaction);
  put(P.origin, filters.origin);
  put(P.strategy, filters.strategy);
  put(P.text, filters.text);
  put(P.query, filters.query);
  put(P.triage, triageParamText(view.triage));
  return next;
}

/** Whole pixels, and a zoom to four places: enough to draw the same view, short enough to read. */
function viewportText({ x, y, zoom }: Viewport): string {
  return `${Math.round(x)},${Math.round(y)},${Math.round(zoom * 10_000) / 10_000}`;
}
