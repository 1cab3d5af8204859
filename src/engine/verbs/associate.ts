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
  emit('interaction.owner.changed', target.id, {
    interactionid,
    from: source.id,
    to: target.id,
    via: 'associate',
  });
  emit('interaction.added', target.id, { interactionid });
  emit('interaction.present', target.id, { interactionid });
  emit('interaction.deleted', source.id, { interactionid, resultof: 'associate' });
  emit('interaction.notcontrolled', source.id, { interactionid });
  emit('interaction.associate.done', source.id, { requestid, interactionid });
};
