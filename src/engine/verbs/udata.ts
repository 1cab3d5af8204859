import type { Handler } from './context';
import { requireInteraction, requireOwner, requireRunningSession } from './context';

/** I5: `_genesys.ixn.setuData(obj, interactionid)` merges keys; the owner is told. */
export const setuData: Handler<'setuData'> = (command, { model, emit }) => {
  const session = requireRunningSession(model, command.session);
  const interaction = requireInteraction(model, command.interactionid);
  requireOwner(interaction, session);
  emit('interaction.udata.changed', session.id, {
    interactionid: interaction.g_uid,
    udata: { ...interaction.udata, ...command.udata },
    changed: Object.keys(command.udata),
    deleted: [],
  });
};

/** I5: `deleteuData` removes the named keys, or every key when none are named. */
export const deleteuData: Handler<'deleteuData'> = (command, { model, emit }) => {
  const session = requireRunningSession(model, command.session);
  const interaction = requireInteraction(model, command.interactionid);
  requireOwner(interaction, session);
  const names = command.keys ?? Object.keys(interaction.udata);
  const deleted = names.filter((key) => Object.hasOwn(interaction.udata, key));
  const udata = Object.fromEntries(Object.entries(interaction.udata).filter(([key]) => !names.includes(key)));
  emit('interaction.udata.changed', session.id, {
    interactionid: interaction.g_uid,
    udata,
    changed: [],
    deleted,
  });
};
