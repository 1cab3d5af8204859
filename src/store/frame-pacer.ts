/**
 * The page redraws at most this often. A redraw is everything a store commit sets off: the
 * graph's scene over every session and React Flow's walk over a thousand nodes, the log's rows,
 * the browser's style, layout, paint and layering of the page. Under heavy traffic there is
 * something new in every frame, and drawing each frame's events left no frame time to spare:
 * ten redraws a second keep the page current to the eye, while moves still glide at the
 * display's rate (flights play on the compositor, graph/use-flight.ts).
 */
export const MIN_REDRAW_MS = 100;
/** ...and never less often than this, however dear a redraw gets. */
export const MAX_REDRAW_MS = 1000;
/**
 * The share of the main thread redraws may take. A redraw that costs more (many nodes changed,
 * thousands on screen) spaces the next ones out, so the page keeps its frames in between.
 */
export const REDRAW_SHARE = 1 / 16;

/** Runs `run` after `delayMs`, on an animation frame; returns a cancel. */
export type ScheduleFrame = (run: () => void, delayMs: number) => () => void;

/** Runs `run` once the current frame is drawn (its style, layout, paint and observers done). */
export type AfterFrame = (run: () => void) => void;

/** A redraw lands on an animation frame, where the browser is about to draw anyway. */
export const onFrameAfter: ScheduleFrame = (run, delayMs) => {
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
 * then is what the redraw cost the main thread, React and the browser's work included.
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
 * When in a redraw a request runs: `first`, in its first frame (the store takes its batch, and
 * what reads the store directly redraws); `second`, in the frame after (the graph, whose redraw
 * is the dearest: had it shared the first frame, that frame would have cost the sum of both).
 */
export type Phase = 'first' | 'second';

/**
 * Paces the page's redraws. Whatever must change what the page shows (a batch of events for the
 * store, a flash of the graph that ends) asks for a redraw with `schedule`; everything asked for
 * runs together, in one frame per phase, so a redraw costs one or two rounds of style, layout and
 * paint. A request after a quiet spell runs on the next frame (as quick as drawing every frame);
 * requests in a burst run together, no closer than MIN_REDRAW_MS apart, or further when redraws
 * are dear (REDRAW_SHARE). A request may name a time (a flash ending): it runs then, or at the
 * next paced redraw after it.
 */
export class FramePacer {
  /** What to run, and not before when, by phase. */
  private readonly pending = { first: new Map<() => void, number>(), second: new Map<() => void, number>() };
  /** While a redraw's first frame runs: second-phase requests made now join this redraw. */
  private inFirstFrame = false;
  /** Second-phase runs of the redraw under way. */
  private readonly joining = new Set<() => void>();
  private last = Number.NEGATIVE_INFINITY;
  private due: number | null = null;
  private cancel: (() => void) | null = null;
  /** What recent redraws cost, smoothed, in ms. */
  private cost = 0;

  constructor(
    private readonly now: () => number = () => performance.now(),
    private readonly frame: ScheduleFrame = onFrameAfter,
    private readonly afterFrame: AfterFrame = afterFrameVia(new MessageChannel()),
  ) {}

  /** How long after a redraw the next one may come. */
  interval(): number {
    return Math.min(MAX_REDRAW_MS, Math.max(MIN_REDRAW_MS, this.cost / REDRAW_SHARE));
  }

  /**
   * Runs `run` in the next paced redraw at or after `at`, in its `phase`; asking again for the same
   * `run` keeps the earlier time. A second-phase request made during a redraw's first frame (the
   * graph hearing of the store's new batch) joins that redraw.
   */
  schedule(run: () => void, at: number = this.now(), phase: Phase = 'first'): void {
    if (phase === 'second' && this.inFirstFrame && at <= this.now()) {
      this.joining.add(run);
      return;
    }
    const pending = this.pending[phase];
    const before = pending.get(run);
    if (before === undefined || at < before) pending.set(run, at);
    this.request(Math.min(at, before ?? at));
  }

  private request(at: number): void {
    const when = Math.max(at, this.last + this.interval());
    if (this.due !== null && this.due <= when) return;
    this.cancel?.();
    this.due = when;
    this.cancel = this.frame(this.redraw, Math.max(0, when - this.now()));
  }

  private readonly redraw = () => {
    this.cancel = null;
    this.due = null;
    const start = this.now();
    let later = Number.POSITIVE_INFINITY;
    const take = (pending: Map<() => void, number>): (() => void)[] => {
      const runs: (() => void)[] = [];
      for (const [run, at] of pending) {
        // A timer may fire a hair early: what is due within the frame runs in it.
        if (at <= start + 1) runs.push(run);
        else later = Math.min(later, at);
      }
      for (const run of runs) pending.delete(run);
      return runs;
    };
    const first = take(this.pending.first);
    for (const run of take(this.pending.second)) this.joining.add(run);
    // What is not due yet is asked for before this redraw counts as the last one: a flash that
    // ends before the next paced redraw brings it forward. (Kept back to a full interval after
    // this one, the UI bench's frame p95 at 10,000 events/s went from 16.8 to 33 ms, twice.)
    if (later !== Number.POSITIVE_INFINITY) this.request(later);
    if (first.length === 0 && this.joining.size === 0) return;
    this.last = start;
    if (first.length === 0) {
      // Nothing for the first frame: the second phase has this one to itself.
      this.second(start);
      return;
    }
    this.inFirstFrame = true;
    try {
      for (const run of first) run();
    } finally {
      this.inFirstFrame = false;
    }
    if (this.joining.size === 0) this.measure(start);
    else this.frame(() => this.second(start), 0);
  };

  private second(start: number): void {
    const runs = [...this.joining];
    this.joining.clear();
    for (const run of runs) run();
    this.measure(start);
  }

  /** A redraw's cost: from its start until its last frame is drawn. */
  private measure(start: number): void {
    this.afterFrame(() => {
      this.cost = (this.cost + (this.now() - start)) / 2;
    });
  }
}

let pagePacer: FramePacer | null = null;

/**
 * The page's one pacer, so that the store's batches and the graph's timed changes share frames.
 * Like requestAnimationFrame, whose frames it paces, it belongs to the page.
 */
export function framePacer(): FramePacer {
  pagePacer ??= new FramePacer();
  return pagePacer;
}
