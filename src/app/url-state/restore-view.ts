import { shortGuid } from '../../engine';
import { selectKeepingFilters } from '../../log/use-selection-filter';
import type { InspectorStore } from '../../store/store';
import type { PendingView } from './pending-view';

/**
 * Once the first snapshot is in, puts the link's moment (restoreAt) and selection on screen. An
 * item the page does not hold (ended, or not arrived yet) is selected all the same, for its
 * details come from the engine's journal and it is drawn the moment it arrives; a note says so.
 */
export function restoreView(store: InspectorStore, pending: PendingView): void {
  restoreAt(store, pending);
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

/**
 * Once the first snapshot is in, moves the timeline to the link's seq as soon as the page's
 * record holds it: at once if it does, when it arrives if it is still to come. A seq from before
 * the page's record (the page opened after it) is named in a note, and the page stays live. A
 * move of the user's in time, or another epoch, ends the wait. Returns the way to stop waiting.
 */
export function restoreAt(store: InspectorStore, pending: PendingView): () => void {
  const seq = pending.at;
  if (seq === null) return () => {};
  const { epoch } = store.getState();
  const attempt = (): boolean => {
    const state = store.getState();
    const { record } = state;
    const abandoned = state.epoch !== epoch || state.at !== null || pending.at !== seq;
    if (!abandoned && seq > record.last) return false;
    pending.at = null;
    if (abandoned) return true;
    if (seq >= record.first) state.travelTo(seq);
    else
      state.toast({
        tone: 'info',
        title: 'Link',
        text: `seq ${seq} is before what this page holds (from seq ${record.first}): the page stays live.`,
      });
    return true;
  };
  if (attempt()) return () => {};
  const stop = store.subscribe(() => {
    if (attempt()) stop();
  });
  return stop;
}
