import type { EngineEvent } from '../engine';
import { concerns } from '../protocol/history';
import type { HistoryQuery } from '../protocol/messages';
import { TimelineError } from './timeline-error';

/** What a step goes by: one event, one owner change, or one event of the selected item. */
export type StepUnit = 'event' | 'move' | 'selected';
export type Direction = 1 | -1;

/** What steps are taken over: the held events after seq `first`, oldest first, contiguous. */
export interface Steppable {
  readonly first: number;
  readonly last: number;
  eventAt(seq: number): EngineEvent | undefined;
}

const isMove = (event: EngineEvent) => event.name === 'interaction.owner.changed';

/**
 * Where a step from `from` lands, or null when there is nothing further that way.
 * - `event`: the next or previous seq.
 * - `move` steps over one owner change: forward to just after the next one, backward to just
 *   before the newest one at or before `from`, so a step back always undoes a move on screen.
 * - `selected` goes to the next or previous event of `selected` (the state just after it).
 * Linear in the events stepped over; they are held in memory, so a step across 250,000 of them
 * costs a few milliseconds.
 */
export function stepTarget(
  timeline: Steppable,
  from: number,
  unit: StepUnit,
  direction: Direction,
  selected: HistoryQuery | null = null,
): number | null {
  if (unit === 'event') {
    const to = from + direction;
    return to < timeline.first || to > timeline.last ? null : to;
  }
  const test = predicate(unit, selected);
  const matches = (seq: number) => {
    const event = timeline.eventAt(seq);
    return event !== undefined && test(event);
  };
  if (direction === 1) {
    for (let seq = from + 1; seq <= timeline.last; seq++) if (matches(seq)) return seq;
    return null;
  }
  // Backward: a move is undone (the state before it); a selected event is shown (the state after it).
  const start = unit === 'move' ? from : from - 1;
  for (let seq = start; seq > timeline.first; seq--) {
    if (matches(seq)) return unit === 'move' ? seq - 1 : seq;
  }
  return null;
}

function predicate(
  unit: 'move' | 'selected',
  selected: HistoryQuery | null,
): (event: EngineEvent) => boolean {
  if (unit === 'move') return isMove;
  if (selected === null) throw new TimelineError('badunit', 'a step by the selected item needs a selection');
  return (event) => concerns(event, selected);
}
