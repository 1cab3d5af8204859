import type { Handler } from './context';
import { requireInteraction, requireOwner, requireRunningSession } from './context';
import { requireResource } from './redirect';

/**
 * I4: `<ixn:terminate>` ends the interaction. The owner is sent `interaction.terminate.done`, then
 * `interaction.deleted` with no `resultof` (a real deletion); the session keeps running (B4).
 * Errors use the documented `invalidstate.<state>` form, e.g. `invalidstate.ended`.
 */
export const terminate: Handler<'terminate'> = (command, { model, requestid, emit }) => {
  const session = requireRunningSession(model, command.session);
  const interaction = requireInteraction(model, command.interactionid);
  requireOwner(interaction, session, `invalidstate.${interaction.state}`);
  if (command.resource !== undefined) requireResource(command.resource, interaction, 'resource');
  const interactionid = interaction.g_uid;
  emit('interaction.owner.changed', session.id, {
    interactionid,
    from: session.id,
    to: null,
    via: 'terminate',
  });
  emit('interaction.ended', session.id, { interactionid, reason: command.reason ?? 'terminated' });
  emit('interaction.terminate.done', session.id, { requestid, interactionid });
  emit('interaction.deleted', session.id, { interactionid });
};
