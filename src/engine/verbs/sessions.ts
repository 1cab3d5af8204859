import type { EventDraft } from '../events';
import { nextInteractionId, nextSessionId } from '../ids';
import { defaultCategory } from '../media';
import { Refusal } from '../errors';
import { type Handler, requireNewId, requireRunningSession } from './context';

/** S1: an explicit start (REST `POST /scxml/session/start`) starts a session with no interactions. */
export const startSession: Handler<'startSession'> = (command, { model }) => {
  const id = command.session ?? nextSessionId(model.sessions);
  requireNewId(model.sessions, id, 'session', 'session');
  return [{ name: 'session.started', session: id, data: { src: command.src, trigger: 'start' } }];
};

/** S2 and B6: ending a session releases every interaction it owns, then the session ends. */
export const endSession: Handler<'endSession'> = (command, { model }) => {
  const session = requireRunningSession(model, command.session);
  const releases: EventDraft[] = session.interactions.map((interactionid) => ({
    name: 'interaction.owner.changed',
    session: session.id,
    data: { interactionid, from: session.id, to: null, via: 'release' },
  }));
  return [...releases, { name: 'session.ended', session: session.id, data: { reason: command.reason ?? 'done.scxml' } }];
};

/**
 * S1: an interaction pulled from an interaction queue starts a session that owns it. The session
 * is sent `interaction.added`, and the interaction goes from `queued` to `routing`.
 */
export const arrive: Handler<'arrive'> = (command, { model }) => {
  const g_uid = command.g_uid ?? nextInteractionId(model.interactions);
  requireNewId(model.interactions, g_uid, 'g_uid', 'interaction');
  if (command.parentid !== undefined && !model.interactions.has(command.parentid)) {
    throw new Refusal('unknown', 'parentid', `no interaction ${command.parentid} to be the parent`);
  }
  const session = command.session ?? nextSessionId(model.sessions);
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
  return [
    { name: 'interaction.created', session: null, data: { interaction } },
    { name: 'session.started', session, data: { src: command.src ?? `iq:${queue}`, trigger: 'arrival' } },
    { name: 'interaction.owner.changed', session, data: { interactionid: g_uid, from: null, to: session, via: 'arrival' } },
    { name: 'interaction.added', session, data: { interactionid: g_uid } },
    { name: 'interaction.state.changed', session, data: { interactionid: g_uid, from: 'queued', to: 'routing' } },
  ];
};
