import { shortGuid } from '../../engine';
import { selectKeepingFilters } from '../../log/use-selection-filter';
import type { InspectorStore } from '../../store/store';
import type { PendingView } from './pending-view';

/**
 * Once the first snapshot is in, selects what the link names. An item the page does not
 * hold (ended, or not arrived yet) is selected all the same, for its details come from the
 * engine's journal and it is drawn the moment it arrives, and a note says so.
 */
export function restoreSelection(store: InspectorStore, pending: PendingView): void {
  const selection = pending.selection;
  pending.selection = null;
  // Chosen by the user meanwhile: theirs wins.
  if (selection === null || store.getState().selection !== null) return;
  const { model, filters, toast } = store.getState();
  const held =
    selection.kind === 'session' ? model.sessions.has(selection.id) : model.interactions.has(selection.id);
  if (!held) {
    const name =
      selection.kind === 'session' ? `Session ${selection.id}` : `Interaction ${shortGuid(selection.id)}`;
    toast({
      tone: 'info',
      title: 'Link',
      text: `${name} is not on the page: it has ended, or has not arrived yet. Its details say what the engine's journal knows.`,
    });
  }
  // Selecting sets the log's id filter to it; the link's filters say whether it had.
  const ownFilter = selection.kind === 'session' ? filters.session : filters.interaction;
  const otherFilter = selection.kind === 'session' ? filters.interaction : filters.session;
  if (ownFilter === selection.id && otherFilter === '') store.getState().select(selection);
  else selectKeepingFilters(store, selection);
}
