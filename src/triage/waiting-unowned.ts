import type { EngineEvent, Snapshot } from '../engine';
import { Deadlines } from './deadlines';
import { type Detector, goneInteraction } from './detector';
import type { AnomalySink } from './types';

/**
 * Interactions waiting unowned past the limit: created and not yet taken, detached (I2), or
 * released by a session that ended (B6). A redirect with detach (I3) hands it to a resource that
 * handles it: that one is not waiting. The entry's `seq` is the event that left it unowned.
 */
export class WaitingUnownedDetector implements Detector {
  private readonly unowned: Deadlines;

  constructor(
    limit: number,
    private readonly sink: AnomalySink,
  ) {
    this.unowned = new Deadlines(limit);
  }

  observe(event: EngineEvent): void {
    const gone = goneInteraction(event);
    if (gone !== null) this.unowned.cancel(gone);
    if (event.name === 'interaction.created' && event.data.interaction.owner === null) {
      this.unowned.start(event.data.interaction.g_uid, event.time, event.seq);
    } else if (event.name === 'interaction.owner.changed') {
      const { interactionid, to, via } = event.data;
      if (to === null && (via === 'detach' || via === 'release'))
        this.unowned.start(interactionid, event.time, event.seq);
      else this.unowned.cancel(interactionid);
    }
  }

  /** Unowned at the snapshot and not handled at a resource: waiting since then at least. */
  load(snapshot: Snapshot, time: number): void {
    for (const { g_uid, owner, state } of snapshot.interactions) {
      if (owner === null && (state === 'queued' || state === 'routing'))
        this.unowned.start(g_uid, time, snapshot.seq);
    }
  }

  advance(time: number): void {
    this.unowned.expire(time, (id, { seq, start }) =>
      this.sink.raise('waiting-unowned', { kind: 'interaction', id }, seq, start),
    );
  }

  clear(): void {
    this.unowned.clear();
  }
}
