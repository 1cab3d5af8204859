import {
  type CommandResult,
  type Engine,
  type EngineEvent,
  type EventOf,
  LIMITS,
  type Origin,
  type StartParams,
} from '../engine';
import { ActionRegistry } from '../scxml/actions';
import { type Clock, wallClock } from '../scxml/clock';
import { type ChildStart, ScxmlHost } from '../scxml/host';
import type { Dialect, ScxmlDocument } from '../scxml/model';
import type { RealmFactory, ScriptLimits, ScriptValue } from '../scxml/script/realm';
import type { TraceListener, TraceRecord } from '../scxml/trace';
import { type DocumentResolver, Documents } from './documents';
import { DEFAULT_SERVER, interactionView, type ServerInfo } from './interaction-view';
import { registerIxnActions } from './ixn-actions';
import { installObjectModel } from './object-model';
import { refused, type StrategyResult } from './result';
import { Running } from './running';
import { deleteuDataCommand, setuDataCommand, targetInteraction } from './udata-functions';
import type { Made } from './where';

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
  /**
   * `ors` (the default) for ORS applications as Composer writes them (docs/scxml.md, "The ORS
   * dialect"); `w3c` for a document written to the Recommendation alone.
   */
  readonly dialect?: Dialect;
  /** Registers more action handlers (the fakes of `src/strategy/fakes`) beside the ixn actions. */
  readonly register?: (actions: ActionRegistry) => void;
  /** Every trace record of every strategy session. */
  readonly onTrace?: TraceListener;
  /** `_genesys.session`. */
  readonly server?: ServerInfo;
}

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
  private readonly documents: Documents;
  private readonly scxml: ScxmlHost;
  private readonly running = new Map<string, Running>();
  private readonly queues = new Map<string, string>();
  private readonly unsubscribe: () => void;
  private requests = 0;
  /** Set by `stop`: the machines it cancels leave their engine sessions as they are. */
  private stopped = false;

  constructor(private readonly options: StrategyRuntimeOptions) {
    this.engine = options.engine;
    this.documents = new Documents(options.documents, options.dialect);
    const actions = new ActionRegistry();
    registerIxnActions(actions, {
      requestId: () => `SR${++this.requests}`,
      command: (session, made, command) => this.command(session, made, command),
      deliver: (session, name, data) => this.deliver(session, name, data),
    });
    options.register?.(actions);
    this.scxml = new ScxmlHost({
      realms: options.realms,
      clock: options.clock ?? wallClock,
      actions,
      ...(options.limits ? { limits: options.limits } : {}),
      resolve: (src) => this.documents.require(src),
      onTrace: (record) => this.trace(record),
      prepareRealm: (realm, session) => this.objectModel(realm, session),
      childId: (child) => this.invoked(child),
      childFailed: (session, error) => this.invokeFailed(session, error),
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
    const document = this.documents.document(src);
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
    const document = this.documents.document(src);
    if (!document.ok) return document;
    const command = { verb: 'startSession', src, ...options, ...(params ? { params } : {}) };
    const result = this.engine.dispatch(command);
    if (!result.ok) return { ok: false, error: result.error };
    const session = result.events[0]?.session;
    if (session == null) return refused('unknown', 'session', 'the engine started no session');
    return { ok: true, value: { session } };
  }

  /** Whether `start(src)` would find and compile its document (a start scheduled for later); nothing starts. */
  check(src: string): StrategyResult<{ readonly strategy: string }> {
    const document = this.documents.document(src);
    return document.ok ? { ok: true, value: { strategy: document.value.name ?? src } } : document;
  }

  /**
   * Any command from outside (wire, file, UI), as `Engine.dispatch` takes it. A command with a
   * `src` (`startSession`, `arrive`) naming a document that does not compile is refused first,
   * naming the line, so nothing is journaled for it.
   */
  dispatch(input: unknown): CommandResult {
    return this.documentRefusal(input) ?? this.eventRefusal(input) ?? this.engine.dispatch(input);
  }

  /** A `sendEvent` to a session that runs no strategy would be journaled and taken by nobody. */
  private eventRefusal(input: unknown): CommandResult | null {
    if (typeof input !== 'object' || input === null || !('verb' in input) || input.verb !== 'sendEvent')
      return null;
    const session = 'session' in input && typeof input.session === 'string' ? input.session : null;
    if (session === null || this.running.has(session)) return null;
    const reason = `no strategy runs in session ${session}`;
    return { ok: false, error: { code: 'unknown', field: 'session', reason, verb: 'sendEvent' } };
  }

  private documentRefusal(input: unknown): CommandResult | null {
    if (typeof input !== 'object' || input === null || !('src' in input) || typeof input.src !== 'string')
      return null;
    const text = this.documents.text(input.src);
    const compiled = text === null ? null : this.documents.compile(text);
    if (compiled === null || compiled.ok) return null;
    const verb = 'verb' in input && typeof input.verb === 'string' ? { verb: input.verb } : {};
    return { ok: false, error: { code: 'badcommand', field: 'src', reason: compiled.error.reason, ...verb } };
  }

  /**
   * X13: an event for a session's state machine (`_event.data` is `data`), journaled as
   * `session.event` so a replay sends it again. Only a session running a strategy takes one.
   */
  send(session: string, name: string, data?: StartParams, origin: Origin = 'api'): StrategyResult<null> {
    if (!this.running.has(session))
      return refused('unknown', 'session', `no session ${session} runs a strategy`);
    const result = this.engine.dispatch({
      verb: 'sendEvent',
      session,
      event: name,
      origin,
      ...(data ? { data } : {}),
    });
    return result.ok ? { ok: true, value: null } : { ok: false, error: result.error };
  }

  /** A session running a strategy, or null. */
  query(session: string): StrategySessionInfo | null {
    const running = this.running.get(session);
    const machine = this.scxml.lookup(session);
    if (running === undefined || machine === undefined) return null;
    const { strategy, src } = running;
    return { session, strategy, src, activeStates: machine.activeStates(), interactions: [...running.owned] };
  }

  /** The document a session runs, for an inspector's statechart; null when it runs none now. */
  document(session: string): ScxmlDocument | null {
    return this.running.get(session)?.document ?? null;
  }

  /** A running strategy session's `<data>` values, read on request (an inspector, a REST query). */
  datamodel(session: string): Readonly<Record<string, ScriptValue>> | null {
    if (!this.running.has(session)) return null;
    return this.scxml.lookup(session)?.datamodel() ?? null;
  }

  /** Sessions running a strategy now. */
  get sessions(): readonly string[] {
    return [...this.running.keys()];
  }

  /** Stops listening to the engine and cancels every strategy session (their engine sessions stay). */
  stop(): void {
    this.stopped = true;
    this.unsubscribe();
    this.scxml.stop();
  }

  // ---- the engine's events in ----

  private take(event: EngineEvent): void {
    if (event.name === 'session.started') this.begin(event);
    else if (event.name === 'session.ended') this.scxml.lookup(event.session ?? '')?.terminate();
    else if (event.name === 'session.event') this.deliver(event.session, event.data.event, event.data.data);
    else if (DELIVERED.has(event.name) || event.name.endsWith('.done'))
      this.deliver(event.session, event.name, eventData(event));
  }

  /** An event on the external queue of a session running a strategy; none for any other. */
  private deliver(session: string | null, name: string, data: ScriptValue): void {
    const machine = session !== null && this.running.has(session) ? this.scxml.lookup(session) : undefined;
    machine?.receive({ name, type: 'external', data });
  }

  /** An engine session starts: it runs a strategy if its src, or its queue's provisioning, names one. */
  private begin(event: EventOf<'session.started'>): void {
    const session = event.session ?? '';
    const { src: given, trigger, params } = event.data;
    // An invoked session's machine was started by its invoker (`invoked`), before this event came.
    if (trigger === 'invoke') return;
    const src = trigger === 'arrival' && given.startsWith('iq:') ? this.queues.get(given.slice(3)) : given;
    const text = src === undefined ? null : this.documents.text(src);
    if (src === undefined || text === null) return;
    const compiled = this.documents.compile(text);
    if (!compiled.ok) {
      this.endEngineSession(session, 'failed', compiled.error.reason, null);
      return;
    }
    const running = new Running(session, compiled.value, src);
    this.running.set(session, running);
    try {
      this.scxml.start(compiled.value, { id: session, ...(params ? { data: params } : {}) });
    } catch (error) {
      // Its realm could not be made (the heap is full): this session fails, the engine goes on.
      this.running.delete(session);
      const message = error instanceof Error ? error.message : String(error);
      this.endEngineSession(session, 'failed', `the strategy could not start: ${message}`, running);
    }
  }

  /**
   * X10: a session started by `<invoke>` is an ORS session. An engine session is started for it
   * (trigger `invoke`, its invoker named), its id is the child's `_sessionid`, and it runs under
   * the same rules as any strategy session. A child of a machine that is no engine session (a
   * replay's, a test's) is refused, and so is one the engine refuses: the `<invoke>` fails.
   */
  private invoked(child: ChildStart): string {
    const parent = this.running.get(child.parent);
    if (parent === undefined) throw new Error(`session ${child.parent} is not an engine session`);
    const src = child.document.href ?? `${parent.src}#${child.invokeId}`;
    const result = this.engine.dispatch({
      verb: 'startSession',
      src: src.slice(0, LIMITS.text),
      invoker: { session: child.parent, invokeid: child.invokeId.slice(0, LIMITS.text) },
      origin: 'strategy',
      strategy: parent.cause({ element: 'invoke', position: child.position }),
    });
    const session = result.ok ? result.events[0]?.session : undefined;
    if (!result.ok || session == null)
      throw new Error(`the engine refused the session: ${result.ok ? 'none started' : result.error.reason}`);
    this.running.set(session, new Running(session, child.document, src));
    return session;
  }

  /** The machine of an invoked session could not be made: its engine session, started for it, fails (B6). */
  private invokeFailed(session: string, error: unknown): void {
    const running = this.running.get(session) ?? null;
    this.running.delete(session);
    const message = error instanceof Error ? error.message : String(error);
    this.endEngineSession(session, 'failed', `the invoked strategy could not start: ${message}`, running);
  }

  // ---- the sessions' trace ----

  private trace(record: TraceRecord): void {
    const running = this.running.get(record.session);
    if (running !== undefined) {
      running.follow(record);
      if (record.kind === 'session.end') {
        this.running.delete(record.session);
        if (record.reason !== 'cancelled') {
          const done = record.reason === 'done';
          this.endEngineSession(record.session, done ? 'done.scxml' : 'failed', running.failure, running);
        } else if (!this.stopped) {
          // X11: its invoker left (an engine session ended from outside is not running any more).
          this.endEngineSession(record.session, 'terminated', 'its invoker left', running);
        }
      }
    }
    this.options.onTrace?.(record);
  }

  /** The state machine ended by itself (or could not start): so does its engine session (B6). */
  private endEngineSession(
    session: string,
    reason: 'done.scxml' | 'failed' | 'terminated',
    detail: string | undefined,
    running: Running | null,
  ): void {
    if (this.engine.state.sessions.get(session)?.state !== 'running') return;
    this.engine.dispatch({
      verb: 'endSession',
      session,
      reason,
      origin: 'strategy',
      ...(detail === undefined ? {} : { detail: detail.slice(0, LIMITS.text) }),
      ...(running === null ? {} : { strategy: running.endCause(reason === 'done.scxml') }),
    });
  }

  // ---- commands out ----

  /** `made` is the element that made the command; without it, the element running now. */
  private command(
    session: string,
    made: Made | undefined,
    command: Readonly<Record<string, ScriptValue>>,
  ): CommandResult {
    const running = this.running.get(session);
    if (running === undefined)
      throw new Error(`session ${session} is not an engine session: it cannot act on interactions`);
    return this.engine.dispatch({ ...command, origin: 'strategy', strategy: running.cause(made) });
  }

  /** `_genesys` in a new session's realm, bound to that session. */
  private objectModel(realm: Parameters<typeof installObjectModel>[0], session: string): void {
    const server = this.options.server ?? DEFAULT_SERVER;
    const owned = () => this.running.get(session)?.owned ?? [];
    // A `_genesys.ixn` function's cause is the element whose script called it (`script`, `assign`...).
    const run = (command: Readonly<Record<string, ScriptValue>>) => {
      const result = this.command(session, undefined, command);
      if (!result.ok) throw new Error(`${result.error.field} ${result.error.reason}`);
    };
    installObjectModel(
      realm,
      {
        interaction: (id) => {
          const record = owned().includes(id) ? this.engine.state.interactions.get(id) : undefined;
          return record === undefined ? null : interactionView(record, server);
        },
        interactionIds: owned,
        setuData: (udata, id) => run(setuDataCommand(session, udata, targetInteraction(id, owned()))),
        deleteuData: (keys, id) => run(deleteuDataCommand(session, keys, targetInteraction(id, owned()))),
      },
      server,
    );
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
