import type { EngineEvent, Snapshot } from '../engine';
import { goneInteraction } from './detector';
import type { AnomalySink } from './types';
import { WaitDetector } from './wait-detector';

/**
 * Interactions waiting unowned past the limit: created and not yet taken, detached (I2), or
 * released by a session that ended (B6). A redirect with detach (I3) hands it to a resource that
 * handles it: that one is not waiting. The entry's `seq` is the event that left it unowned.
 */
export class WaitingUnownedDetector extends WaitDetector {
  constructor(limit: number, sink: AnomalySink) {
    super(limit, sink, 'waiting-unowned', 'interaction');
  }

  observe(event: EngineEvent): void {
    const gone = goneInteraction(event);
    if (gone !== null) this.waiting.cancel(gone);
    if (event.name === 'interaction.created' && event.data.interaction.owner === null) {
      this.waiting.start(event.data.interaction.g_uid, event.time, event.seq);
    } else if (event.name === 'interaction.owner.changed') {
      const { interactionid, to, via } = event.data;
      if (to === null && (via === 'detach' || via === 'release'))
        this.waiting.start(interactionid, event.time, event.seq);
      else this.waiting.cancel(interactionid);
    }
  }

  /** Unowned at the snapshot and not handled at a resource: waiting since then at least. */
  load(snapshot: Snapshot, time: number): void {
    for (const { g_uid, owner, state } of snapshot.interactions) {
      if (owner === null && (state === 'queued' || state === 'routing'))
        this.waiting.start(g_uid, time, snapshot.seq);
    }
  }
}
