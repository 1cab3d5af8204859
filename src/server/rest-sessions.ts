import { Engine, type ParamValue, type StartParams } from '../engine';
import type { EngineHost } from '../protocol/host';
import type { ScheduledStart } from '../protocol/journal-lines';
import type { ScriptValue } from '../scxml/script/realm';
import type { StrategyError, StrategyRuntime } from '../strategy';
import { type RestError, rest } from './rest-error';
import type { RestParams } from './rest-input';
import { ScheduledStarts } from './scheduled-starts';
import type { SessionRequests } from './session-requests';
import type { StrategyDirectory } from './strategy-directory';

export type Answer = { readonly status: number; readonly body: unknown } | { readonly error: RestError };

export type SessionRoute =
  | { readonly kind: 'start' }
  | { readonly kind: 'event'; readonly session: string; readonly name: string }
  | { readonly kind: 'request'; readonly session: string; readonly name: string }
  | { readonly kind: 'terminate'; readonly session: string }
  | { readonly kind: 'query'; readonly session: string };

export interface RestSessions {
  answer(route: SessionRoute, params: RestParams): Answer | Promise<Answer>;
  /** Waits again for the starts a journal file says were scheduled; one whose time passed starts at once. */
  restore(starts: readonly ScheduledStart[]): void;
}

/** Where scheduled starts are kept across restarts (the journal file, `JournalFile`). */
export interface ScheduleJournal {
  schedule(start: ScheduledStart): void;
  unschedule(session: string, reason: 'started' | 'failed' | 'cancelled'): void;
}

/**
 * What each REST route does to the host's strategies, once the request is known to be allowed
 * and its parameters read. Documents come from `directory` only. The runtime is asked for on
 * each request: a reset gives the host a new one.
 */
export function restSessions(
  host: EngineHost,
  directory: StrategyDirectory,
  scheduled: ScheduledStarts,
  requests: SessionRequests,
  journal: ScheduleJournal | null,
  log: (line: string) => void,
): RestSessions {
  const runtime = (): StrategyRuntime => {
    const current = host.strategies;
    if (current === null) throw new Error('the host was built without strategies');
    return current;
  };

  const start = (params: RestParams): Answer => {
    const { src, idealtime, ...data } = params;
    if (typeof src !== 'string' || src === '')
      return failed(rest('badparams', 'src', 'is mandatory: the document to run'));
    const located = directory.locate(src);
    if (!located.ok) return failed(located.error);
    const startParams = asParams(data);
    if ('error' in startParams) return startParams;
    const at = idealtime === undefined ? null : epochMs(idealtime);
    if (at !== null && 'error' in at) return at;
    if (at !== null && at.at > Date.now()) return later(src, startParams.params, at.at);
    const started = runtime().start(src, startParams.params);
    if (!started.ok) return failed(fromStrategy(started.error));
    return { status: 201, body: { sessionid: started.value.session } };
  };

  /** Checked now as the start will be (document, parameters), so a start that cannot run is refused now. */
  const later = (src: string, params: StartParams | undefined, at: number): Answer => {
    const checked = runtime().check(src);
    if (!checked.ok) return failed(fromStrategy(checked.error));
    const session = scheduled.newId((id) => host.current.state.sessions.has(id));
    // The engine's own validation of the command, on an engine of its own: nothing is journaled.
    const trial = new Engine().dispatch({
      verb: 'startSession',
      src,
      session,
      ...(params ? { params } : {}),
    });
    if (!trial.ok) return failed(fromStrategy(trial.error));
    const start = { session, src, at, ...(params ? { params } : {}) };
    wait(start);
    journal?.schedule(start);
    return { status: 202, body: { sessionid: session, idealtime: at } };
  };

  const wait = ({ session, src, params, at }: ScheduledStart): void => {
    scheduled.add(session, at, () => {
      const started = runtime().start(src, params, { session });
      journal?.unschedule(session, started.ok ? 'started' : 'failed');
      if (!started.ok) log(`rest: the start scheduled as ${session} failed: ${started.error.reason}`);
    });
  };

  const restore = (starts: readonly ScheduledStart[]): void => {
    for (const start of starts) {
      // Started before the stop, its end not written yet: it must not start twice.
      if (host.current.state.sessions.has(start.session)) journal?.unschedule(start.session, 'started');
      else wait(start);
    }
  };

  const event = (session: string, name: string, params: RestParams): Answer => {
    const waiting = notRunning(session);
    if (waiting !== null) return waiting;
    const data = asParams(params);
    if ('error' in data) return data;
    const sent = runtime().send(session, name, data.params ?? {});
    if (!sent.ok) return failed(fromStrategy(sent.error));
    return { status: 202, body: { sessionid: session, event: name } };
  };

  /** X13: the event, then the session's `<ws:response>` as the answer (session-requests.ts). */
  const request = async (session: string, name: string, params: RestParams): Promise<Answer> => {
    const waiting = notRunning(session);
    if (waiting !== null) return waiting;
    const data = asParams(params);
    if ('error' in data) return data;
    const asked = requests.ask(session, () => runtime().send(session, name, data.params ?? {}));
    if (!(asked instanceof Promise)) return failed(fromStrategy(asked));
    const outcome = await asked;
    if (outcome.kind !== 'answered')
      return failed(
        outcome.kind === 'timeout'
          ? rest('timeout', 'request', `session ${session} gave no <ws:response> to ${name} in time`)
          : rest('unavailable', 'server', 'the server stopped before the session answered'),
      );
    const { response } = outcome;
    return {
      status: response.type === 'positive' ? 200 : 422,
      body: { sessionid: session, request: name, ...response },
    };
  };

  const terminate = (session: string): Answer => {
    if (scheduled.cancel(session)) {
      journal?.unschedule(session, 'cancelled');
      return { status: 200, body: { sessionid: session, terminated: 'scheduled' } };
    }
    const ended = runtime().dispatch({ verb: 'endSession', session, reason: 'terminated', origin: 'api' });
    if (!ended.ok) return failed(fromStrategy(ended.error));
    return { status: 200, body: { sessionid: session, terminated: 'running' } };
  };

  const query = (session: string): Answer => {
    const at = scheduled.when(session);
    if (at !== undefined)
      return { status: 200, body: { sessionid: session, state: 'scheduled', idealtime: at } };
    const engine = host.current.state;
    const record = engine.sessions.get(session);
    if (record === undefined) return failed(rest('unknown', 'session', `no session ${session}`));
    const running = runtime().query(session);
    const interactions = record.interactions.flatMap((id) => {
      const interaction = engine.interactions.get(id);
      return interaction === undefined ? [] : [interaction];
    });
    return {
      status: 200,
      body: {
        sessionid: session,
        state: record.state,
        src: record.src,
        strategy: running?.strategy ?? null,
        activeStates: running?.activeStates ?? [],
        datamodel: runtime().datamodel(session) ?? {},
        interactions,
      },
    };
  };

  /** An event needs a session that runs now: not one still waiting, nor one that ended. */
  const notRunning = (session: string): Answer | null => {
    if (scheduled.when(session) !== undefined)
      return failed(rest('invalidstate', 'session', `session ${session} has not started yet (scheduled)`));
    const record = host.current.state.sessions.get(session);
    if (record !== undefined && record.state !== 'running')
      return failed(rest('invalidstate', 'session', `session ${session} has ended`));
    return null;
  };

  return {
    restore,
    answer(route, params) {
      switch (route.kind) {
        case 'start':
          return start(params);
        case 'event':
          return event(route.session, route.name, params);
        case 'request':
          return request(route.session, route.name, params);
        case 'terminate':
          return terminate(route.session);
        case 'query':
          return query(route.session);
      }
    },
  };
}

/** `idealtime`: epoch milliseconds, as digits or a JSON number, no further than a timer reaches. */
function epochMs(value: ScriptValue): { readonly at: number } | { readonly error: RestError } {
  const at =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\d+$/.test(value)
        ? Number(value)
        : NaN;
  if (!Number.isSafeInteger(at) || at < 0)
    return failed(
      rest('badtime', 'idealtime', `must be a time in epoch milliseconds, got ${JSON.stringify(value)}`),
    );
  if (at - Date.now() > ScheduledStarts.HORIZON_MS)
    return failed(rest('badtime', 'idealtime', 'is more than 24 days ahead: too far to schedule'));
  return { at };
}

/**
 * Start parameters (X10) and event data (X13) as the engine takes them: a scalar, a list of scalars or a map of
 * scalars per name. A deeper value is refused here, naming it; the engine checks the rest.
 */
function asParams(
  data: RestParams,
): { readonly params: StartParams | undefined } | { readonly error: RestError } {
  const params: [string, ParamValue][] = [];
  for (const [name, value] of Object.entries(data)) {
    const param = paramValue(value);
    if (param === undefined)
      return failed(
        rest(
          'badparams',
          `params.${name}`,
          'must be a string, number, boolean, null, or a list or map of them',
        ),
      );
    params.push([name, param]);
  }
  return { params: params.length === 0 ? undefined : Object.fromEntries(params) };
}

function paramValue(value: ScriptValue): ParamValue | undefined {
  if (isScalar(value)) return value;
  if (Array.isArray(value)) return value.every(isScalar) ? value : undefined;
  if (typeof value !== 'object') return undefined;
  const entries: [string, string | number | boolean | null][] = [];
  for (const [key, item] of Object.entries(value)) {
    if (!isScalar(item)) return undefined;
    entries.push([key, item]);
  }
  // fromEntries defines each key: a `__proto__` name stays a name, for the engine to refuse.
  return Object.fromEntries(entries);
}

function isScalar(value: ScriptValue): value is string | number | boolean | null {
  return (
    value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
  );
}

function fromStrategy(error: StrategyError): RestError {
  const { code, field, reason, position } = error;
  return position === undefined ? { code, field, reason } : { code, field, reason, position };
}

function failed(error: RestError): { readonly error: RestError } {
  return { error };
}
