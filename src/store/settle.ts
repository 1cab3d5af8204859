import type { ResyncInfo } from '../connection/types';
import type { InspectorStore } from './store';

/**
 * After a resync, says what became of the commands whose replies the lost link took: the
 * journal names an action's events by its `requestid`, so events carrying it mean it ran. A
 * resume replays every event since what the page held, so none means it did not; after a
 * snapshot (or for a command without a requestid) the page cannot tell, and says so.
 */
export function settleUnsettled(store: InspectorStore, mode: ResyncInfo['mode']): void {
  const state = store.getState();
  if (state.unsettled.length === 0) return;
  const { log } = state;
  for (const { verb, requestid, sentAt } of state.unsettled) {
    const name = requestid === null ? verb : `${verb} ${requestid}`;
    let ran: number | null = null;
    if (requestid !== null) {
      for (let i = Math.max(0, sentAt - log.dropped); i < log.rows.length && ran === null; i++) {
        const row = log.rows[i];
        if (row?.kind === 'event' && row.event.cause.requestid === requestid) ran = row.event.seq;
      }
    }
    const text =
      ran !== null
        ? `${name}: the engine ran it (from seq ${ran})`
        : requestid !== null && mode === 'resume'
          ? `${name}: the engine did not run it; nothing changed`
          : `${name}: outcome still unknown (the state was reloaded from a snapshot); check what the page shows`;
    state.toast({ tone: 'info', title: 'After the reconnect', text });
    state.addLogRow({ kind: 'marker', time: Date.now(), seq: store.getState().seq, text });
  }
  state.clearUnsettled();
}
