import type { ScxmlEvent } from './event';
import type { ScriptValue } from './script/realm';
import type { XmlElement } from './xml';

/** What an action element may do in its session while it runs. */
export interface ActionContext {
  readonly sessionId: string;
  /** The value of an expression in the session's datamodel; throws `ScriptError`. */
  evaluate(expr: string): ScriptValue;
  assign(location: string, value: ScriptValue): void;
  /** Puts an event on the session's internal queue. */
  raise(event: ScxmlEvent): void;
  /** Puts an event on the session's external queue, as a service's answer arrives (`queue.submit.done`). */
  post(event: ScxmlEvent): void;
  /** A fresh id, unique among the host's sessions and the same in every run of the same inputs (X2's `requestid`). */
  uniqueId(): string;
}

/** Runs one element; throwing raises an error event in the session (`error.execution`, or ORS's name). */
export type ActionHandler = (element: XmlElement, context: ActionContext) => void;

/**
 * Action elements of other namespaces, keyed by namespace and local name (the next layer registers
 * ORS's `<ixn:associate>` and its siblings here). An element with no handler is never skipped
 * silently: it raises `error.execution` (`error.unsupported.<name>` in the ORS dialect) and is traced
 * as a warning.
 */
export class ActionRegistry {
  private readonly handlers = new Map<string, ActionHandler>();

  register(namespace: string, name: string, handler: ActionHandler): void {
    const key = `{${namespace}}${name}`;
    if (this.handlers.has(key)) throw new Error(`an action is already registered for ${key}`);
    this.handlers.set(key, handler);
  }

  get(namespace: string, name: string): ActionHandler | undefined {
    return this.handlers.get(`{${namespace}}${name}`);
  }
}
