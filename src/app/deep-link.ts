import type { TrafficChange } from '../connection/types';
import { TRAFFIC_RATE, TRAFFIC_SESSIONS } from '../protocol/messages';
import { readViewLink, type ViewLink } from './url-state/view-link';

export interface DeepLink {
  /** A remote engine's URL (`?engine=http://host:port`); absent: the in-browser engine. */
  readonly engine: string | null;
  readonly token: string | null;
  /** Traffic settings to apply once connected (`?rate=1000&sessions=400&seed=7&traffic=off`). */
  readonly traffic: TrafficChange;
  /** The view to reopen: selection, timeline position, the log's filters, the graph's viewport. */
  readonly view: ViewLink;
  /** What could not be used, to tell the user instead of silently ignoring it. */
  readonly problems: readonly string[];
}

/** Reads the page URL's parameters. Never throws: a bad value is reported and left out. */
export function readDeepLink(url: URL): DeepLink {
  const params = url.searchParams;
  const problems: string[] = [];
  const traffic: { -readonly [K in keyof TrafficChange]: TrafficChange[K] } = {};
  const whole = (name: string, min: number, max: number): number | undefined => {
    const raw = params.get(name);
    if (raw === null) return undefined;
    const value = Number(raw);
    if (Number.isInteger(value) && value >= min && value <= max) return value;
    problems.push(`${name} must be a whole number from ${min} to ${max}, got '${raw.slice(0, 40)}'`);
    return undefined;
  };
  const rate = whole('rate', TRAFFIC_RATE.min, TRAFFIC_RATE.max);
  const sessions = whole('sessions', TRAFFIC_SESSIONS.min, TRAFFIC_SESSIONS.max);
  const seed = whole('seed', 0, 2 ** 32 - 1);
  if (rate !== undefined) traffic.rate = rate;
  if (sessions !== undefined) traffic.sessions = sessions;
  if (seed !== undefined) traffic.seed = seed;
  const running = params.get('traffic');
  if (running === 'on' || running === 'off') traffic.running = running === 'on';
  else if (running !== null) problems.push(`traffic must be on or off, got '${running.slice(0, 40)}'`);

  let engine: string | null = null;
  const raw = params.get('engine');
  if (raw !== null) {
    try {
      const parsed = new URL(raw);
      if (parsed.protocol === 'http:' || parsed.protocol === 'https:') engine = parsed.origin;
      else problems.push(`engine must be an http(s) URL, got '${raw.slice(0, 80)}'`);
    } catch {
      problems.push(`engine is not a URL: '${raw.slice(0, 80)}'`);
    }
  }
  const view = readViewLink(params, problems);
  return { engine, token: params.get('token'), traffic, view, problems };
}
