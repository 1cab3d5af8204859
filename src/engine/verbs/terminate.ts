import type { Handler } from './context';
import { requireInteraction, requireOwner, requireRunningSession } from './context';
import { requireResource } from './redirect';

/**
 * I4: `<ixn:terminate>` ends the interaction. The owner is sent `interaction.terminate.done`, then
 * `interaction.deleted` with no `resultof` (a real deletion); the session keeps running (B4).
 * Errors use the documented `invalidstate.<state>` form, e.g. `invalidstate.ended`.
 */
export const terminate: Handler<'terminate'> = (command, { model, requestid }) => {
  const session = requireRunningSession(model, command.session);
  const interaction = requireInteraction(model, command.interactionid);
  requireOwner(interaction, session, `invalidstate.${interaction.state}`);
  if (command.resource !== undefined) requireResource(command.resource, interaction, 'resource');
  const interactionid = interaction.g_uid;
  return [
    {
      name: 'interaction.owner.changed',
      session: session.id,
      data: { interactionid, from: session.id, to: null, via: 'terminate' },
    },
    { name: 'interaction.ended', session: session.id, data: { interactionid, reason: command.reason ?? 'terminated' } },
    { name: 'interaction.terminate.done', session: session.id, data: { requestid, interactionid } },
    { name: 'interaction.deleted', session: session.id, data: { interactionid } },
  ];
};
