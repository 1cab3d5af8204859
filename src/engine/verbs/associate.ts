import { Refusal } from '../errors';
import { type Handler, requireInteraction, requireOwner, requireRunningSession } from './context';

/**
 * `<ixn:associate>` (A1-A6). The owner change comes first, as one lifecycle event, so B1-B3 hold
 * after every event; then the five ORS events, in the documented order, with nothing between them.
 */
export const associate: Handler<'associate'> = (command, { model, requestid, emit }) => {
  const source = requireRunningSession(model, command.session);
  const interaction = requireInteraction(model, command.interactionid);
  requireOwner(interaction, source);
  const target = model.sessions.get(command.sessionid);
  if (target === undefined) {
    throw new Refusal('invaliddestination', 'sessionid', `no session ${command.sessionid}`);
  }
  if (target.state === 'ended') {
    throw new Refusal('invaliddestination', 'sessionid', `session ${target.id} has ended`);
  }
  if (target.id === source.id) {
    throw new Refusal(
      'invaliddestination',
      'sessionid',
      `session ${target.id} already owns interaction ${interaction.g_uid}`,
    );
  }
  const interactionid = interaction.g_uid;
  // Event data is read-only, so the events that carry only the id share one object: a move is
  // the hot path, and the journal keeps every event it makes.
  const ixn = { interactionid };
  emit('interaction.owner.changed', target.id, {
    interactionid,
    from: source.id,
    to: target.id,
    via: 'associate',
  });
  emit('interaction.added', target.id, ixn);
  emit('interaction.present', target.id, ixn);
  emit('interaction.deleted', source.id, { interactionid, resultof: 'associate' });
  emit('interaction.notcontrolled', source.id, ixn);
  emit('interaction.associate.done', source.id, { requestid, interactionid });
};
