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
 * `seq`: those the log shows while the past is on screen. The record's rows, from `from` on, are
 * in seq order, so a binary search finds the cut; a row without a seq (a refusal) goes with the
 * row before it.
 */
export function rowsThrough(log: LogBuffer, from: number, seq: number): number {
  const start = Math.max(0, from - log.dropped);
  // Rows [start, low) are at or before `seq`; rows [high, length) after it.
  let low = start;
  let high = log.rows.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    const rowSeq = seqAtOrBefore(log, start, mid);
    if (rowSeq === null || rowSeq <= seq) low = mid + 1;
    else high = mid;
  }
  return log.dropped + low;
}

/** The seq of row `i`, or of the nearest row before it that has one (not before `start`). */
function seqAtOrBefore(log: LogBuffer, start: number, i: number): number | null {
  for (let j = i; j >= start; j--) {
    const row = log.rows[j];
    if (row?.kind === 'event') return row.event.seq;
    if (row?.kind === 'marker') return row.seq;
  }
  return null;
}
