import { describe, expect, it } from 'vitest';
import { FramePacer, MAX_REDRAW_MS, MIN_REDRAW_MS, REDRAW_SHARE } from './frame-pacer';

/** A pacer on a hand-driven clock: its frame and after-frame measures run when told. */
function paced() {
  let now = 0;
  let frame: { run: () => void; at: number } | null = null;
  const afterFrame: (() => void)[] = [];
  const pacer = new FramePacer(
    () => now,
    (run, delayMs) => {
      const entry = { run, at: now + delayMs };
      frame = entry;
      return () => {
        if (frame === entry) frame = null;
      };
    },
    (run) => afterFrame.push(run),
  );
  /** Moves the clock to `t`, running the frame if due; `cost` ms pass while it draws. */
  const advance = (t: number, cost = 0) => {
    now = t;
    const entry = frame as { run: () => void; at: number } | null;
    if (entry === null || entry.at > now) return;
    frame = null;
    entry.run();
    now += cost;
    for (const run of afterFrame.splice(0)) run();
  };
  /** A function that records when it ran. */
  const recorder = () => {
    const ran: number[] = [];
    return { ran, run: () => ran.push(now) };
  };
  return {
    pacer,
    advance,
    recorder,
    clock: () => now,
    due: () => (frame as { at: number } | null)?.at ?? null,
  };
}

describe('frame pacer', () => {
  it('runs a request after a quiet spell on the next frame', () => {
    const { pacer, advance, recorder, due } = paced();
    const flush = recorder();
    advance(5000);
    pacer.schedule(flush.run);
    expect(due()).toBe(5000);
    advance(5000);
    expect(flush.ran).toEqual([5000]);
  });

  it(`runs a burst of requests once, ${MIN_REDRAW_MS} ms after the last redraw`, () => {
    const { pacer, advance, recorder } = paced();
    const flush = recorder();
    pacer.schedule(flush.run);
    advance(0);
    for (let t = 10; t < MIN_REDRAW_MS; t += 10) {
      advance(t);
      pacer.schedule(flush.run);
    }
    advance(MIN_REDRAW_MS - 1);
    expect(flush.ran).toEqual([0]);
    advance(MIN_REDRAW_MS);
    expect(flush.ran).toEqual([0, MIN_REDRAW_MS]);
  });

  it('runs what different parts of the page asked for in the same frame', () => {
    const { pacer, advance, recorder } = paced();
    const store = recorder();
    const graph = recorder();
    pacer.schedule(store.run);
    advance(0);
    advance(30);
    pacer.schedule(store.run);
    advance(60);
    pacer.schedule(graph.run, 80);
    advance(MIN_REDRAW_MS);
    expect(store.ran).toEqual([0, MIN_REDRAW_MS]);
    expect(graph.ran).toEqual([MIN_REDRAW_MS]);
  });

  it('runs a timed request at its time, and no earlier for a request that came before it', () => {
    const { pacer, advance, recorder, due } = paced();
    const flush = recorder();
    const wake = recorder();
    pacer.schedule(wake.run, 700);
    expect(due()).toBe(700);
    advance(300);
    pacer.schedule(flush.run);
    expect(due()).toBe(300);
    advance(300);
    expect(flush.ran).toEqual([300]);
    expect(wake.ran).toEqual([]);
    expect(due()).toBe(700);
    advance(700);
    expect(wake.ran).toEqual([700]);
  });

  it("runs the graph's part of a redraw in the frame after the store's, and counts both in its cost", () => {
    const { pacer, advance, recorder, clock } = paced();
    const store = recorder();
    const graph = recorder();
    // The store's batch lands; the graph hears of it and asks for its part of this redraw.
    const flush = () => {
      store.run();
      pacer.schedule(graph.run, clock(), 'second');
    };
    pacer.schedule(flush);
    advance(0, 10);
    expect(store.ran).toEqual([0]);
    expect(graph.ran).toEqual([]);
    advance(16, 20);
    expect(graph.ran).toEqual([16]);
    // From the first frame's start to the second frame drawn: 36 ms, smoothed with nothing before.
    expect(pacer.interval()).toBe(18 / REDRAW_SHARE);
  });

  it('runs a timed request of the second phase on its own when nothing else is due', () => {
    const { pacer, advance, recorder, due } = paced();
    const graph = recorder();
    pacer.schedule(graph.run, 500, 'second');
    expect(due()).toBe(500);
    advance(500);
    expect(graph.ran).toEqual([500]);
    expect(due()).toBeNull();
  });

  it('spaces redraws out when they are dear, within its bounds', () => {
    const { pacer, advance, recorder } = paced();
    const flush = recorder();
    pacer.schedule(flush.run);
    advance(0, 40);
    // Smoothed: half of the last cost, half of what came before.
    expect(pacer.interval()).toBe(20 / REDRAW_SHARE);
    for (let i = 0; i < 10; i++) {
      pacer.schedule(flush.run);
      advance(i * 2000 + 2000, 400);
    }
    expect(pacer.interval()).toBe(MAX_REDRAW_MS);
    for (let i = 0; i < 10; i++) {
      pacer.schedule(flush.run);
      advance(i * 2000 + 40_000, 0);
    }
    expect(pacer.interval()).toBe(MIN_REDRAW_MS);
  });
});
