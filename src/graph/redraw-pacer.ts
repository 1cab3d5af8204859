/**
 * The graph redraws at most this often. A redraw rebuilds the scene over every session and hands
 * React Flow a node list it walks in full; under heavy traffic the store commits every frame, and
 * redrawing that often left no frame time for anything else. Ten redraws a second keep the graph
 * current to the eye; moves still glide at the display's rate (flights play on the compositor,
 * see use-flight.ts).
 */
export const MIN_REDRAW_MS = 100;

/** Runs `run` after `delayMs`, on an animation frame; returns a cancel. */
export type Schedule = (run: () => void, delayMs: number) => () => void;

/** A redraw lands on an animation frame, where the browser is about to draw anyway. */
export const onFrameAfter: Schedule = (run, delayMs) => {
  let frame: number | null = null;
  const timer =
    delayMs > 0
      ? setTimeout(() => {
          frame = requestAnimationFrame(run);
        }, delayMs)
      : null;
  if (timer === null) frame = requestAnimationFrame(run);
  return () => {
    if (timer !== null) clearTimeout(timer);
    if (frame !== null) cancelAnimationFrame(frame);
  };
};

/**
 * Coalesces redraw requests: a request after a quiet spell is drawn on the next frame (as quick as
 * before), requests in a burst are drawn together, no closer than `minIntervalMs` apart. A request
 * may name a time (a flash ending): it is drawn then, or at the next paced redraw after it.
 */
export class RedrawPacer {
  private last = Number.NEGATIVE_INFINITY;
  private due: number | null = null;
  private cancel: (() => void) | null = null;

  constructor(
    private readonly redraw: () => void,
    private readonly now: () => number = () => performance.now(),
    private readonly schedule: Schedule = onFrameAfter,
    private readonly minIntervalMs = MIN_REDRAW_MS,
  ) {}

  request(at: number = this.now()): void {
    const when = Math.max(at, this.last + this.minIntervalMs);
    if (this.due !== null && this.due <= when) return;
    this.cancel?.();
    this.due = when;
    this.cancel = this.schedule(this.run, Math.max(0, when - this.now()));
  }

  dispose(): void {
    this.cancel?.();
    this.cancel = null;
    this.due = null;
  }

  private readonly run = () => {
    this.cancel = null;
    this.due = null;
    this.last = this.now();
    this.redraw();
  };
}
