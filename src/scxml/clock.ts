/**
 * The time a session runs on: wall-clock live, virtual in tests and replay, so that a replay of the
 * same inputs gives the same trace. `<send delay>` and `<cancel>` go through it.
 */
export interface Clock {
  now(): number;
  schedule(delayMs: number, run: () => void): TimerHandle;
  cancel(handle: TimerHandle): void;
}

export type TimerHandle = number;

/** Time moves only when `advance` is called; timers due at the same instant fire in the order they were set. */
export class VirtualClock implements Clock {
  private time = 0;
  private nextHandle = 1;
  private readonly timers = new Map<TimerHandle, { at: number; run: () => void }>();

  now(): number {
    return this.time;
  }

  schedule(delayMs: number, run: () => void): TimerHandle {
    const handle = this.nextHandle++;
    this.timers.set(handle, { at: this.time + Math.max(0, delayMs), run });
    return handle;
  }

  cancel(handle: TimerHandle): void {
    this.timers.delete(handle);
  }

  /** Moves time forward by `ms`, firing every timer that falls due (and those they set) in time order. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (let next = this.due(end); next; next = this.due(end)) {
      this.timers.delete(next.handle);
      this.time = next.at;
      next.run();
    }
    this.time = end;
  }

  private due(end: number): { handle: TimerHandle; at: number; run: () => void } | null {
    let found: { handle: TimerHandle; at: number; run: () => void } | null = null;
    for (const [handle, timer] of this.timers) {
      if (timer.at <= end && (!found || timer.at < found.at)) found = { handle, ...timer };
    }
    return found;
  }
}

/** The host's real time, for live sessions. */
export const wallClock: Clock = {
  now: () => Date.now(),
  schedule: (delayMs, run) => Number(setTimeout(run, delayMs)),
  cancel: (handle) => clearTimeout(handle),
};
