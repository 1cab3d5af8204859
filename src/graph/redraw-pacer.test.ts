import { describe, expect, it } from 'vitest';
import { MAX_REDRAW_MS, MIN_REDRAW_MS, REDRAW_SHARE, RedrawPacer } from './redraw-pacer';

/** A pacer on a hand-driven clock: scheduled redraws and after-frame measures run when told. */
function paced() {
  let now = 0;
  let scheduled: { run: () => void; at: number } | null = null;
  const afterFrame: (() => void)[] = [];
  const redraws: number[] = [];
  const pacer = new RedrawPacer(
    () => redraws.push(now),
    () => now,
    (run, delayMs) => {
      const entry = { run, at: now + delayMs };
      scheduled = entry;
      return () => {
        if (scheduled === entry) scheduled = null;
      };
    },
    (run) => afterFrame.push(run),
  );
  /** Moves the clock to `t`, running the scheduled redraw if due; `cost` ms pass while it draws. */
  const advance = (t: number, cost = 0) => {
    now = t;
    const entry = scheduled as { run: () => void; at: number } | null;
    if (entry === null || entry.at > now) return;
    scheduled = null;
    entry.run();
    now += cost;
    for (const run of afterFrame.splice(0)) run();
  };
  return { pacer, redraws, advance, due: () => (scheduled as { at: number } | null)?.at ?? null };
}

describe('redraw pacer', () => {
  it('draws a change after a quiet spell on the next frame', () => {
    const { pacer, redraws, advance, due } = paced();
    advance(5000);
    pacer.request();
    expect(due()).toBe(5000);
    advance(5000);
    expect(redraws).toEqual([5000]);
  });

  it(`draws a burst of changes together, ${MIN_REDRAW_MS} ms after the last redraw`, () => {
    const { pacer, redraws, advance } = paced();
    pacer.request();
    advance(0);
    for (let t = 10; t < MIN_REDRAW_MS; t += 10) {
      advance(t);
      pacer.request();
    }
    advance(MIN_REDRAW_MS - 1);
    expect(redraws).toEqual([0]);
    advance(MIN_REDRAW_MS);
    expect(redraws).toEqual([0, MIN_REDRAW_MS]);
  });

  it('draws a wake-up at its time, and an earlier request replaces a later one', () => {
    const { pacer, redraws, advance, due } = paced();
    pacer.request(700);
    expect(due()).toBe(700);
    advance(300);
    pacer.request();
    expect(due()).toBe(300);
    advance(300);
    expect(redraws).toEqual([300]);
  });

  it('spaces redraws out when they are dear, within its bounds', () => {
    const { pacer, advance } = paced();
    pacer.request();
    advance(0, 40);
    // Smoothed: half of the last cost, half of what came before.
    expect(pacer.interval()).toBe(20 / REDRAW_SHARE);
    for (let i = 0; i < 10; i++) {
      pacer.request();
      advance(i * 2000 + 2000, 400);
    }
    expect(pacer.interval()).toBe(MAX_REDRAW_MS);
    for (let i = 0; i < 10; i++) {
      pacer.request();
      advance(i * 2000 + 40_000, 0);
    }
    expect(pacer.interval()).toBe(MIN_REDRAW_MS);
  });
});
