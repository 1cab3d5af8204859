import { useState, useSyncExternalStore } from 'react';
import type { Model } from '../../engine';
import { type FramePacer, framePacer } from '../../store/frame-pacer';
import type { Move } from '../../store/state';
import type { InspectorStore } from '../../store/store';

/** What the graph draws from the store, as of its last redraw. */
export interface GraphFeedState {
  readonly model: Model;
  readonly epoch: string | null;
  /** The seq on screen; null: live. */
  readonly at: number | null;
  readonly moves: readonly Move[];
}

type Store = Pick<InspectorStore, 'getState' | 'subscribe'>;

const pick = (state: GraphFeedState): GraphFeedState => ({
  model: state.model,
  epoch: state.epoch,
  at: state.at,
  moves: state.moves,
});

/** Whether two states hold the same model, epoch, seq on screen and moves: nothing to redraw. */
function sameFeed(a: GraphFeedState, b: GraphFeedState): boolean {
  return a.model === b.model && a.epoch === b.epoch && a.at === b.at && a.moves === b.moves;
}

/**
 * The store's model, epoch and moves, handed to the graph in the second frame of the redraw that
 * committed them (frame-pacer.ts): the store's batch and the log take one frame, the graph the
 * next, rather than both one frame that would cost the sum.
 */
export class GraphFeed {
  private current: GraphFeedState;
  private readonly listeners = new Set<() => void>();
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly store: Store,
    private readonly pacer: Pick<FramePacer, 'schedule'> = framePacer(),
  ) {
    this.current = pick(store.getState());
  }

  readonly snapshot = (): GraphFeedState => this.current;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (this.unsubscribe === null) {
      this.unsubscribe = this.store.subscribe((state, previous) => {
        if (!sameFeed(state, previous)) this.pacer.schedule(this.publish, performance.now(), 'second');
      });
      // Anything committed before the subscription is drawn in the next redraw.
      if (!sameFeed(this.store.getState(), this.current))
        this.pacer.schedule(this.publish, performance.now(), 'second');
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size > 0) return;
      this.unsubscribe?.();
      this.unsubscribe = null;
    };
  };

  private readonly publish = () => {
    const state = this.store.getState();
    if (sameFeed(state, this.current)) return;
    this.current = pick(state);
    for (const listener of this.listeners) listener();
  };
}

/** The graph's part of the store, one frame behind the store's commits (GraphFeed). */
export function useGraphFeed(store: Store): GraphFeedState {
  const [feed] = useState(() => new GraphFeed(store));
  return useSyncExternalStore(feed.subscribe, feed.snapshot);
}
