import { ActionRegistry } from './actions';
import { type Clock, wallClock } from './clock';
import { compileScxml } from './compile';
import type { SourcePosition } from './errors';
import type { Dialect, ScxmlDocument } from './model';
import type { RealmFactory, ScriptLimits, ScriptRealm, ScriptValue } from './script/realm';
import { type ParentLink, Session, type SessionHost } from './session';
import type { TraceListener, TraceRecord } from './trace';

export interface ScxmlHostOptions {
  readonly realms: RealmFactory;
  /** Virtual in tests and replay; the host's real time otherwise. */
  readonly clock?: Clock;
  readonly limits?: ScriptLimits;
  readonly actions?: ActionRegistry;
  /** Fetches what a `src` names (`<data src>`, `<invoke src>`, `xi:include`); throws when there is nothing. */
  readonly resolve?: (src: string) => string;
  /** The dialect of documents given as text: `w3c` (the default) or `ors` (docs/scxml.md, "The ORS dialect"). */
  readonly dialect?: Dialect;
  readonly onTrace?: TraceListener;
  /**
   * Called with each new realm and the id of the session it serves, before the session starts: the
   * layer above puts its host objects there (ORS's `_genesys`).
   */
  readonly prepareRealm?: (realm: ScriptRealm, sessionId: string) => void;
  /**
   * Names an invoked child before it starts: the layer above makes it a session of its own (ORS
   * X10: an invoked session is an ORS session). What it throws fails the `<invoke>` (an error event
   * in the invoker). Without it, children are named like other sessions (`s1`, `s2`...).
   */
  readonly childId?: (child: ChildStart) => string;
  /**
   * The child `childId` named could not start (its realm could not be made, its id is taken): the
   * `<invoke>` fails, and the layer above ends what it made for it.
   */
  readonly childFailed?: (id: string, error: unknown) => void;
}

/** What `childId` is told of a child an `<invoke>` is about to start. */
export interface ChildStart {
  /** The invoking session's id. */
  readonly parent: string;
  readonly invokeId: string;
  readonly document: ScxmlDocument;
  /** Where the `<invoke>` element is. */
  readonly position: SourcePosition;
}

/** How `start` names a session and what it passes to it. */
export interface StartOptions {
  /** The session's id (`_sessionid`); `s1`, `s2`... when not given. Must not be running already. */
  readonly id?: string;
  /** Start parameters: a top-level `<data>` of the same id takes the value (as an invoke's params do). */
  readonly data?: Readonly<Record<string, ScriptValue>>;
  /** Where a document given as text was read from: its includes resolve against it, its error events name it. */
  readonly href?: string;
}

export const DEFAULT_LIMITS: ScriptLimits = { stepMs: 200, memoryBytes: 16 * 1024 * 1024 };

/**
 * Runs any number of sessions, and is the registry through which they reach each other
 * (`#_scxml_<sessionid>`, `#_parent`, invoked children). Sessions run one at a time: an event for
 * another session is queued and that session runs after the current one's step, so runs are
 * deterministic for a given clock.
 */
export class ScxmlHost implements SessionHost {
  readonly clock: Clock;
  readonly actions: ActionRegistry;
  private readonly sessions = new Map<string, Session>();
  private readonly ready = new Set<Session>();
  private draining = false;
  private count = 0;

  constructor(private readonly options: ScxmlHostOptions) {
    this.clock = options.clock ?? wallClock;
    this.actions = options.actions ?? new ActionRegistry();
  }

  /** Starts a session of a document (source text is compiled first; a bad one throws `ScxmlDocumentError`). */
  start(document: ScxmlDocument | string, options: StartOptions = {}): Session {
    const compiled =
      typeof document === 'string'
        ? compileScxml(document, {
            dialect: this.options.dialect ?? 'w3c',
            resolve: (src) => this.resolve(src),
            ...(options.href === undefined ? {} : { href: options.href }),
          })
        : document;
    if (options.id !== undefined && this.sessions.has(options.id))
      throw new Error(`a session ${options.id} is already running`);
    const session = this.create(compiled, null, options.data ?? {}, options.id);
    this.wake(session);
    return session;
  }

  lookup(id: string): Session | undefined {
    return this.sessions.get(id);
  }

  /** Sessions still running. */
  get size(): number {
    return this.sessions.size;
  }

  /** Cancels every running session (their realms are freed, their timers cancelled). */
  stop(): void {
    for (const session of [...this.sessions.values()]) session.cancel();
  }

  createRealm(sessionId: string): ScriptRealm {
    const realm = this.options.realms.create(this.options.limits ?? DEFAULT_LIMITS);
    this.options.prepareRealm?.(realm, sessionId);
    return realm;
  }

  resolve(src: string): string {
    if (!this.options.resolve) throw new Error(`cannot fetch "${src}": the host has no resolver`);
    return this.options.resolve(src);
  }

  trace(record: TraceRecord): void {
    this.options.onTrace?.(record);
  }

  spawn(
    document: ScxmlDocument,
    parent: ParentLink,
    data: Readonly<Record<string, ScriptValue>>,
    position: SourcePosition,
  ): Session {
    const { session: invoker, invokeId } = parent;
    const id = this.options.childId?.({ parent: invoker.id, invokeId, document, position });
    let session: Session;
    try {
      if (id !== undefined && this.sessions.has(id)) throw new Error(`a session ${id} is already running`);
      session = this.create(document, parent, data, id);
    } catch (error) {
      if (id !== undefined) this.options.childFailed?.(id, error);
      throw error;
    }
    this.wake(session);
    return session;
  }

  ended(session: Session): void {
    this.sessions.delete(session.id);
    this.ready.delete(session);
  }

  wake(session: Session): void {
    this.ready.add(session);
    if (this.draining) return;
    this.draining = true;
    try {
      // A Set visits what is added while it is iterated: sessions woken by others run in this pass.
      for (const next of this.ready) {
        this.ready.delete(next);
        next.run();
      }
    } finally {
      this.draining = false;
    }
  }

  private create(
    document: ScxmlDocument,
    parent: ParentLink | null,
    data: Readonly<Record<string, ScriptValue>>,
    id = `s${++this.count}`,
  ): Session {
    const session = new Session(document, id, this, parent, data);
    this.sessions.set(session.id, session);
    return session;
  }
}
