import { ActionRegistry } from '../../scxml/actions';
import type { ScxmlEvent } from '../../scxml/event';
import { scxml, testHost } from '../../scxml/testing';
import type { TraceRecord } from '../../scxml/trace';
import { DIALOG_NAMESPACE } from './dialog';
import { QUEUE_NAMESPACE } from './queue';
import { type FakeServicesOptions, registerFakeServices } from './register';
import { SESSION_NAMESPACE } from './session-fetch';

/** An ORS-dialect host with the fake services registered (tests only). */
export async function fakesHost(options: FakeServicesOptions) {
  const actions = new ActionRegistry();
  registerFakeServices(actions, options);
  return testHost({ dialect: 'ors', actions });
}

/** An ORS document with the queue, session and dialog prefixes declared. */
export const strategy = (body: string) =>
  scxml(
    body,
    `xmlns:queue="${QUEUE_NAMESPACE}" xmlns:session="${SESSION_NAMESPACE}" xmlns:dialog="${DIALOG_NAMESPACE}"`,
  );

/** The events a session took, in order (external ones start a macrostep; internal ones a microstep). */
export function taken(records: readonly TraceRecord[]): ScxmlEvent[] {
  return records.flatMap((r) => (r.kind === 'macrostep.start' && r.event ? [r.event] : []));
}
