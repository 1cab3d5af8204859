import { Refusal } from '../errors';
import { type Handler, requireInteraction, requireOwner, requireRunningSession } from './context';

/** I1: a session takes an interaction that has no owner. */
export const attach: Handler<'attach'> = (command, { model, requestid, emit }) => {
  const session = requireRunningSession(model, command.session);
  const interaction = requireInteraction(model, command.interactionid);
  if (interaction.state === 'ended') {
    throw new Refusal('invalidstate', 'interactionid', `interaction ${interaction.g_uid} has ended`);
  }
  if (interaction.owner !== null) {
    const who = interaction.owner === session.id ? 'this session already' : `session ${interaction.owner}`;
    throw new Refusal('invalidstate', 'interactionid', `interaction ${interaction.g_uid} is owned by ${who}`);
  }
  const interactionid = interaction.g_uid;
  emit('interaction.owner.changed', session.id, { interactionid, from: null, to: session.id, via: 'attach' });
  emit('interaction.added', session.id, { interactionid });
  emit('interaction.attach.done', session.id, { requestid, interactionid });
};

/** I2: the owner lets go; the interaction has no owner and no `OP-Session-ID` afterwards. */
export const detach: Handler<'detach'> = (command, { model, requestid, emit }) => {
  const session = requireRunningSession(model, command.session);
  const interaction = requireInteraction(model, command.interactionid);
  requireOwner(interaction, session);
  const interactionid = interaction.g_uid;
  emit('interaction.owner.changed', session.id, { interactionid, from: session.id, to: null, via: 'detach' });
  emit('interaction.deleted', session.id, { interactionid, resultof: 'detach' });
  emit('interaction.detach.done', session.id, { requestid, interactionid });
};
