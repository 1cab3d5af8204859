import { type RefObject, useEffect, useRef } from 'react';
import { useActionContext, useInspector } from '../store/react';
import { selectSelection } from '../store/selectors';
import type { Selection } from '../store/state';
import type { InspectorStore } from '../store/store';

/** Selections made with the filters they came with (a link restores both), known by identity. */
const withTheirFilters = new WeakSet<NonNullable<Selection>>();

/** Selects, leaving the log's filters as they are: the one time a selection does not set them. */
export function selectKeepingFilters(store: InspectorStore, selection: NonNullable<Selection>): void {
  withTheirFilters.add(selection);
  store.getState().select(selection);
}

/**
 * Selecting a node filters the log to it: a session selection sets the session filter, an
 * interaction selection the interaction filter, and clears the other. Deselecting lifts the
 * filter the selection set, unless the user has changed it since. The user can clear it at any
 * time; the selection itself stays.
 *
 * A selection made by clicking a row of the log (`chosenInLog`) leaves the filters alone: the
 * user chose that row among the rows their filter shows, and wants to see it there, in context.
 */
export function useSelectionFilter(chosenInLog: RefObject<Selection>): void {
  const { store } = useActionContext();
  const selection = useInspector(selectSelection);
  const applied = useRef<Selection>(null);
  useEffect(() => {
    if (selection !== null && (selection === chosenInLog.current || withTheirFilters.has(selection))) return;
    const { filters, setFilters } = store.getState();
    const previous = applied.current;
    applied.current = selection;
    if (selection !== null) {
      setFilters(
        selection.kind === 'session'
          ? { session: selection.id, interaction: '' }
          : { interaction: selection.id, session: '' },
      );
    } else if (previous !== null) {
      const field = previous.kind === 'session' ? 'session' : 'interaction';
      if (filters[field] === previous.id) setFilters({ [field]: '' });
    }
  }, [selection, store, chosenInLog]);
}
