import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Model } from '../engine';
import type { Move } from '../store/state';
import type { InspectorStore } from '../store/store';
import { RedrawPacer } from './redraw-pacer';

/** What the graph draws from the store, as of its last redraw. */
export interface GraphFeedState {
  readonly model: Model;
  readonly epoch: string | null;
  readonly moves: readonly Move[];
}

type Store = Pick<InspectorStore, 'getState' | 'subscribe'>;

const pick = (state: GraphFeedState): GraphFeedState => ({
  model: state.model,
  epoch: state.epoch,
  moves: state.moves,
});

/**
 * The store's model, epoch and moves, handed to the graph at the pace of a RedrawPacer rather than
 * on every commit, and the timed wake-ups the graph asks for (`wakeAt`) on the same pace. A new
 * object each redraw, so a wake-up re-renders even when the store did not change.
 */
export class GraphFeed {
  private current: GraphFeedState;
  private readonly listeners = new Set<() => void>();
  private unsubscribe: (() => void) | null = null;
  private readonly pacer: RedrawPacer;

  constructor(
    private readonly store: Store,
    makePacer: (redraw: () => void) => RedrawPacer = (redraw) => new RedrawPacer(redraw),
  ) {
    this.current = pick(store.getState());
    this.pacer = makePacer(this.publish);
  }

  readonly snapshot = (): GraphFeedState => this.current;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (this.unsubscribe === null) {
      this.unsubscribe = this.store.subscribe((state, previous) => {
        if (
          state.model !== previous.model ||
          state.epoch !== previous.epoch ||
          state.moves !== previous.moves
        )
          this.pacer.request();
      });
      // Anything committed before the subscription is drawn on the next frame.
      if (this.store.getState().model !== this.current.model) this.pacer.request();
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size > 0) return;
      this.unsubscribe?.();
      this.unsubscribe = null;
      this.pacer.dispose();
    };
  };

  /** A redraw at `at` (or at the next paced redraw after it), store change or not. */
  wakeAt(at: number): void {
    this.pacer.request(at);
  }

  private readonly publish = () => {
    this.current = pick(this.store.getState());
    for (const listener of this.listeners) listener();
  };
}

/**
 * Reads the graph's part of the store at the redraw pace. After every render it asks `nextWake`
 * when the graph must be drawn again without a store change (a flight lands, a flash ends).
 */
export function usePacedGraph(store: Store, nextWake: (now: number) => number | null): GraphFeedState {
  const [feed] = useState(() => new GraphFeed(store));
  const state = useSyncExternalStore(feed.subscribe, feed.snapshot);
  useEffect(() => {
    const wake = nextWake(performance.now());
    if (wake !== null) feed.wakeAt(wake);
  });
  return state;
}
