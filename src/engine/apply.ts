import type { EngineEvent, EventDraft } from './events';
import { type InteractionRecord, type Model, OP_SESSION_ID, type SessionRecord } from './model';

/**
 * The one reducer: folds an event into the model. The engine runs every event it emits through
 * it, replay runs the journal through it (E2), and the inspector's store runs its batches through
 * it, so live state, replayed state and drawn state cannot drift apart.
 *
 * Lifecycle events change the model; ORS events are notifications to a session, except
 * `interaction.udata.changed`, which carries the new user data (B5: every change is an event).
 * Records are replaced, never mutated, so a caller that copied the maps (copyModel) keeps its old
 * state intact.
 */
export function applyEvent(model: Model, event: EngineEvent | (EventDraft & { time: number })): void {
  switch (event.name) {
    case 'session.started':
      model.sessions.set(event.session as string, {
        id: event.session as string,
        state: 'running',
        src: event.data.src,
        startedAt: event.time,
        endedAt: null,
        interactions: [],
      });
      return;
    case 'session.ended':
      updateSession(model, event.session as string, (s) => ({ ...s, state: 'ended', endedAt: event.time }));
      return;
    case 'interaction.created':
      model.interactions.set(event.data.interaction.g_uid, { ...event.data.interaction, createdAt: event.time });
      return;
    case 'interaction.state.changed': {
      const to = event.data.to;
      updateInteraction(model, event.data.interactionid, (i) => ({ ...i, state: to }));
      return;
    }
    case 'interaction.owner.changed':
      moveOwner(model, event.data.interactionid, event.data.from, event.data.to);
      return;
    case 'interaction.ended':
      updateInteraction(model, event.data.interactionid, (i) => ({ ...i, state: 'ended' }));
      return;
    case 'interaction.udata.changed': {
      const udata = event.data.udata;
      updateInteraction(model, event.data.interactionid, (i) => ({ ...i, udata }));
      return;
    }
    default:
      return;
  }
}

/** B1-B3 in one place: the owner field, `OP-Session-ID` and both sessions' lists change together. */
function moveOwner(model: Model, g_uid: string, from: string | null, to: string | null): void {
  if (from !== null) {
    updateSession(model, from, (s) => ({ ...s, interactions: s.interactions.filter((id) => id !== g_uid) }));
  }
  if (to !== null) {
    updateSession(model, to, (s) => ({ ...s, interactions: [...s.interactions, g_uid] }));
  }
  updateInteraction(model, g_uid, (i) => ({ ...i, owner: to, properties: withOwner(i.properties, to) }));
}

function withOwner(properties: InteractionRecord['properties'], owner: string | null): InteractionRecord['properties'] {
  const { [OP_SESSION_ID]: _previous, ...rest } = properties;
  return owner === null ? rest : { ...rest, [OP_SESSION_ID]: owner };
}

function updateSession(model: Model, id: string, change: (s: SessionRecord) => SessionRecord): void {
  const session = model.sessions.get(id);
  if (session === undefined) throw new Error(`journal names unknown session ${id}`);
  model.sessions.set(id, change(session));
}

function updateInteraction(
  model: Model,
  id: string,
  change: (i: InteractionRecord) => InteractionRecord,
): void {
  const interaction = model.interactions.get(id);
  if (interaction === undefined) throw new Error(`journal names unknown interaction ${id}`);
  model.interactions.set(id, change(interaction));
}
