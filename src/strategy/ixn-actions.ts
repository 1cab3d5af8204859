import type { CommandResult } from '../engine';
import type { ActionContext, ActionRegistry } from '../scxml/actions';
import type { ScriptValue } from '../scxml/script/realm';
import type { XmlElement } from '../scxml/xml';
import type { Made } from './where';

/** The namespace of ORS's interaction actions, by convention with the prefix `ixn`. */
export const IXN_NAMESPACE = 'http://www.genesyslab.com/modules/interaction';

/** What the ixn actions ask of the runtime. */
export interface IxnHost {
  /** A fresh request id (X2), the same on a replay of the same inputs. */
  requestId(): string;
  /** Runs a command for a session's strategy; the runtime adds its origin and cause (where it was made). */
  command(session: string, made: Made, command: Readonly<Record<string, ScriptValue>>): CommandResult;
  /** An ORS event on the session's external queue. */
  deliver(session: string, name: string, data: ScriptValue): void;
}

/**
 * The attributes each action takes besides `interactionid` and `requestid` (spec A, I), named as
 * the engine's command fields are. Each is an ECMAScript expression (X1); an attribute not listed
 * is not read.
 */
const VERBS = {
  associate: ['sessionid'],
  attach: [],
  detach: [],
  redirect: ['to', 'from', 'type', 'hints', 'detach'],
  terminate: ['reason', 'resource', 'hints'],
} as const satisfies Record<string, readonly string[]>;

/** Registers `<ixn:associate>`, `attach`, `detach`, `redirect` and `terminate`. */
export function registerIxnActions(actions: ActionRegistry, host: IxnHost): void {
  for (const [verb, attributes] of Object.entries(VERBS)) {
    actions.register(IXN_NAMESPACE, verb, (element, context) =>
      runAction(verb, attributes, element, context, host),
    );
  }
}

/**
 * One ixn action: the engine's verb, so the same rules and the same journal. A refusal is the
 * ORS event `error.interaction.<verb>` in the session (with `requestid`, `error`, `description`);
 * an expression that fails, or a missing `interactionid` (X3), is an error of the action itself.
 */
function runAction(
  verb: string,
  attributes: readonly string[],
  element: XmlElement,
  context: ActionContext,
  host: IxnHost,
): void {
  const tag = `ixn:${verb}`;
  const interactionExpr = element.attributes.get('interactionid');
  if (interactionExpr === undefined) throw new Error(`<${tag}>: interactionid is required`);
  const command: Record<string, ScriptValue> = {
    verb,
    session: context.sessionId,
    interactionid: context.evaluate(interactionExpr),
  };
  for (const name of attributes) {
    const expr = element.attributes.get(name);
    if (expr !== undefined) command[name] = context.evaluate(expr);
  }
  // X2: the id is written to the location before the action runs, so a handler can match on it.
  const requestid = host.requestId();
  const location = element.attributes.get('requestid');
  if (location !== undefined) context.assign(location, requestid);
  command.requestid = requestid;
  const result = host.command(context.sessionId, { element: tag, position: element.position }, command);
  if (result.ok) return;
  const { error } = result;
  host.deliver(context.sessionId, `error.interaction.${verb}`, {
    requestid,
    error: error.code,
    description: error.ors?.data.description ?? `${error.field} ${error.reason}`,
  });
}
