import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EngineHost } from '../protocol/host';
import type { ScheduledStart } from '../protocol/journal-lines';
import type { Role } from '../protocol/role';
import { allowedOrigin } from './http-routes';
import { type RestError, rest, sendError, sendJson } from './rest-error';
import { readParams } from './rest-input';
import { RestRateLimit } from './rest-rate';
import { type RestSessions, restSessions, type ScheduleJournal, type SessionRoute } from './rest-sessions';
import { type RoleTokens, roleFor } from './roles';
import { ScheduledStarts } from './scheduled-starts';
import type { SessionRequests } from './session-requests';
import type { StrategyDirectory } from './strategy-directory';

export interface RestOptions {
  readonly host: EngineHost;
  readonly directory: StrategyDirectory | null;
  /** Where `request/<name>` waits for the session's `<ws:response>`. */
  readonly requests: SessionRequests;
  /**
   * Where scheduled starts are kept across restarts, those it held when the server started, and
   * every id it ever gave one (none is given again).
   */
  readonly schedule?: {
    readonly journal: ScheduleJournal;
    readonly waiting: readonly ScheduledStart[];
    readonly given: readonly string[];
  };
  readonly tokens: RoleTokens;
  /** The server listens on loopback only: pages it did not serve itself are refused (as for sockets). */
  readonly loopback: boolean;
  /** Longest request body, in bytes. */
  readonly bodyBytes: number;
  /** Requests per second per client address, after a burst of `burst`; past it `429 busy`. */
  readonly rate: { readonly perSecond: number; readonly burst: number };
  /** Where a failure of ours (a bug) is told. */
  readonly log: (line: string) => void;
}

/** The REST routes, and the scheduled starts they hold (stopped with the server). */
export interface RestRoutes {
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void>;
  stop(): void;
}

/** A request the interface will not take, and the headers that say more (`Allow`, `WWW-Authenticate`). */
interface Refusal {
  readonly error: RestError;
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * ORS's External Interface (X12, X13) under `/scxml/session/`: start, event, request, terminate, query.
 * Each request passes, in order: its origin (as for sockets), its client's rate, its token (`Authorization: Bearer`),
 * its route and method, the viewer's read-only rule, its parameters; then the runtime decides.
 * Every refusal is a typed JSON error (rest-error.ts) and changes nothing.
 */
export function restRoutes(options: RestOptions): RestRoutes {
  const scheduled = new ScheduledStarts(options.schedule?.given ?? []);
  const rate = new RestRateLimit(options.rate.perSecond, options.rate.burst);
  const journal = options.schedule?.journal ?? null;
  const sessions: RestSessions | null =
    options.directory === null
      ? null
      : restSessions(options.host, options.directory, scheduled, options.requests, journal, options.log);
  const waiting = options.schedule?.waiting ?? [];
  if (sessions !== null) sessions.restore(waiting);
  else if (waiting.length > 0)
    options.log(`rest: ${waiting.length} scheduled start(s) wait for a server with --strategies DIR`);

  /** The route a request may take, or why not; its parameters are not read yet. */
  const admit = (req: IncomingMessage, url: URL): SessionRoute | Refusal => {
    if (!allowedOrigin(req.headers.origin, req.headers.host, options.loopback))
      return {
        error: rest('forbidden', 'origin', `pages from ${req.headers.origin} may not call this server`),
      };
    if (!rate.take(req.socket.remoteAddress ?? ''))
      return {
        error: rest('busy', 'rate', `more than ${options.rate.perSecond} requests per second; slow down`),
        headers: { 'retry-after': '1' },
      };
    const role = roleFor(options.tokens, bearer(req.headers.authorization));
    if (role === null)
      return {
        error: rest(
          'unauthorized',
          'authorization',
          'send "Authorization: Bearer <token>" with a known token',
        ),
        headers: { 'www-authenticate': 'Bearer realm="ors-inspector"' },
      };
    const found = routeOf(url.pathname);
    if ('code' in found) return { error: found };
    const method = found.kind === 'query' ? 'GET' : 'POST';
    if (req.method !== method)
      return {
        error: rest('badmethod', 'method', `${url.pathname} takes ${method}`),
        headers: { allow: method },
      };
    const forbidden = viewerRefusal(role, found);
    if (forbidden !== null) return { error: forbidden };
    return found;
  };

  const answer = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const admitted = admit(req, url);
    if ('error' in admitted) return sendError(res, admitted.error, admitted.headers);
    if (sessions === null)
      return sendError(
        res,
        rest('unavailable', 'strategies', 'this server runs no strategies: start it with --strategies DIR'),
      );
    const read = await readParams(req, url, options.bodyBytes);
    if (!read.ok) return sendError(res, read.error);
    const answered = await sessions.answer(admitted, read.params);
    if ('error' in answered) return sendError(res, answered.error);
    sendJson(res, answered.status, answered.body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    try {
      await answer(req, res, url);
    } catch (error) {
      // A client that went away mid-body is no failure of ours.
      if (req.destroyed) return;
      // Nothing a client sends should get here: a failure is ours, logged, and answered.
      options.log(
        `rest: ${req.method} ${url.pathname} failed: ${error instanceof Error ? error.stack : error}`,
      );
      if (!res.headersSent) sendError(res, rest('internal', 'server', 'the server failed; see its log'));
      else res.destroy();
    }
  };

  return {
    handle,
    stop: () => {
      scheduled.stop();
      options.requests.stop();
    },
  };
}

/** `/scxml/session/start`, `/scxml/session/<id>/(event/<name>|terminate|query|request/<name>)`. */
function routeOf(pathname: string): SessionRoute | RestError {
  const parts = pathname.split('/').slice(1);
  if (parts[0] !== 'scxml' || parts[1] !== 'session') return notFound(pathname);
  let decoded: string[];
  try {
    decoded = parts.slice(2).map((part) => decodeURIComponent(part));
  } catch {
    return rest('badrequest', 'path', `${pathname} does not decode`);
  }
  const [session = '', verb, name] = decoded;
  if (decoded.length === 1 && session === 'start') return { kind: 'start' };
  if (session === '') return notFound(pathname);
  if (decoded.length === 2 && verb === 'terminate') return { kind: 'terminate', session };
  if (decoded.length === 2 && verb === 'query') return { kind: 'query', session };
  if (decoded.length === 3 && verb === 'event' && name !== undefined) return { kind: 'event', session, name };
  if (decoded.length === 3 && verb === 'request' && name !== undefined)
    return { kind: 'request', session, name };
  return notFound(pathname);
}

/** [choice] A viewer may query (it reads), and nothing else. */
function viewerRefusal(role: Role, route: SessionRoute): RestError | null {
  if (role === 'operator' || route.kind === 'query') return null;
  return rest(
    'forbidden',
    'authorization',
    `a viewer may only query; ${route.kind} needs the operator token`,
  );
}

function bearer(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

function notFound(pathname: string): RestError {
  return rest(
    'notfound',
    'path',
    `no route ${pathname}: POST /scxml/session/start, POST /scxml/session/<id>/event/<name>, ` +
      'POST /scxml/session/<id>/request/<name>, POST /scxml/session/<id>/terminate, GET /scxml/session/<id>/query',
  );
}
