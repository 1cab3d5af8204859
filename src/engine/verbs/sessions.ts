import { Refusal } from '../errors';
import { nextInteractionId, nextSessionId } from '../ids';
import { defaultCategory } from '../media';
import { type Handler, requireNewId, requireRunningSession } from './context';

/**
 * S1: an explicit start (REST `POST /scxml/session/start`) starts a session with no interactions.
 * X10: so does an `<invoke>`, whose invoker must be running (trigger `invoke`).
 */
export const startSession: Handler<'startSession'> = (command, { model, emit }) => {
  const id = command.session ?? nextSessionId(model.ids);
  requireNewId(model.sessions, id, 'session', 'session');
  const { src, params, invoker } = command;
  if (invoker !== undefined) requireRunningSession(model, invoker.session, 'invoker.session');
  emit('session.started', id, {
    src,
    trigger: invoker === undefined ? 'start' : 'invoke',
    ...(params === undefined ? {} : { params }),
    ...(invoker === undefined ? {} : { invoker }),
  });
};

/** S2 and B6: ending a session releases every interaction it owns, then the session ends. */
export const endSession: Handler<'endSession'> = (command, { model, emit }) => {
  const session = requireRunningSession(model, command.session);
  for (const interactionid of session.interactions) {
    emit('interaction.owner.changed', session.id, {
      interactionid,
      from: session.id,
      to: null,
      via: 'release',
    });
  }
  const reason = command.reason ?? 'done.scxml';
  emit(
    'session.ended',
    session.id,
    command.detail === undefined ? { reason } : { reason, detail: command.detail },
  );
};

/**
 * S1: an interaction pulled from an interaction queue starts a session that owns it. The session
 * is sent `interaction.added`, and the interaction goes from `queued` to `routing`.
 */
export const arrive: Handler<'arrive'> = (command, { model, emit }) => {
  const g_uid = command.g_uid ?? nextInteractionId(model.ids);
  requireNewId(model.interactions, g_uid, 'g_uid', 'interaction');
  if (command.parentid !== undefined && !model.interactions.has(command.parentid)) {
    throw new Refusal('unknown', 'parentid', `no interaction ${command.parentid} to be the parent`);
  }
  const session = command.session ?? nextSessionId(model.ids);
  requireNewId(model.sessions, session, 'session', 'session');
  const queue = command.queue ?? 'default';
  const interaction = {
    g_uid,
    category: command.category ?? defaultCategory(command.media),
    media: command.media,
    parentid: command.parentid ?? null,
    queue,
    udata: command.udata ?? {},
    properties: {},
    state: 'queued',
    owner: null,
  } as const;
  const interactionid = g_uid;
  emit('interaction.created', null, { interaction });
  emit('session.started', session, { src: command.src ?? `iq:${queue}`, trigger: 'arrival' });
  emit('interaction.owner.changed', session, { interactionid, from: null, to: session, via: 'arrival' });
  emit('interaction.added', session, { interactionid });
  emit('interaction.state.changed', session, { interactionid, from: 'queued', to: 'routing' });
};

/** X13: an event sent to a running session; journaled, so whoever runs the session's document gets it. */
export const sendEvent: Handler<'sendEvent'> = (command, { model, emit }) => {
  const session = requireRunningSession(model, command.session);
  const { event, data } = command;
  emit('session.event', session.id, data === undefined ? { event } : { event, data });
};
