import type { EngineEvent, Snapshot } from '../engine';
import { Deadlines } from './deadlines';
import type { Detector } from './detector';
import type { AnomalyItem, AnomalyKind, AnomalySink } from './types';

/**
 * A detector of something left waiting too long (an orphan, an unowned interaction, an idle
 * session): its subclass says when a wait starts and ends; a wait past the limit is raised with
 * the event that started it.
 */
export abstract class WaitDetector implements Detector {
  protected readonly waiting: Deadlines;

  constructor(
    limit: number,
    private readonly sink: AnomalySink,
    private readonly kind: AnomalyKind,
    private readonly item: AnomalyItem['kind'],
  ) {
    this.waiting = new Deadlines(limit);
  }

  abstract observe(event: EngineEvent): void;
  abstract load(snapshot: Snapshot, time: number): void;

  advance(time: number): void {
    this.waiting.expire(time, (id, { seq, start }) =>
      this.sink.raise(this.kind, { kind: this.item, id }, seq, start),
    );
  }

  clear(): void {
    this.waiting.clear();
  }
}
