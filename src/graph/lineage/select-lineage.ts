import type { InspectorState, Move } from '../../store/state';

const NO_MOVES: readonly Move[] = [];

/**
 * The selected interaction's moves, oldest first: the same array until it moves again, so the
 * graph re-renders for its path only when the path changes.
 */
export function selectLineage(state: InspectorState): readonly Move[] {
  const { selection, history } = state;
  if (selection?.kind !== 'interaction') return NO_MOVES;
  return history.get(selection.id) ?? NO_MOVES;
}
