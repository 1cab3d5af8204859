import type {
  CommandError,
  CommandResult,
  Engine,
  EngineEvent,
  EventOf,
  StartParams,
  StrategyCause,
} from '../engine';
import { ActionRegistry } from '../scxml/actions';
import { type Clock, wallClock } from '../scxml/clock';
import { compileScxml } from '../scxml/compile';
import { ScxmlDocumentError, type SourcePosition } from '../scxml/errors';
import { ScxmlHost } from '../scxml/host';
import type { ScxmlDocument } from '../scxml/model';
import type { RealmFactory, ScriptLimits, ScriptValue } from '../scxml/script/realm';
import type { TraceListener, TraceRecord } from '../scxml/trace';
import { DEFAULT_SERVER, interactionView, type ServerInfo } from './interaction-view';
import { registerIxnActions } from './ixn-actions';
import { installObjectModel } from './object-model';
import { deleteuDataCommand, setuDataCommand, targetInteraction } from './udata-functions';
import { placeOf } from './where';

/** The source text of the document a `src` names, or null when it names none. Never reads files itself. */
export type DocumentResolver = (src: string) => string | null;

export interface StrategyRuntimeOptions {
  /** The engine the strategies act on; its clock should read `clock` (journal times and timers agree). */
  readonly engine: Engine;
  /** Realms for the sessions' ECMAScript datamodels (`src/scxml/script`). */
  readonly realms: RealmFactory;
  /** `VirtualClock` in tests and replay, the wall clock live (the default). */
  readonly clock?: Clock;
  readonly limits?: ScriptLimits;
  /** Documents by `src`: the browser's bundled and uploaded files, the server's strategy directory. */
  readonly documents: DocumentResolver;
  /** Registers more action handlers (the fakes of `src/strategy/fakes`) beside the ixn actions. */
  readonly register?: (actions: ActionRegistry) => void;
  /** Every trace record of every strategy session. */
  readonly onTrace?: TraceListener;
  /** `_genesys.session`. */
  readonly server?: ServerInfo;
}

/** What a host (the worker, the server, a replay) gives to run strategies: all but the engine and clock. */
export interface StrategySetup extends Omit<StrategyRuntimeOptions, 'engine' | 'clock'> {
  /** Queue → src of the strategy an arrival there starts (X10). */
  readonly provisioning?: ReadonlyMap<string, string>;
}

/** A runtime on `engine`, provisioned as `setup` says; the first queue that cannot be is the error. */
export function strategyRuntime(
  engine: Engine,
  clock: Clock,
  setup: StrategySetup,
): StrategyResult<StrategyRuntime> {
  const { provisioning, ...options } = setup;
  const runtime = new StrategyRuntime({ ...options, engine, clock });
  for (const [queue, src] of provisioning ?? []) {
    const provisioned = runtime.provision(queue, src);
    if (!provisioned.ok) {
      runtime.stop();
      return { ok: false, error: { ...provisioned.error, field: `provisioning.${queue}` } };
    }
  }
  return { ok: true, value: runtime };
}

/** Why the runtime refused something; nothing changed. `position` is set for a document's errors. */
export interface StrategyError {
  readonly code: 'unknown' | 'baddocument' | 'badcommand' | CommandError['code'];
  readonly field: string;
  readonly reason: string;
  readonly position?: SourcePosition;
}

export type StrategyResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: StrategyError };

/** What `query` tells about a session that runs a strategy. */
export interface StrategySessionInfo {
  readonly session: string;
  /** The document's `name`, or its `src` when it has none. */
  readonly strategy: string;
  readonly src: string;
  /** Active atomic states, in document order. */
  readonly activeStates: readonly string[];
  /** `_genesys.ixn.interactions` as the session sees it now, in join order. */
  readonly interactions: readonly string[];
}

/** The events of the engine that go to a session's external queue (X7), besides every `*.done`. */
const DELIVERED: ReadonlySet<string> = new Set([
  'interaction.added',
  'interaction.present',
  'interaction.deleted',
  'interaction.notcontrolled',
  'interaction.udata.changed',
]);

/** A session running a strategy, as the runtime tracks it beside its state machine. */
interface Running {
  readonly document: ScxmlDocument;
  readonly strategy: string;
  readonly src: string;
  /** X4: what the session has taken `interaction.added` for and not yet `interaction.deleted`. */
  readonly owned: string[];
  /** The event of the current macrostep, and the action element running now. */
  event: string | undefined;
  action: { readonly element: string; readonly position: SourcePosition } | null;
  /** Why the session failed (a fatal trace record), for the end event's detail. */
  failure: string | undefined;
}

/**
 * ORS applications in the engine. An engine session whose `src` (or, for an arrival, whose
 * queue's provisioned strategy) resolves to a document runs that document: the SCXML session's
 * `_sessionid` is the engine session's id. The engine's ORS events reach its external queue in
 * `seq` order (X7); its ixn actions and `_genesys.ixn` functions are the engine's verbs, with origin
 * `strategy` and a cause naming where they were made; its end ends the engine session and the
 * other way round (B6, X11).
 */
export class StrategyRuntime {
  private readonly engine: Engine;
  private readonly scxml: ScxmlHost;
  private readonly running = new Map<string, Running>();
  private readonly queues = new Map<string, string>();
  private readonly compiled = new Map<string, ScxmlDocument>();
  private readonly unsubscribe: () => void;
  private requests = 0;

  constructor(private readonly options: StrategyRuntimeOptions) {
    this.engine = options.engine;
    const actions = new ActionRegistry();
    registerIxnActions(actions, {
      requestId: () => this.requestId(),
      command: (session, made, command) => this.command(session, made, command),
      deliver: (session, name, data) => this.scxml.lookup(session)?.receive({ name, type: 'external', data }),
    });
    options.register?.(actions);
    const server = options.server ?? DEFAULT_SERVER;
    this.scxml = new ScxmlHost({
      realms: options.realms,
      clock: options.clock ?? wallClock,
      actions,
      ...(options.limits ? { limits: options.limits } : {}),
      resolve: (src) => this.resolve(src),
      onTrace: (record) => this.trace(record),
      prepareRealm: (realm, session) =>
        installObjectModel(
          realm,
          {
            interaction: (id) => {
              const record = this.running.get(session)?.owned.includes(id)
                ? this.engine.state.interactions.get(id)
                : undefined;
              return record === undefined ? null : interactionView(record, server);
            },
            interactionIds: () => this.running.get(session)?.owned ?? [],
            setuData: (udata, id) =>
              this.function(session, setuDataCommand(session, udata, this.pick(session, id))),
            deleteuData: (keys, id) =>
              this.function(session, deleteuDataCommand(session, keys, this.pick(session, id))),
          },
          server,
        ),
    });
    this.unsubscribe = this.engine.subscribe((events) => {
      for (const event of events) this.take(event);
    });
  }

  /**
   * X10: maps an interaction queue to the strategy an arrival there starts. The document must
   * resolve and compile, else nothing changes and the error says why (with its line and column).
   */
  provision(queue: string, src: string): StrategyResult<{ readonly strategy: string }> {
    if (queue.length === 0) return refused('badcommand', 'queue', 'must not be empty');
    const document = this.document(src);
    if (!document.ok) return document;
    this.queues.set(queue, src);
    return { ok: true, value: { strategy: document.value.name ?? src } };
  }

  /** Removes a queue's strategy: later arrivals there start sessions with no strategy. */
  unprovision(queue: string): void {
    this.queues.delete(queue);
  }

  /** Queue → src of its strategy. */
  get provisioning(): ReadonlyMap<string, string> {
    return this.queues;
  }

  /**
   * S1, X10: starts a session running the document `src` names, with start parameters (a
   * top-level `<data>` of the same id takes a parameter's value). A `src` that names no document,
   * or one that does not compile, is refused and nothing is journaled.
   */
  start(
    src: string,
    params?: StartParams,
    options: { readonly session?: string } = {},
  ): StrategyResult<{ readonly session: string }> {
    const document = this.document(src);
    if (!document.ok) return document;
    const result = this.engine.dispatch({
      verb: 'startSession',
      src,
      ...options,
      ...(params ? { params } : {}),
    });
    if (!result.ok) return { ok: false, error: result.error };
    const session = result.events[0]?.session;
    if (session == null) return refused('unknown', 'session', 'the engine started no session');
    return { ok: true, value: { session } };
  }

  /**
   * Any command from outside (wire, file, UI), as `Engine.dispatch` takes it; a `startSession`
   * whose `src` names a document that does not compile is refused first, naming the line.
   */
  dispatch(input: unknown): CommandResult {
    if (typeof input === 'object' && input !== null && 'verb' in input && input.verb === 'startSession') {
      const src = 'src' in input && typeof input.src === 'string' ? input.src : null;
      const text = src === null ? null : this.options.documents(src);
      if (text !== null) {
        const compiled = this.compile(text);
        if (!compiled.ok)
          return { ok: false, error: { ...compiled.error, code: 'badcommand', verb: 'startSession' } };
      }
    }
    return this.engine.dispatch(input);
  }

  /** X13: an external event for a session's state machine (`_event.data` is `data`). */
  send(session: string, name: string, data?: ScriptValue): StrategyResult<null> {
    const machine = this.running.has(session) ? this.scxml.lookup(session) : undefined;
    if (machine === undefined) return refused('unknown', 'session', `no session ${session} runs a strategy`);
    if (!/^[^\s.][^\s]*$/.test(name) || name.endsWith('.'))
      return refused(
        'badcommand',
        'name',
        `"${name}" is not an event name (tokens separated by dots, no spaces)`,
      );
    machine.receive({ name, type: 'external', data });
    return { ok: true, value: null };
  }

  /** A session running a strategy, or null. */
  query(session: string): StrategySessionInfo | null {
    const running = this.running.get(session);
    const machine = this.scxml.lookup(session);
    if (running === undefined || machine === undefined) return null;
    return {
      session,
      strategy: running.strategy,
      src: running.src,
      activeStates: machine.activeStates(),
      interactions: [...running.owned],
    };
  }

  /** Sessions running a strategy now. */
  get sessions(): readonly string[] {
    return [...this.running.keys()];
  }

  /** Stops listening to the engine and cancels every strategy session (their engine sessions stay). */
  stop(): void {
    this.unsubscribe();
    this.scxml.stop();
  }

  // ---- the engine's events in ----

  private take(event: EngineEvent): void {
    if (event.name === 'session.started') this.begin(event);
    else if (event.name === 'session.ended') this.scxml.lookup(event.session ?? '')?.cancel();
    else if (event.session !== null && (DELIVERED.has(event.name) || event.name.endsWith('.done'))) {
      const machine = this.running.has(event.session) ? this.scxml.lookup(event.session) : undefined;
      machine?.receive({ name: event.name, type: 'external', data: eventData(event) });
    }
  }

  /** An engine session starts: it runs a strategy if its src, or its queue's provisioning, names one. */
  private begin(event: EventOf<'session.started'>): void {
    const session = event.session ?? '';
    const given = event.data.src;
    const src =
      event.data.trigger === 'arrival' && given.startsWith('iq:') ? this.queues.get(given.slice(3)) : given;
    const text = src === undefined ? null : this.options.documents(src);
    if (src === undefined || text === null) return;
    const compiled = this.compile(text);
    if (!compiled.ok) {
      this.end(session, 'failed', compiled.error.reason, null);
      return;
    }
    const document = compiled.value;
    this.running.set(session, {
      document,
      strategy: document.name ?? src,
      src,
      owned: [],
      event: undefined,
      action: null,
      failure: undefined,
    });
    this.scxml.start(document, { id: session, ...(event.data.params ? { data: event.data.params } : {}) });
  }

  // ---- the sessions' trace ----

  private trace(record: TraceRecord): void {
    const running = this.running.get(record.session);
    if (running !== undefined) this.follow(record, running);
    this.options.onTrace?.(record);
  }

  private follow(record: TraceRecord, running: Running): void {
    switch (record.kind) {
      case 'macrostep.start': {
        running.event = record.event?.name;
        running.action = null;
        const data = record.event?.data;
        const id =
          typeof data === 'object' && data !== null && 'interactionid' in data ? data.interactionid : null;
        if (typeof id !== 'string') return;
        // X4: the collection changes when the session takes the event, not before.
        const at = running.owned.indexOf(id);
        if (record.event?.name === 'interaction.added' && at < 0) running.owned.push(id);
        if (record.event?.name === 'interaction.deleted' && at >= 0) running.owned.splice(at, 1);
        return;
      }
      case 'action':
        running.action = { element: elementName(record.action), position: record.position };
        return;
      case 'error':
        if (record.error === 'fatal') running.failure = record.message;
        return;
      case 'session.end':
        this.running.delete(record.session);
        if (record.reason === 'cancelled') return;
        this.end(
          record.session,
          record.reason === 'done' ? 'done.scxml' : 'failed',
          running.failure,
          running,
        );
        return;
      default:
        return;
    }
  }

  /** The state machine ended by itself: so does its engine session (B6 releases what it owns). */
  private end(
    session: string,
    reason: 'done.scxml' | 'failed',
    detail: string | undefined,
    running: Running | null,
  ): void {
    if (this.engine.state.sessions.get(session)?.state !== 'running') return;
    const strategy =
      running === null
        ? undefined
        : this.cause(
            session,
            running,
            running.action ?? { element: 'final', position: { line: 0, column: 0 } },
          );
    this.engine.dispatch({
      verb: 'endSession',
      session,
      reason,
      origin: 'strategy',
      ...(detail === undefined ? {} : { detail: detail.slice(0, 1024) }),
      ...(strategy === undefined ? {} : { strategy }),
    });
  }

  // ---- commands out ----

  private command(
    session: string,
    made: { readonly element: string; readonly position: SourcePosition },
    command: Readonly<Record<string, ScriptValue>>,
  ): CommandResult {
    const running = this.running.get(session);
    if (running === undefined)
      throw new Error(`session ${session} is not an engine session: it cannot act on interactions`);
    return this.engine.dispatch({
      ...command,
      origin: 'strategy',
      strategy: this.cause(session, running, made),
    });
  }

  /** A `_genesys.ixn` function: the cause is the element running it (`script`, `assign`...). */
  private function(session: string, command: Readonly<Record<string, ScriptValue>>): void {
    const running = this.running.get(session);
    const made = running?.action ?? { element: 'data', position: { line: 0, column: 0 } };
    const result = this.command(session, made, command);
    if (!result.ok) throw new Error(`${result.error.field} ${result.error.reason}`);
  }

  private pick(session: string, id: ScriptValue): string {
    return targetInteraction(id, this.running.get(session)?.owned ?? []);
  }

  private cause(
    session: string,
    running: Running,
    made: { readonly element: string; readonly position: SourcePosition },
  ): StrategyCause {
    const place = placeOf(running.document, made.position);
    const state = place?.state ?? this.scxml.lookup(session)?.activeStates()[0] ?? '';
    return {
      strategy: running.strategy.slice(0, 1024),
      session,
      state,
      within: place?.within ?? '',
      element: made.element,
      line: made.position.line,
      ...(running.event === undefined ? {} : { event: running.event }),
    };
  }

  private requestId(): string {
    return `SR${++this.requests}`;
  }

  // ---- documents ----

  /** For `<data src>` and `<invoke src>`: the same resolver as the strategies' own documents. */
  private resolve(src: string): string {
    const text = this.options.documents(src);
    if (text === null) throw new Error(`no document "${src}"`);
    return text;
  }

  private document(src: string): StrategyResult<ScxmlDocument> {
    const text = this.options.documents(src);
    if (text === null) return refused('unknown', 'src', `no document "${src}"`);
    return this.compile(text);
  }

  /** Compiled once per text: 10,000 sessions of one strategy share its document. */
  private compile(text: string): StrategyResult<ScxmlDocument> {
    const known = this.compiled.get(text);
    if (known !== undefined) return { ok: true, value: known };
    try {
      const document = compileScxml(text);
      this.compiled.set(text, document);
      return { ok: true, value: document };
    } catch (error) {
      if (!(error instanceof ScxmlDocumentError)) throw error;
      return {
        ok: false,
        error: { code: 'baddocument', field: 'src', reason: error.message, position: error.position },
      };
    }
  }
}

/** An event's data as `_event.data`: plain copies of its fields (a resource object included). */
function eventData(event: EngineEvent): ScriptValue {
  if (event.name === 'interaction.redirect.done')
    return { ...event.data, resource: { ...event.data.resource } };
  if (event.name === 'interaction.udata.changed') return { ...event.data, udata: { ...event.data.udata } };
  if (event.name === 'interaction.created') return null;
  return { ...event.data };
}

function refused(
  code: StrategyError['code'],
  field: string,
  reason: string,
): { ok: false; error: StrategyError } {
  return { ok: false, error: { code, field, reason } };
}

/** A trace's `{namespace}name` as a strategy writes it: `ixn:associate` for ORS's interaction actions. */
function elementName(action: string): string {
  const match = /^\{(.*)\}(.+)$/.exec(action);
  if (match === null) return action;
  return match[1] === 'http://www.genesyslab.com/modules/interaction'
    ? `ixn:${match[2]}`
    : (match[2] ?? action);
}
