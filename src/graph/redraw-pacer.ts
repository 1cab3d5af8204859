/**
 * The graph redraws at most this often. A redraw rebuilds the scene over every session and hands
 * React Flow a node list it walks in full; under heavy traffic the store commits every frame, and
 * redrawing that often left no frame time for anything else. Ten redraws a second keep the graph
 * current to the eye; moves still glide at the display's rate (flights play on the compositor,
 * see use-flight.ts).
 */
export const MIN_REDRAW_MS = 100;
/** ...and never less often than this, however dear a redraw gets. */
export const MAX_REDRAW_MS = 1000;
/**
 * The share of the main thread redraws may take. A redraw that costs more (many nodes changed,
 * thousands on screen) spaces the next ones out, so the rest of the page keeps its frames.
 */
export const REDRAW_SHARE = 1 / 16;

/** Runs `run` after `delayMs`, on an animation frame; returns a cancel. */
export type Schedule = (run: () => void, delayMs: number) => () => void;

/** Runs `run` once the current frame is drawn (its style, layout, paint and observers done). */
export type AfterFrame = (run: () => void) => void;

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
 * A message posted from an animation frame is handled after that frame's rendering: the time until
 * then is what the redraw cost the main thread, React, React Flow and the browser's work included.
 */
export function afterFrameVia(channel: MessageChannel): AfterFrame {
  const queue: (() => void)[] = [];
  channel.port1.onmessage = () => queue.shift()?.();
  return (run) => {
    queue.push(run);
    channel.port2.postMessage(null);
  };
}

/**
 * Coalesces redraw requests: a request after a quiet spell is drawn on the next frame (as quick as
 * before), requests in a burst are drawn together, no closer than MIN_REDRAW_MS apart, or further
 * when redraws are dear (REDRAW_SHARE). A request may name a time (a flash ending): it is drawn
 * then, or at the next paced redraw after it.
 */
export class RedrawPacer {
  private last = Number.NEGATIVE_INFINITY;
  private due: number | null = null;
  private cancel: (() => void) | null = null;
  /** What recent redraws cost, smoothed, in ms. */
  private cost = 0;

  constructor(
    private readonly redraw: () => void,
    private readonly now: () => number = () => performance.now(),
    private readonly schedule: Schedule = onFrameAfter,
    private readonly afterFrame: AfterFrame = afterFrameVia(new MessageChannel()),
  ) {}

  /** How long after a redraw the next one may come. */
  interval(): number {
    return Math.min(MAX_REDRAW_MS, Math.max(MIN_REDRAW_MS, this.cost / REDRAW_SHARE));
  }

  request(at: number = this.now()): void {
    const when = Math.max(at, this.last + this.interval());
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
    const start = this.now();
    this.last = start;
    this.redraw();
    this.afterFrame(() => {
      this.cost = (this.cost + (this.now() - start)) / 2;
    });
  };
}
