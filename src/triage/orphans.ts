import type { EngineEvent } from '../engine';
import { goneInteraction } from './detector';
import type { AnomalySink } from './types';
import { WaitDetector } from './wait-detector';

/**
 * Orphans: an interaction its owner detached (I2) that no session attached, or took by any other
 * move, within the limit. The entry's `seq` is the detach.
 */
export class OrphanDetector extends WaitDetector {
  constructor(limit: number, sink: AnomalySink) {
    super(limit, sink, 'orphan', 'interaction');
  }

  observe(event: EngineEvent): void {
    const gone = goneInteraction(event);
    if (gone !== null) this.waiting.cancel(gone);
    if (event.name !== 'interaction.owner.changed') return;
    const { interactionid, to, via } = event.data;
    if (to === null && via === 'detach') this.waiting.start(interactionid, event.time, event.seq);
    else this.waiting.cancel(interactionid);
  }

  /** A snapshot does not say how an interaction came to have no owner: only a detach seen counts. */
  load(): void {}
}
