import { describe, expect, it } from 'vitest';
import type { Phase } from '../../store/frame-pacer';
import { engineWithStore } from '../../store/testing';
import { GraphFeed } from './use-graph-feed';

/** A feed on a pacer that runs what it was asked only when the test says (`frame`). */
function fed() {
  const fixture = engineWithStore();
  const asked: { run: () => void; phase: Phase }[] = [];
  const feed = new GraphFeed(fixture.store, {
    schedule: (run, _at, phase = 'first') => {
      asked.push({ run, phase });
    },
  });
  let notified = 0;
  const unsubscribe = feed.subscribe(() => notified++);
  const frame = () => {
    for (const { run } of asked.splice(0)) run();
  };
  return { ...fixture, feed, frame, asked, unsubscribe, notified: () => notified };
}

describe('graph feed', () => {
  it("hands the graph the store's model in the redraw's second frame, not on the commit", () => {
    const { feed, arrive, store, frame, asked, notified } = fed();
    const before = feed.snapshot();
    arrive();
    arrive();
    expect(feed.snapshot()).toBe(before);
    expect(notified()).toBe(0);
    expect(asked.every((a) => a.phase === 'second')).toBe(true);
    frame();
    expect(notified()).toBe(1);
    expect(feed.snapshot().model).toBe(store.getState().model);
    expect(feed.snapshot().moves).toBe(store.getState().moves);
  });

  it('asks for nothing when a commit changes nothing the graph draws', () => {
    const { store, asked } = fed();
    store.getState().setFilters({ text: 'x' });
    store.getState().select({ kind: 'session', id: 'S-1' });
    expect(asked).toEqual([]);
  });

  it('stops listening to the store when the graph goes', () => {
    const { arrive, unsubscribe, asked } = fed();
    unsubscribe();
    arrive();
    expect(asked).toEqual([]);
  });
});
