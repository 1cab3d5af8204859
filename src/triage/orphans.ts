import type { EngineEvent } from '../engine';
import { Deadlines } from './deadlines';
import { type Detector, goneInteraction } from './detector';
import type { AnomalySink } from './types';

/**
 * Orphans: an interaction its owner detached (I2) that no session attached, or took by any other
 * move, within the limit. The entry's `seq` is the detach.
 */
export class OrphanDetector implements Detector {
  private readonly detached: Deadlines;

  constructor(
    limit: number,
    private readonly sink: AnomalySink,
  ) {
    this.detached = new Deadlines(limit);
  }

  observe(event: EngineEvent): void {
    const gone = goneInteraction(event);
    if (gone !== null) this.detached.cancel(gone);
    if (event.name !== 'interaction.owner.changed') return;
    const { interactionid, to, via } = event.data;
    if (to === null && via === 'detach') this.detached.start(interactionid, event.time, event.seq);
    else this.detached.cancel(interactionid);
  }

  /** A snapshot does not say how an interaction came to have no owner: only a detach seen counts. */
  load(): void {}

  advance(time: number): void {
    this.detached.expire(time, (id, { seq, start }) =>
      this.sink.raise('orphan', { kind: 'interaction', id }, seq, start),
    );
  }

  clear(): void {
    this.detached.clear();
  }
}
