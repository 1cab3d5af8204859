import type { ActionRegistry } from '../../scxml/actions';
import type { ScriptValue } from '../../scxml/script/realm';
import { DIALOG_NAMESPACE, dialogStart } from './dialog';
import { QUEUE_NAMESPACE, type QueueFakeOptions, queueSubmit } from './queue';
import { SESSION_NAMESPACE, sessionFetch } from './session-fetch';

export interface FakeServicesOptions extends QueueFakeOptions {
  /** What `<session:fetch>` answers, keyed by URL. */
  readonly fixtures?: Readonly<Record<string, ScriptValue>>;
}

/**
 * Registers the FAKE services strategies call around the ixn actions (X9): `queue:submit`,
 * `session:fetch`, `dialog:start`. Any other action of their namespaces has no handler, so it raises
 * `error.unsupported.<name>` (ORS dialect) and is traced as a warning.
 */
export function registerFakeServices(actions: ActionRegistry, options: FakeServicesOptions): void {
  actions.register(QUEUE_NAMESPACE, 'submit', queueSubmit(options));
  actions.register(SESSION_NAMESPACE, 'fetch', sessionFetch(options.fixtures ?? {}));
  actions.register(DIALOG_NAMESPACE, 'start', dialogStart);
}
