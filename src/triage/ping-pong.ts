import type { EngineEvent, Snapshot } from '../engine';
import { type Detector, goneInteraction } from './detector';
import type { AnomalySink } from './types';

/** An interaction's last two sessions (a stay in Unowned between them does not count). */
interface Trail {
  current: string;
  /** When it last left `current`. */
  left: number;
  previous: string | null;
  /** When it left `previous`. */
  leftPrevious: number;
}

/**
 * Ping-pong: an interaction back in session A within the limit of leaving it for B (A→B→A), as
 * when a target keeps bouncing it or two strategies pass it back and forth. The entry's `seq` is
 * the move back; its count, how many times it bounced.
 */
export class PingPongDetector implements Detector {
  private readonly trails = new Map<string, Trail>();

  constructor(
    private readonly limit: number,
    private readonly sink: AnomalySink,
  ) {}

  observe(event: EngineEvent): void {
    const gone = goneInteraction(event);
    if (gone !== null) this.trails.delete(gone);
    if (event.name !== 'interaction.owner.changed') return;
    const { interactionid, from, to } = event.data;
    const trail = this.trails.get(interactionid);
    if (trail !== undefined && from !== null) trail.left = event.time;
    if (to === null) return;
    if (trail === undefined) {
      this.trails.set(interactionid, { current: to, left: event.time, previous: null, leftPrevious: 0 });
      return;
    }
    if (to === trail.current) return;
    if (to === trail.previous && event.time - trail.leftPrevious <= this.limit)
      this.sink.raise('ping-pong', { kind: 'interaction', id: interactionid }, event.seq, event.time);
    trail.previous = trail.current;
    trail.leftPrevious = trail.left;
    trail.current = to;
  }

  /** Each interaction starts from its owner in the snapshot. */
  load(snapshot: Snapshot, time: number): void {
    for (const { g_uid, owner } of snapshot.interactions) {
      if (owner !== null)
        this.trails.set(g_uid, { current: owner, left: time, previous: null, leftPrevious: 0 });
    }
  }

  /** A bounce is found on the move back: time passing finds nothing. */
  advance(): void {}

  clear(): void {
    this.trails.clear();
  }
}
