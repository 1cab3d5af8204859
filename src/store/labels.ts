import type { StrategyLabel } from '../protocol/messages';
import type { PageState } from './apply-batch';

/**
 * Strategy labels from the host folded into a page state: a session's strategy and active states.
 * A label is kept before the session's start is drawn (its events may still wait for a frame), but
 * an end is not kept for a session the page no longer shows: forgetting it drops its label.
 */
export function withLabels(state: PageState, labels: readonly StrategyLabel[]): PageState {
  const strategies = new Map(state.strategies);
  for (const label of labels) {
    if (label.states.length > 0 || state.model.sessions.has(label.session))
      strategies.set(label.session, label);
  }
  return { ...state, strategies };
}
