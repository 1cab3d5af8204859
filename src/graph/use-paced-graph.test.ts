import { describe, expect, it } from 'vitest';
import { engineWithStore } from '../store/testing';
import { RedrawPacer } from './redraw-pacer';
import { GraphFeed } from './use-paced-graph';

/** A feed whose redraws run only when the test says (`frame`). */
function fed() {
  const fixture = engineWithStore();
  let pending: (() => void) | null = null;
  const feed = new GraphFeed(
    fixture.store,
    (redraw) =>
      new RedrawPacer(
        redraw,
        () => 0,
        (run) => {
          pending = run;
          return () => {
            pending = null;
          };
        },
        () => {},
      ),
  );
  let notified = 0;
  const unsubscribe = feed.subscribe(() => notified++);
  const frame = () => {
    const run = pending as (() => void) | null;
    pending = null;
    run?.();
  };
  return { ...fixture, feed, frame, unsubscribe, notified: () => notified, pending: () => pending !== null };
}

describe('graph feed', () => {
  it("hands the graph the store's model on the next redraw, not on the commit", () => {
    const { feed, arrive, store, frame, notified } = fed();
    const before = feed.snapshot();
    arrive();
    arrive();
    expect(feed.snapshot()).toBe(before);
    expect(notified()).toBe(0);
    frame();
    expect(notified()).toBe(1);
    expect(feed.snapshot().model).toBe(store.getState().model);
    expect(feed.snapshot().moves).toBe(store.getState().moves);
  });

  it('asks for no redraw when a commit changes nothing the graph draws', () => {
    const { store, pending } = fed();
    store.getState().setFilters({ text: 'x' });
    store.getState().select({ kind: 'session', id: 'S-1' });
    expect(pending()).toBe(false);
  });

  it('redraws on a wake-up with a new snapshot, store change or not', () => {
    const { feed, frame, notified } = fed();
    const before = feed.snapshot();
    feed.wakeAt(0);
    frame();
    expect(notified()).toBe(1);
    expect(feed.snapshot()).not.toBe(before);
  });

  it('stops listening to the store when the graph goes', () => {
    const { arrive, unsubscribe, pending } = fed();
    unsubscribe();
    arrive();
    expect(pending()).toBe(false);
  });
});
