import type { EngineEvent, EventOf } from './events';
import { countIds } from './ids';
import { type InteractionRecord, type Model, OP_SESSION_ID, type SessionRecord } from './model';

/**
 * The one reducer: folds an event into the model. The engine runs every event it emits through
 * it, replay runs the journal through it (E2), and the inspector's store runs its batches through
 * it, so live state, replayed state and drawn state cannot drift apart.
 *
 * Lifecycle events change the model; ORS events are notifications to a session, except
 * `interaction.udata.changed`, which carries the new user data (B5: every change is an event).
 * Records are replaced, never mutated, so a caller that copied the maps (copyModel) keeps its old
 * state intact. It runs per event on the engine's hot path, hence no closures.
 */
export function applyEvent(model: Model, event: EngineEvent): void {
  switch (event.name) {
    case 'session.started': {
      const session = startedSession(event);
      model.sessions.set(session.id, session);
      model.ids = countIds(model.ids, event);
      return;
    }
    case 'session.ended': {
      const session = sessionOf(model, event.session as string);
      model.sessions.set(session.id, { ...session, state: 'ended', endedAt: event.time });
      return;
    }
    case 'interaction.created':
      model.interactions.set(event.data.interaction.g_uid, createdInteraction(event));
      model.ids = countIds(model.ids, event);
      return;
    case 'interaction.state.changed': {
      const interaction = interactionOf(model, event.data.interactionid);
      model.interactions.set(interaction.g_uid, { ...interaction, state: event.data.to });
      return;
    }
    case 'interaction.owner.changed':
      moveOwner(model, event.data.interactionid, event.data.from, event.data.to);
      return;
    case 'interaction.ended': {
      const interaction = interactionOf(model, event.data.interactionid);
      model.interactions.set(interaction.g_uid, { ...interaction, state: 'ended', endedAt: event.time });
      return;
    }
    case 'interaction.udata.changed': {
      const interaction = interactionOf(model, event.data.interactionid);
      model.interactions.set(interaction.g_uid, { ...interaction, udata: event.data.udata });
      return;
    }
    // Idempotent: a reader that already let the record go (the page does) is not an error.
    case 'session.purged':
      model.sessions.delete(event.session as string);
      return;
    case 'interaction.purged':
      model.interactions.delete(event.data.interactionid);
      return;
    default:
      return;
  }
}

/** The record a `session.started` event begins; also what a reader folding one ledger starts from. */
export function startedSession(event: EventOf<'session.started'>): SessionRecord {
  return {
    id: event.session as string,
    state: 'running',
    src: event.data.src,
    ...(event.data.invoker === undefined ? {} : { invoker: event.data.invoker }),
    startedAt: event.time,
    endedAt: null,
    interactions: [],
  };
}

/** The record an `interaction.created` event begins. */
export function createdInteraction(event: EventOf<'interaction.created'>): InteractionRecord {
  return { ...event.data.interaction, createdAt: event.time, endedAt: null };
}

/** B1-B3 in one place: the owner field, `OP-Session-ID` and both sessions' lists change together. */
function moveOwner(model: Model, g_uid: string, from: string | null, to: string | null): void {
  if (from !== null) {
    const source = sessionOf(model, from);
    const at = source.interactions.indexOf(g_uid);
    if (at < 0) throw new Error(`journal moves ${g_uid} from ${from}, which does not hold it`);
    const interactions = source.interactions.slice();
    interactions.splice(at, 1);
    model.sessions.set(from, { ...source, interactions });
  }
  if (to !== null) {
    const target = sessionOf(model, to);
    model.sessions.set(to, { ...target, interactions: [...target.interactions, g_uid] });
  }
  const interaction = interactionOf(model, g_uid);
  model.interactions.set(g_uid, {
    ...interaction,
    owner: to,
    properties: withOwner(interaction.properties, to),
  });
}

function withOwner(
  properties: InteractionRecord['properties'],
  owner: string | null,
): InteractionRecord['properties'] {
  // A plain loop: object rest with a computed key is a slow path in V8.
  const next: Record<string, string> = {};
  for (const key in properties) if (key !== OP_SESSION_ID) next[key] = properties[key] as string;
  if (owner !== null) next[OP_SESSION_ID] = owner;
  return next;
}

function sessionOf(model: Model, id: string): SessionRecord {
  const session = model.sessions.get(id);
  if (session === undefined) throw new Error(`journal names unknown session ${id}`);
  return session;
}

function interactionOf(model: Model, id: string): InteractionRecord {
  const interaction = model.interactions.get(id);
  if (interaction === undefined) throw new Error(`journal names unknown interaction ${id}`);
  return interaction;
}
