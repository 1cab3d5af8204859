import type { ActionContext } from '../../scxml/actions';
import type { ScriptValue } from '../../scxml/script/realm';
import type { XmlElement } from '../../scxml/xml';

/** X1: an ORS action's attribute is an ECMAScript expression; its value, or undefined when absent. */
export function attribute(element: XmlElement, name: string, context: ActionContext): ScriptValue {
  const expr = element.attributes.get(name);
  return expr === undefined ? undefined : context.evaluate(expr);
}

/**
 * X2: `requestid` is a location. A fresh id is written there before the action does anything, so
 * the strategy can match the answer on `_event.data.requestid`; without one the answer still has it.
 */
export function requestId(element: XmlElement, context: ActionContext): string {
  const id = context.uniqueId();
  const location = element.attributes.get('requestid');
  if (location !== undefined) context.assign(location, id);
  return id;
}

/** The children of `element` that are elements in `namespace` named `name`. */
export function children(element: XmlElement, namespace: string, name: string): XmlElement[] {
  return element.children.filter(
    (child): child is XmlElement =>
      typeof child !== 'string' && child.ns === namespace && child.name === name,
  );
}

/** Posts a service's answer on the session's external queue, where ORS puts platform events. */
export function answer(context: ActionContext, name: string, data: Record<string, ScriptValue>): void {
  context.post({ name, type: 'external', data });
}
