import type { EngineEvent, EventOf } from '../engine';
import type { PageState } from './apply-batch';
import type { LogBuffer } from './log-buffer';
import { moveOf } from './moves';
import type { PageRecord } from './page-record';
import type { InspectorState, Move } from './state';

/** At most this many moves re-animate on one jump (the graph flies fewer still). */
const TRAVEL_MOVES = 256;

/** What the page shows after a jump from seq `from` to seq `to`, both held by `record`. */
export type TravelView = Pick<InspectorState, 'model' | 'moves' | 'history' | 'ended' | 'strategies'>;

/**
 * The state at `to`, whose `moves` are the ones the jump passes over, for the graph to fly:
 * forward, as they happened; backward, each reversed (from its new owner back to its old one), the
 * newest undone first. Only those nearest `to`, where the eye lands, when there are more.
 */
export function travelView(record: PageRecord, from: number, to: number): TravelView {
  const state: PageState = record.stateAt(to);
  return {
    model: state.model,
    history: state.history,
    ended: state.ended,
    strategies: state.strategies,
    moves: to >= from ? movesForward(record, from, to) : movesBack(record, to, from),
  };
}

function movesForward(record: PageRecord, from: number, to: number): Move[] {
  const moves: Move[] = [];
  for (let seq = to; seq > from && moves.length < TRAVEL_MOVES; seq--) {
    const event = record.eventAt(seq);
    if (isMove(event)) moves.push(moveOf(event));
  }
  return moves.reverse();
}

function movesBack(record: PageRecord, to: number, from: number): Move[] {
  const moves: Move[] = [];
  for (let seq = to + 1; seq <= from && moves.length < TRAVEL_MOVES; seq++) {
    const event = record.eventAt(seq);
    if (isMove(event)) moves.push(reversed(moveOf(event)));
  }
  return moves.reverse();
}

function isMove(event: EngineEvent | undefined): event is EventOf<'interaction.owner.changed'> {
  return event?.name === 'interaction.owner.changed';
}

/** The same change undone: the chip flies from the owner it got back to the one it had. */
function reversed(move: Move): Move {
  return { ...move, from: move.to, to: move.from };
}

/**
 * How many of the log's rows (numbered over the whole run, LogBuffer.total) are at or before
 * `seq`: those the log shows while the past is on screen. Searched from the newest row back, so
 * it costs the rows after `seq`; rows without a seq (refusals) go with the row before them.
 */
export function rowsThrough(log: LogBuffer, seq: number): number {
  for (let i = log.rows.length - 1; i >= 0; i--) {
    const row = log.rows[i];
    const rowSeq = row?.kind === 'event' ? row.event.seq : row?.kind === 'marker' ? row.seq : null;
    if (rowSeq !== null && rowSeq <= seq) return log.dropped + i + 1;
  }
  return log.dropped;
}
