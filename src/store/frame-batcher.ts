import type { EngineEvent } from '../engine';
import { framePacer } from './frame-pacer';

export type Schedule = (flush: () => void) => void;

/**
 * In the page, the page's paced frames (frame-pacer.ts); elsewhere (Node tests) a 16 ms timer.
 */
const nextFrame: Schedule =
  typeof requestAnimationFrame === 'function'
    ? (flush) => framePacer().schedule(flush)
    : (flush) => setTimeout(flush, 16);

/**
 * Coalesces event batches so the listener gets at most one per animation frame, whatever the
 * event rate (fewer when the page's redraws are dear): the store commits once per redraw, React
 * renders once per redraw.
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
    this.schedule(this.flushScheduled);
  }

  /** One function for every schedule: the page's pacer runs a function once per redraw. */
  private readonly flushScheduled = () => this.flush();

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
