import type { ActionContext, ActionRegistry } from './actions';
import type { Clock, TimerHandle } from './clock';
import { compileElement, compileScxml } from './compile';
import type { SourcePosition } from './errors';
import { matchesDescriptor, SCXML_EVENT_PROCESSOR, type ScxmlEvent } from './event';
import {
  ContentError,
  errorEventName,
  type Failure,
  failureOf,
  isCommunication,
  type SendFailure,
  scriptErrorType,
} from './failures';
import {
  type Action,
  type Content,
  type DoneData,
  type InvokeDefinition,
  isAtomic,
  type Param,
  type ScxmlDocument,
  type SendDefinition,
  type StateNode,
  type Transition,
  type ValueSource,
} from './model';
import { NullDatamodel } from './null-datamodel';
import { dataObjectScript } from './ors-data';
import { ScriptError, type ScriptRealm, type ScriptValue } from './script/realm';
import {
  atomicStates,
  childStates,
  documentOrder,
  entrySet,
  exitSet,
  isDescendant,
  isInFinalState,
  type MachineState,
  properAncestors,
  removeConflicts,
} from './structure';
import type { TraceRecord, TraceTransition } from './trace';
import { contentValue, display, parseDelay } from './values';

export type SessionStatus = 'running' | 'done' | 'cancelled' | 'failed';

/** What a session needs from the host that runs it (`ScxmlHost`). */
export interface SessionHost {
  readonly clock: Clock;
  readonly actions: ActionRegistry;
  createRealm(sessionId: string): ScriptRealm;
  /** The text behind a `src` (a `<data src>`, an invoked document); throws if there is none. */
  resolve(src: string): string;
  trace(record: TraceRecord): void;
  /** Asks for `run()` to be called soon (after the current session's step, never inside it). */
  wake(session: Session): void;
  lookup(id: string): Session | undefined;
  spawn(
    document: ScxmlDocument,
    parent: ParentLink,
    data: Readonly<Record<string, ScriptValue>>,
    position: SourcePosition,
  ): Session;
  ended(session: Session): void;
}

export interface ParentLink {
  readonly session: Session;
  readonly invokeId: string;
}

interface Invoked {
  readonly session: Session;
  readonly definition: InvokeDefinition;
  readonly state: StateNode;
}

/** A script ran out of time or memory: the session ends, other sessions go on. */
class SessionFailure extends Error {}

/** The element that failed and where, for the trace and ORS's error data (`element`, `linenumber`). */
interface Site {
  readonly element: string;
  readonly position: SourcePosition;
}

const siteOf = (action: Action): Site => ({
  element: action.kind === 'custom' ? action.element.name : action.kind,
  position: action.position,
});

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A script error while evaluating a `cond`, a location, a `<data>`... becomes a failure of that class. */
function classify(error: unknown, kind: 'illegalcond' | 'illegalloc' | 'illegaldata'): unknown {
  if (error instanceof ScriptError)
    return new ContentError({ kind, type: scriptErrorType(error) }, error.message);
  if (error instanceof ContentError || error instanceof SessionFailure || !(error instanceof Error))
    return error;
  return new ContentError({ kind, type: 'Error' }, error.message);
}

const INVOKE_TYPES: ReadonlySet<string> = new Set([
  'scxml',
  'http://www.w3.org/TR/scxml',
  SCXML_EVENT_PROCESSOR,
]);
const SEND_TYPES: ReadonlySet<string> = new Set(['scxml', SCXML_EVENT_PROCESSOR]);
const isRecord = (value: ScriptValue): value is { readonly [key: string]: ScriptValue } =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * One running state machine: the algorithm of Appendix D of the SCXML Recommendation, driven by its
 * host. The host calls `run()`, which takes events until the queues are empty, and returns.
 */
export class Session implements MachineState {
  status: SessionStatus = 'running';
  readonly configuration = new Set<StateNode>();
  readonly history = new Map<StateNode, StateNode[]>();
  private readonly internal: ScxmlEvent[] = [];
  private readonly external: ScxmlEvent[] = [];
  private readonly toInvoke = new Set<StateNode>();
  private readonly bound = new Set<StateNode>();
  private readonly timers = new Map<string, TimerHandle>();
  private readonly children = new Map<string, Invoked>();
  /** Children cancelled while running: what they sent before is dropped, not taken (section 6.4). */
  private readonly cancelledChildren = new Set<string>();
  private readonly realm: ScriptRealm;
  private started = false;
  private halted = false;
  private stable = false;
  private generated = 0;
  private lastConfiguration: string[] = [];
  /** The innermost action running, and the state whose block it is in: where an error happened. */
  private running: Action | null = null;
  private owner: StateNode | null = null;

  constructor(
    readonly document: ScxmlDocument,
    readonly id: string,
    private readonly host: SessionHost,
    private readonly parent: ParentLink | null = null,
    private readonly passedData: Readonly<Record<string, ScriptValue>> = {},
  ) {
    this.realm = document.datamodel === 'null' ? new NullDatamodel() : host.createRealm(id);
  }

  get name(): string | null {
    return this.document.name;
  }

  /** The active atomic states' ids in document order; once ended, those it ended in. */
  activeStates(): string[] {
    return this.status === 'running'
      ? atomicStates(this.configuration).map((s) => s.id)
      : this.lastConfiguration;
  }

  /**
   * Every `<data>` id and its value now, in document order, for an inspector: read on request,
   * never per step. An id whose value cannot leave the realm (it throws) is left out.
   */
  datamodel(): Record<string, ScriptValue> {
    const values: Record<string, ScriptValue> = {};
    if (this.status !== 'running') return values;
    for (const state of this.document.states)
      for (const data of state.data) {
        try {
          values[data.id] = this.realm.evaluate(data.id);
        } catch {
          // A value the realm cannot copy out (a script error reading it) is not shown.
        }
      }
    return values;
  }

  isIn(stateId: string): boolean {
    const state = this.document.byId.get(stateId);
    return state !== undefined && this.configuration.has(state);
  }

  /** An external event for this session (from outside, another session, or a timer). */
  receive(event: ScxmlEvent): void {
    if (this.status !== 'running') return;
    this.external.push(event);
    this.host.wake(this);
  }

  /** Sends an external event by name, as an outside caller would. */
  send(name: string, data?: ScriptValue): void {
    this.receive({ name, type: 'external', data });
  }

  /** Ends the session without a done event or any `onexit`: its host is stopping. */
  cancel(): void {
    if (this.status !== 'running') return;
    this.end('cancelled');
  }

  /**
   * Ends the session from outside: its `onexit` handlers run, innermost state first, then it ends as
   * `cancelled`, with no done event. This is the Recommendation's cancel of an invoked child whose
   * invoker leaves its state or ends (Appendix D: the cancel event sets `running` false, then
   * `exitInterpreter` runs every active state's `onexit`), in both dialects; in ORS also a REST
   * terminate, an engine session ended, and an invoked session whose invoker left (X11).
   */
  terminate(): void {
    if (this.status !== 'running') return;
    const last = this.activeStates();
    try {
      for (const s of [...this.configuration].sort((a, b) => b.order - a.order)) this.exitState(s);
    } catch (error) {
      // A handler out of time or memory: the session ends all the same.
      const message = error instanceof Error ? error.message : String(error);
      this.emit({ kind: 'error', session: this.id, error: 'fatal', message });
    }
    this.end('cancelled');
    this.lastConfiguration = last;
  }

  /** Takes queued events until there are none. Only the host calls this. */
  run(): void {
    if (this.status !== 'running') return;
    try {
      if (!this.started) this.begin();
      this.loop();
    } catch (error) {
      // A script out of time or memory, or a fault of the interpreter: only this session ends.
      const message = error instanceof Error ? error.message : String(error);
      this.emit({ kind: 'error', session: this.id, error: 'fatal', message });
      this.end('failed');
      this.failedToParent(message);
    }
  }

  /**
   * A child that failed has finished processing and will send nothing more, so its parent gets
   * `done.invoke.<id>` (section 6.4), without done data (Appendix D returns it only from a
   * top-level final state), and before it `error.platform` saying why: a parent that handles
   * errors can tell a failure from an end.
   */
  private failedToParent(message: string): void {
    if (!this.parent) return;
    const { session, invokeId: invokeid } = this.parent;
    session.receive({ name: 'error.platform', type: 'platform', invokeid, data: { message } });
    session.receive({ name: `done.invoke.${invokeid}`, type: 'external', invokeid });
  }

  private begin(): void {
    this.started = true;
    this.emit({ kind: 'macrostep.start', session: this.id, time: this.host.clock.now(), event: null });
    const location = `#_scxml_${this.id}`;
    this.script(() => {
      this.realm.define('In', (id) => typeof id === 'string' && this.isIn(id));
      this.realm.set('_event', undefined, true); // declared, and unbound until the first event (5.10)
      this.realm.set('_sessionid', this.id, true);
      this.realm.set('_name', this.document.name ?? undefined, true);
      this.realm.set('_ioprocessors', { scxml: { location }, [SCXML_EVENT_PROCESSOR]: { location } }, true);
    });
    for (const state of this.document.states)
      for (const data of state.data) this.script(() => this.realm.set(data.id, undefined));
    if (this.document.dialect === 'ors') {
      const ids = this.document.states.flatMap((state) => state.data.map((data) => data.id));
      this.script(() => this.realm.run(dataObjectScript(ids)));
    }
    const early = this.document.binding === 'early';
    for (const state of this.document.states) if (early || state === this.document.root) this.bindData(state);
    this.runBlock(this.document.script, this.document.root);
    const initial = this.document.root.initial;
    if (initial) this.enterStates([initial]);
  }

  private loop(): void {
    while (!this.halted) {
      this.settle();
      if (this.halted) break;
      for (const state of [...this.toInvoke].sort(documentOrder))
        for (const d of state.invokes) this.invoke(d, state);
      this.toInvoke.clear();
      if (this.internal.length > 0) continue;
      if (!this.stable)
        this.emit({ kind: 'macrostep.end', session: this.id, configuration: this.activeStates() });
      this.stable = true;
      const event = this.external.shift();
      if (!event) return;
      if (event.invokeid !== undefined && this.cancelledChildren.has(event.invokeid)) continue;
      this.stable = false;
      this.emit({ kind: 'macrostep.start', session: this.id, time: this.host.clock.now(), event });
      this.bindEvent(event);
      for (const [invokeId, invoked] of this.children) {
        if (invokeId === event.invokeid) this.runBlock(invoked.definition.finalize, invoked.state);
        if (invoked.definition.autoforward && !event.name.startsWith('done.invoke.'))
          invoked.session.receive(event);
      }
      const enabled = this.select(event);
      if (enabled.length > 0) this.microstep(enabled, event);
    }
    this.exitInterpreter();
  }

  /** Eventless transitions, then internal events, until neither enables anything. */
  private settle(): void {
    while (!this.halted) {
      let enabled = this.select(null);
      let event: ScxmlEvent | null = null;
      if (enabled.length === 0) {
        const next = this.internal.shift();
        if (!next) return;
        event = next;
        this.bindEvent(event);
        enabled = this.select(event);
      }
      if (enabled.length > 0) this.microstep(enabled, event);
    }
  }

  private select(event: ScxmlEvent | null): Transition[] {
    const enabled: Transition[] = [];
    for (const atomic of atomicStates(this.configuration)) {
      search: for (const state of [atomic, ...properAncestors(atomic, null)]) {
        for (const t of state.transitions) {
          const matches = event
            ? t.events.some((d) => matchesDescriptor(d, event.name))
            : t.events.length === 0;
          if (matches && this.condition(t)) {
            if (!enabled.includes(t)) enabled.push(t);
            break search;
          }
        }
      }
    }
    return removeConflicts(enabled, this);
  }

  private condition(transition: Transition): boolean {
    if (transition.cond === null) return true;
    const cond = transition.cond;
    try {
      return this.classed('illegalcond', () => this.realm.condition(cond));
    } catch (error) {
      this.executionError(error, { element: 'transition', position: transition.position }, transition.source);
      return false;
    }
  }

  private microstep(enabled: Transition[], event: ScxmlEvent | null): void {
    const exited = this.exitStates(enabled);
    for (const t of enabled) this.runBlock(t.actions, t.source);
    const entered = this.enterStates(enabled);
    const transitions: TraceTransition[] = enabled.map((t) => ({
      source: t.source.id,
      event: t.events,
      targets: t.targets.map((s) => s.id),
    }));
    this.emit({ kind: 'microstep', session: this.id, event, transitions, exited, entered });
  }

  private exitStates(enabled: Transition[]): string[] {
    const states = [...exitSet(enabled, this)].sort((a, b) => b.order - a.order);
    for (const s of states) this.toInvoke.delete(s);
    for (const s of states) {
      for (const h of s.children) {
        if (h.kind !== 'history') continue;
        const remembered = [...this.configuration].filter((c) =>
          h.history === 'deep' ? isAtomic(c) && isDescendant(c, s) : c.parent === s,
        );
        this.history.set(h, remembered.sort(documentOrder));
      }
    }
    for (const s of states) this.exitState(s);
    return states.map((s) => s.id);
  }

  private exitState(state: StateNode): void {
    for (const block of state.onexit) this.runBlock(block, state);
    for (const [invokeId, invoked] of this.children) {
      if (invoked.state !== state) continue;
      if (invoked.session.status === 'running') this.cancelledChildren.add(invokeId);
      invoked.session.terminate();
      this.children.delete(invokeId);
    }
    this.configuration.delete(state);
  }

  private enterStates(enabled: Transition[]): string[] {
    const entry = entrySet(enabled, this);
    const states = [...entry.states].sort(documentOrder);
    for (const s of states) {
      this.configuration.add(s);
      this.toInvoke.add(s);
      if (this.document.binding === 'late') this.bindData(s);
      for (const block of s.onentry) this.runBlock(block, s);
      if (entry.defaultEntry.has(s) && s.initial) this.runBlock(s.initial.actions, s);
      const historyDefault = entry.historyContent.get(s);
      if (historyDefault) this.runBlock(historyDefault.actions, s);
      if (s.kind === 'final') this.enteredFinal(s);
    }
    return states.map((s) => s.id);
  }

  private enteredFinal(state: StateNode): void {
    const parent = state.parent;
    if (!parent || parent.kind === 'scxml') {
      this.halted = true;
      return;
    }
    this.internal.push({
      name: `done.state.${parent.id}`,
      type: 'platform',
      data: this.doneData(state.donedata),
    });
    const grandparent = parent.parent;
    if (
      grandparent?.kind === 'parallel' &&
      childStates(grandparent).every((c) => isInFinalState(c, this.configuration))
    ) {
      this.internal.push({ name: `done.state.${grandparent.id}`, type: 'platform' });
    }
  }

  private exitInterpreter(): void {
    this.lastConfiguration = this.activeStates();
    let data: ScriptValue;
    let final: string | undefined;
    for (const s of [...this.configuration].sort((a, b) => b.order - a.order)) {
      this.exitState(s);
      if (s.kind === 'final' && s.parent?.kind === 'scxml') {
        data = this.doneData(s.donedata);
        final = s.id;
      }
    }
    if (this.parent) {
      const invokeid = this.parent.invokeId;
      this.parent.session.receive({ name: `done.invoke.${invokeid}`, type: 'external', invokeid, data });
    }
    this.end('done', final);
  }

  private end(status: Exclude<SessionStatus, 'running'>, final?: string): void {
    if (this.status === 'running' && status !== 'done') this.lastConfiguration = this.activeStates();
    this.status = status;
    for (const handle of this.timers.values()) this.host.clock.cancel(handle);
    this.timers.clear();
    // A session cancelled by its host stopping (not by an invoker) cancels its children the same
    // way: the host is going away, so no onexit runs anywhere (the strategy runtime's stop, 9d92779).
    for (const invoked of this.children.values())
      if (status === 'cancelled') invoked.session.cancel();
      else invoked.session.terminate();
    this.children.clear();
    this.realm.dispose();
    this.emit({
      kind: 'session.end',
      session: this.id,
      reason: status,
      ...(final === undefined ? {} : { final }),
    });
    this.host.ended(this);
  }

  // ---- data ----

  private bindData(state: StateNode): void {
    if (this.bound.has(state)) return;
    this.bound.add(state);
    for (const data of state.data) {
      try {
        if (state === this.document.root && Object.hasOwn(this.passedData, data.id)) {
          this.script(() => this.realm.assign(data.id, this.passedData[data.id]));
        } else if (data.expr !== null) {
          this.assignExpression(data.id, data.expr);
        } else if (data.src !== null) {
          const value = contentValue(this.host.resolve(data.src));
          this.script(() => this.realm.assign(data.id, value));
        } else if (data.content !== null) {
          const value = contentValue(data.content);
          this.script(() => this.realm.assign(data.id, value));
        }
      } catch (error) {
        this.executionError(
          classify(error, 'illegaldata'),
          { element: 'data', position: data.position },
          state,
        );
      }
    }
  }

  private bindEvent(event: ScxmlEvent): void {
    const value: ScriptValue = {
      name: event.name,
      type: event.type,
      sendid: event.sendid,
      origin: event.origin,
      origintype: event.origintype,
      invokeid: event.invokeid,
      data: event.data,
    };
    this.script(() => this.realm.set('_event', value, true));
  }

  private assignExpression(location: string, expr: string): void {
    try {
      this.script(() => this.realm.assignExpr(location, expr));
    } catch (error) {
      if (!(error instanceof ScriptError) || this.document.dialect === 'w3c') throw error;
      // ORS names a bad location apart from a bad expression; one that cannot take its own value is bad.
      this.classed('illegalloc', () => this.realm.assignExpr(location, location));
      throw error;
    }
  }

  /** A realm call whose script errors are failures of one class (a `cond`, a location). */
  private classed<T>(kind: 'illegalcond' | 'illegalloc', call: () => T): T {
    try {
      return this.script(call);
    } catch (error) {
      throw classify(error, kind);
    }
  }

  /** Runs a realm call; a script out of time or memory ends the session instead of raising an event. */
  private script<T>(call: () => T): T {
    try {
      return call();
    } catch (error) {
      if (error instanceof ScriptError && (error.kind === 'timeout' || error.kind === 'memory')) {
        throw new SessionFailure(
          `script ${error.kind === 'timeout' ? 'ran out of time' : 'ran out of memory'}: ${error.message}`,
        );
      }
      throw error;
    }
  }

  private evaluate(expr: string): ScriptValue {
    return this.script(() => this.realm.evaluate(expr));
  }

  private valueOf(source: ValueSource): ScriptValue {
    if (source === null) return undefined;
    return 'literal' in source ? source.literal : this.evaluate(source.expr);
  }

  // ---- executable content ----

  /** A block stops at its first error, which raises an error event (section 4.9; its name: `errorEventName`). */
  private runBlock(actions: readonly Action[], owner: StateNode): void {
    this.running = null;
    this.owner = owner;
    try {
      for (const action of actions) this.execute(action);
    } catch (error) {
      this.executionError(error, this.running ? siteOf(this.running) : null, owner);
    }
  }

  private execute(action: Action): void {
    const outer = this.running;
    this.running = action;
    this.perform(action);
    // Left on the failing action when it throws, so the error names the innermost element.
    this.running = outer;
  }

  private perform(action: Action): void {
    switch (action.kind) {
      case 'raise': {
        this.action(action, action.event);
        const data = action.params.length > 0 ? this.eventData([], action.params, null) : undefined;
        this.internal.push({ name: action.event, type: 'internal', data });
        return;
      }
      case 'log': {
        const value = action.expr === null ? '' : display(this.evaluate(action.expr));
        const detail = action.label === null ? value : `${action.label}: ${value}`;
        const level = action.level === null ? {} : { level: action.level };
        this.emit({
          kind: 'action',
          session: this.id,
          action: 'log',
          position: action.position,
          detail,
          ...level,
        });
        return;
      }
      case 'assign':
        this.action(action, action.location);
        if (action.expr !== null) this.assignExpression(action.location, action.expr);
        else {
          const value = action.content === null ? undefined : contentValue(action.content);
          this.classed('illegalloc', () => this.realm.assign(action.location, value));
        }
        return;
      case 'script':
        this.action(action);
        this.script(() => this.realm.run(action.source));
        return;
      case 'if':
        this.action(action);
        for (const { cond, actions } of action.branches) {
          if (cond === null || this.classed('illegalcond', () => this.realm.condition(cond))) {
            for (const a of actions) this.execute(a);
            return;
          }
        }
        return;
      case 'foreach':
        this.action(action);
        this.foreach(action.array, action.item, action.index, action.actions);
        return;
      case 'send':
        this.sendEvent(action, action.position);
        return;
      case 'cancel': {
        const sendid = String(this.valueOf(action.sendid));
        this.action(action, sendid);
        const handle = this.timers.get(sendid);
        if (handle !== undefined) this.host.clock.cancel(handle);
        this.timers.delete(sendid);
        if (this.document.dialect === 'ors') this.answerCancel(action, sendid, handle !== undefined);
        return;
      }
      case 'custom':
        this.custom(action);
        return;
    }
  }

  private action(action: Action, detail?: string): void {
    this.emit({ kind: 'action', session: this.id, action: action.kind, position: action.position, detail });
  }

  /** ORS answers every `<cancel>`: Composer's code waits for `cancel.successful`. */
  private answerCancel(action: Action, sendid: string, cancelled: boolean): void {
    this.external.push(
      cancelled
        ? { name: 'cancel.successful', type: 'platform', sendid, data: { sendid } }
        : {
            name: 'error.cancel.notallowed',
            type: 'platform',
            sendid,
            data: this.errorData(`cancel: no pending send has the id "${sendid}"`, siteOf(action)),
          },
    );
  }

  private foreach(arrayExpr: string, item: string, index: string | null, actions: readonly Action[]): void {
    for (const name of index === null ? [item] : [item, index]) {
      if (!IDENTIFIER.test(name)) {
        const failure: Failure = { kind: 'illegalloc', type: 'SyntaxError' };
        throw new ContentError(failure, `foreach: "${name}" is not a variable name`);
      }
    }
    const array = this.evaluate(arrayExpr);
    if (!Array.isArray(array)) {
      const failure: Failure = { kind: 'illegalvalue', type: 'TypeError' };
      throw new ContentError(failure, `foreach: "${arrayExpr}" is not an array`);
    }
    // The array is copied out of the realm, so the body changing it does not change the iteration.
    array.forEach((value: ScriptValue, i: number) => {
      this.classed('illegalloc', () => this.realm.set(item, value));
      if (index !== null) this.classed('illegalloc', () => this.realm.set(index, i));
      for (const a of actions) this.execute(a);
    });
  }

  private custom(action: Extract<Action, { kind: 'custom' }>): void {
    const { element } = action;
    const name = `{${element.ns}}${element.name}`;
    this.emit({ kind: 'action', session: this.id, action: name, position: action.position });
    const handler = this.host.actions.get(element.ns, element.name);
    if (!handler) {
      const failure: Failure = { kind: 'unsupported', element: element.name };
      throw new ContentError(
        failure,
        `no action is registered for <${element.name}> in namespace "${element.ns}"`,
      );
    }
    const context: ActionContext = {
      sessionId: this.id,
      evaluate: (expr) => this.evaluate(expr),
      assign: (location, value) => this.classed('illegalloc', () => this.realm.assign(location, value)),
      raise: (event) => {
        this.internal.push(event);
      },
      post: (event) => this.receive(event),
      uniqueId: () => `${this.id}.request${++this.generated}`,
    };
    handler(element, context);
  }

  // ---- events out ----

  private eventData(
    namelist: readonly string[],
    params: readonly Param[],
    content: Content | null,
  ): ScriptValue {
    if (content) {
      if (content.expr !== null) return this.evaluate(content.expr);
      if (typeof content.body === 'string') return contentValue(content.body);
      if (content.body) {
        const failure: Failure = { kind: 'send', reason: 'failed' };
        throw new ContentError(failure, 'XML content is not supported in the ECMAScript datamodel');
      }
      return undefined;
    }
    if (namelist.length === 0 && params.length === 0) return undefined;
    const data: Record<string, ScriptValue> = {};
    for (const name of namelist) data[name] = this.evaluate(name);
    for (const p of params) {
      const expr = p.expr ?? p.location;
      data[p.name] = expr === null ? undefined : this.evaluate(expr);
    }
    return data;
  }

  private doneData(donedata: DoneData | null): ScriptValue {
    if (!donedata) return undefined;
    try {
      return this.eventData([], donedata.params, donedata.content);
    } catch (error) {
      this.executionError(error, null, this.owner);
      return undefined;
    }
  }

  private sendEvent(definition: SendDefinition, position: SourcePosition): void {
    const event = definition.event ? this.valueOf(definition.event) : undefined;
    const name = definition.event ? String(event) : '';
    const none = event === undefined || event === null || name === '';
    if (this.document.dialect === 'ors' && !definition.content && none)
      throw sendFailure('noeventspecified', 'send: the event expression gives no event name');
    const target = definition.target ? String(this.valueOf(definition.target)) : null;
    const type = definition.type ? String(this.valueOf(definition.type)) : SCXML_EVENT_PROCESSOR;
    const delayText = definition.delay ? String(this.valueOf(definition.delay)) : null;
    const delay = delayText === null ? 0 : parseDelay(delayText);
    if (delay === null) throw sendFailure('failed', `send: "${delayText}" is not a delay`);
    const sendid = definition.id ?? `${this.id}.send${++this.generated}`;
    if (definition.idlocation !== null) {
      const location = definition.idlocation;
      this.classed('illegalloc', () => this.realm.assign(location, sendid));
    }
    try {
      this.dispatch(definition, name, target, type, delay, sendid, position);
    } catch (error) {
      // The error event carries the send's id once it was given (section 5.10.1).
      if (error instanceof SessionFailure) throw error;
      const failure = failureOf(error, { kind: 'send', reason: 'failed' });
      throw new ContentError(failure, messageOf(error), sendid);
    }
  }

  private dispatch(
    definition: SendDefinition,
    name: string,
    target: string | null,
    type: string,
    delay: number,
    sendid: string,
    position: SourcePosition,
  ): void {
    const data = this.eventData(definition.namelist, definition.params, definition.content);
    if (!SEND_TYPES.has(type))
      throw sendFailure('targettypeinvalid', `send: type "${type}" is not supported`);
    this.emit({
      kind: 'action',
      session: this.id,
      action: 'send',
      position,
      detail: `${name} → ${target ?? '(self)'}`,
    });
    const named = definition.id !== null || definition.idlocation !== null;
    const event: ScxmlEvent = {
      name,
      type: 'external',
      sendid: named ? sendid : undefined,
      origin: `#_scxml_${this.id}`,
      origintype: SCXML_EVENT_PROCESSOR,
      invokeid: target === '#_parent' ? this.parent?.invokeId : undefined,
      data,
    };
    const deliver = this.route(target, event, sendid, { element: 'send', position });
    if (delay <= 0) deliver();
    else {
      this.timers.set(
        sendid,
        this.host.clock.schedule(delay, () => {
          this.timers.delete(sendid);
          deliver();
        }),
      );
    }
  }

  /** Where a sent event goes (section 6.2.4): an unsupported target is an execution error, an unreachable one a communication error. */
  private route(target: string | null, event: ScxmlEvent, sendid: string, site: Site): () => void {
    if (target === '#_internal') {
      return () => {
        this.internal.push({ ...event, type: 'internal' });
        this.host.wake(this);
      };
    }
    let find: () => Session | undefined;
    if (target === null) find = () => this;
    else if (target === '#_parent') find = () => this.parent?.session;
    else if (target.startsWith('#_scxml_')) find = () => this.host.lookup(target.slice('#_scxml_'.length));
    else if (target.startsWith('#_')) find = () => this.children.get(target.slice(2))?.session;
    else throw sendFailure('targetinvalid', `send: target "${target}" is not supported`);
    const owner = this.owner;
    const reason: SendFailure = target?.startsWith('#_scxml_') ? 'nosuchsession' : 'targetunavailable';
    return () => {
      const session = find();
      if (session && session.status === 'running') session.receive(event);
      else {
        const message = `send: target "${target}" cannot be reached`;
        this.fail({ kind: 'send', reason }, message, site, owner, sendid);
        this.host.wake(this);
      }
    };
  }

  private invoke(definition: InvokeDefinition, state: StateNode): void {
    try {
      const type = definition.type ? String(this.valueOf(definition.type)) : 'scxml';
      if (!INVOKE_TYPES.has(type.replace(/\/$/, '')))
        throw new Error(`invoke: type "${type}" is not supported (only scxml)`);
      const invokeId = definition.id ?? `${state.id}.${this.id}.invoke${++this.generated}`;
      if (definition.idlocation !== null) {
        const location = definition.idlocation;
        this.classed('illegalloc', () => this.realm.assign(location, invokeId));
      }
      const document = this.invokedDocument(definition);
      const data = this.eventData(definition.namelist, definition.params, null);
      const passed = isRecord(data) ? data : {};
      const child = this.host.spawn(document, { session: this, invokeId }, passed, definition.position);
      this.children.set(invokeId, { session: child, definition, state });
    } catch (error) {
      this.executionError(error, { element: 'invoke', position: definition.position }, state);
    }
  }

  /** An invoked document is in its invoker's dialect; one read from a `src` resolves its includes against it. */
  private invokedDocument(definition: InvokeDefinition): ScxmlDocument {
    const content = definition.content;
    const dialect = this.document.dialect;
    const resolve = (href: string) => this.host.resolve(href);
    if (content?.expr) return compileScxml(String(this.evaluate(content.expr)), { dialect, resolve });
    if (content?.body && typeof content.body !== 'string')
      return compileElement(content.body, dialect, this.document.href);
    if (typeof content?.body === 'string') return compileScxml(content.body, { dialect, resolve });
    if (definition.src) {
      const href = String(this.valueOf(definition.src));
      return compileScxml(this.host.resolve(href), { dialect, resolve, href });
    }
    throw new Error('invoke: no src and no content');
  }

  // ---- errors and trace ----

  private executionError(error: unknown, site: Site | null, state: StateNode | null): void {
    if (error instanceof SessionFailure) throw error;
    const failure = failureOf(error, { kind: 'execution' });
    const sendid = error instanceof ContentError ? error.sendid : undefined;
    this.fail(failure, messageOf(error), site, state, sendid);
  }

  /** Traces a failure and raises its event; an action this host does not provide is a warning. */
  private fail(
    failure: Failure,
    message: string,
    site: Site | null,
    state: StateNode | null,
    sendid: string | undefined,
  ): void {
    const stateId = state?.id || this.document.name || 'scxml';
    const name = errorEventName(failure, this.document.dialect, stateId);
    const position = site ? { position: site.position } : {};
    if (failure.kind === 'unsupported') {
      this.emit({ kind: 'warning', session: this.id, event: name, message, ...position });
    } else {
      const error = isCommunication(failure) ? 'communication' : 'execution';
      this.emit({ kind: 'error', session: this.id, error, event: name, message, ...position });
    }
    this.internal.push({ name, type: 'platform', sendid, data: this.errorData(message, site) });
  }

  /** `_event.data` of an error event: the W3C message, or ORS's `document`, `element`, `linenumber`. */
  private errorData(message: string, site: Site | null): ScriptValue {
    if (this.document.dialect === 'w3c') return { message };
    return {
      document: site?.position.document ?? this.document.href ?? this.document.name ?? undefined,
      element: site?.element,
      linenumber: site?.position.line,
      description: message,
    };
  }

  private emit(record: TraceRecord): void {
    this.host.trace(record);
  }
}

function sendFailure(reason: SendFailure, message: string): ContentError {
  return new ContentError({ kind: 'send', reason }, message);
}
