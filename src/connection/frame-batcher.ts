import type { EngineEvent } from '../engine';

type Schedule = (flush: () => void) => void;

/** requestAnimationFrame where there is one (the page), a 16 ms timer elsewhere (Node tests). */
const nextFrame: Schedule =
  typeof requestAnimationFrame === 'function'
    ? (flush) => requestAnimationFrame(flush)
    : (flush) => setTimeout(flush, 16);

/**
 * Coalesces event batches so the listener gets at most one per animation frame, whatever the
 * event rate: the store commits once per frame, React renders once per frame.
 */
export class FrameBatcher {
  private buffer: EngineEvent[] = [];
  private scheduled = false;

  constructor(
    private readonly deliver: (events: readonly EngineEvent[]) => void,
    private readonly schedule: Schedule = nextFrame,
  ) {}

  push(events: readonly EngineEvent[]): void {
    for (const event of events) this.buffer.push(event);
    if (this.scheduled) return;
    this.scheduled = true;
    this.schedule(() => this.flush());
  }

  /** Delivers what is buffered now (before a snapshot or a status change that must follow it). */
  flush(): void {
    this.scheduled = false;
    if (this.buffer.length === 0) return;
    const batch = this.buffer;
    this.buffer = [];
    this.deliver(batch);
  }

  /** Forgets what is buffered: a snapshot that supersedes it is on its way. */
  clear(): void {
    this.buffer = [];
  }
}
