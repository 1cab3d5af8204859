import type { Handler } from './context';

/**
 * [choice] Housekeeping, not an ORS action: forgets sessions and interactions that ended before
 * `before`, so an engine that runs for hours holds what is alive (and its snapshots stay small),
 * not everything that ever was. Each forgotten record is a journaled event (B5), so replay
 * forgets the same. Afterwards a command naming one gets `unknown`, as for an id never seen.
 * An interaction is forgotten only once it has ended; one merely released stays.
 */
export const purge: Handler<'purge'> = (command, { model, emit }) => {
  for (const interaction of model.interactions.values()) {
    if (interaction.endedAt !== null && interaction.endedAt < command.before) {
      emit('interaction.purged', null, { interactionid: interaction.g_uid });
    }
  }
  for (const session of model.sessions.values()) {
    if (session.endedAt !== null && session.endedAt < command.before) emit('session.purged', session.id, {});
  }
};
