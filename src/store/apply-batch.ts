import { applyEvent, copyModel, type EngineEvent, type Model } from '../engine';
import type { StrategyLabel } from '../protocol/messages';
import { moveOf } from './moves';
import type { Ended, InspectorState, Move } from './state';

/** How many recent moves the graph may still be animating. */
const RECENT_MOVES = 256;
/**
 * How long an ended session or interaction stays in the page's model (event time). Long enough
 * to fade out on the graph and be clicked in the log; then it is forgotten, so a page left open
 * for hours holds what is alive, not everything that ever was. The engine keeps them all.
 */
export const KEEP_ENDED_MS = 15_000;

/** What the page draws at one seq: the part of the state the timeline rebuilds for any held seq. */
export type PageState = Pick<InspectorState, 'seq' | 'model' | 'moves' | 'history' | 'ended' | 'strategies'>;

/**
 * The one pure step from a page state and an event batch to the next: the engine's reducer on a
 * copy of the model, and the moves to animate. Live traffic, a resync and time travel (the
 * timeline's replays) all go through it. Events at or below `state.seq` are skipped, so a batch
 * that overlaps what is applied cannot double anything. `state` is never changed: what changed is
 * new, the rest shared, so the timeline may keep any state as a checkpoint.
 */
export function advance(state: PageState, events: readonly EngineEvent[]): PageState {
  let model: Model | null = null;
  let seq = state.seq;
  let now = 0;
  const moves: Move[] = [];
  const ended: Ended[] = [];
  for (const event of events) {
    if (event.seq <= seq) continue;
    seq = event.seq;
    now = event.time;
    model ??= copyModel(state.model);
    applyEvent(model, event);
    if (event.name === 'interaction.owner.changed') {
      moves.push(moveOf(event));
    } else if (event.name === 'session.ended') {
      ended.push({ kind: 'session', id: event.session as string, time: event.time });
    } else if (event.name === 'interaction.ended') {
      ended.push({ kind: 'interaction', id: event.data.interactionid, time: event.time });
    }
  }
  if (model === null) return state;
  let history = moves.length === 0 ? state.history : withHistory(state.history, moves);
  const graveyard = ended.length === 0 ? state.ended : [...state.ended, ...ended];
  const expired = graveyard.findIndex((entry) => entry.time > now - KEEP_ENDED_MS);
  const forget = expired < 0 ? graveyard.length : expired;
  let strategies = state.strategies;
  if (forget > 0) {
    const mutable = history === state.history ? new Map(history) : (history as Map<string, readonly Move[]>);
    for (const entry of graveyard.slice(0, forget)) {
      if (entry.kind === 'session') {
        model.sessions.delete(entry.id);
        if (strategies.has(entry.id)) {
          const fewer =
            strategies === state.strategies
              ? new Map(strategies)
              : (strategies as Map<string, StrategyLabel>);
          fewer.delete(entry.id);
          strategies = fewer;
        }
      } else {
        model.interactions.delete(entry.id);
        mutable.delete(entry.id);
      }
    }
    history = mutable;
  }
  return {
    seq,
    model,
    moves: moves.length === 0 ? state.moves : [...state.moves, ...moves].slice(-RECENT_MOVES),
    history,
    ended: forget > 0 ? graveyard.slice(forget) : graveyard,
    strategies,
  };
}

function withHistory(
  history: ReadonlyMap<string, readonly Move[]>,
  moves: readonly Move[],
): Map<string, readonly Move[]> {
  const next = new Map(history);
  for (const move of moves) next.set(move.g_uid, [...(next.get(move.g_uid) ?? []), move]);
  return next;
}
