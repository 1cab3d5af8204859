import { Refusal } from '../errors';
import type { InteractionRecord } from '../model';
import { parseResource, type Resource, type ResourceInput } from '../resource';
import { type Handler, requireInteraction, requireOwner, requireRunningSession } from './context';

/**
 * I3: `<ixn:redirect>` routes the interaction to a resource (section R); the interaction is then
 * being handled there. With `detach: true` the owner lets go first, as in I2 (`interaction.deleted`
 * with `resultof: 'detach'`). [choice] `redirect.done` carries the parsed resource for the log.
 */
export const redirect: Handler<'redirect'> = (command, { model, requestid, emit }) => {
  const session = requireRunningSession(model, command.session);
  const interaction = requireInteraction(model, command.interactionid);
  requireOwner(interaction, session);
  const resource = requireResource(command.to, interaction, 'to');
  const interactionid = interaction.g_uid;
  if (command.detach === true) {
    emit('interaction.owner.changed', session.id, {
      interactionid,
      from: session.id,
      to: null,
      via: 'redirect',
    });
    emit('interaction.deleted', session.id, { interactionid, resultof: 'detach' });
  }
  if (interaction.state !== 'handling') {
    emit('interaction.state.changed', session.id, { interactionid, from: interaction.state, to: 'handling' });
  }
  emit('interaction.redirect.done', session.id, { requestid, interactionid, resource });
};

/** R2, R3: an address that does not parse for this interaction's media is an invalid destination. */
export function requireResource(
  input: ResourceInput,
  interaction: InteractionRecord,
  field: string,
): Resource {
  const parsed = parseResource(input, interaction);
  if (!parsed.ok) {
    const where = parsed.error.field === 'address' ? field : `${field}.${parsed.error.field}`;
    throw new Refusal('invaliddestination', where, `[${parsed.error.rule}] ${parsed.error.reason}`);
  }
  return parsed.resource;
}
