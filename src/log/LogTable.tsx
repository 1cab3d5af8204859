import { type KeyboardEvent, type MouseEvent, useRef } from 'react';
import { useTimeFormat } from '../display/use-time-format';
import type { LogRow } from '../store/log-buffer';
import { useInspector } from '../store/react';
import { selectSelection } from '../store/selectors';
import type { Selection } from '../store/state';
import type { FilteredIndex } from './filter';
import { rowInteraction, rowSession, rowTime } from './format';
import { LogRowView, ROW_HEIGHT } from './LogRowView';
import type { RowWindow } from './row-window';
import { useFollowNewest } from './use-follow-newest';
import { useRowWindow } from './use-row-window';

/** Rows drawn beyond the box, so a scroll shows drawn rows before the next render. */
const OVERSCAN = 6;

interface Props {
  readonly index: FilteredIndex;
  /** How many rows of the index to show: all of them, or while paused those older than the pause. */
  readonly count: number;
  readonly follow: boolean;
  /** A row was clicked, or Enter pressed on it: select its interaction, or else its session. */
  onChoose(selection: NonNullable<Selection>): void;
}

/**
 * The windowed rows (fixed height, so 100,000 rows cost what 30 do: row-window.ts). Rows are
 * memoized and keyed by position, so a frame renders only the rows that came into view.
 * Following the newest row, and pausing on a scroll up, is useFollowNewest's job.
 */
export function LogTable({ index, count, follow, onChoose }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const selection = useInspector(selectSelection);
  const clock = useTimeFormat();
  // Rows are in time order: if the oldest is of today, none shows a date, and the column stays narrow.
  const oldest = index.row(0);
  const dated = oldest !== undefined && clock.dated(rowTime(oldest));
  // The sticky header sits above the first row inside the scroll box.
  const rows = useRowWindow(scrollRef, count, {
    rowHeight: ROW_HEIGHT,
    headHeight: ROW_HEIGHT,
    overscan: OVERSCAN,
    follow,
  });
  const following = useFollowNewest(scrollRef, bodyRef, index, follow);
  const onScroll = () => {
    following.onScroll();
    rows.onScroll();
  };

  const rowAt = (target: EventTarget): LogRow | undefined => {
    const element = target instanceof Element ? target.closest<HTMLElement>('[data-index]') : null;
    return element === null ? undefined : index.row(Number(element.dataset.index));
  };
  const choose = (row: LogRow | undefined) => {
    if (row === undefined) return;
    const g_uid = rowInteraction(row);
    const session = rowSession(row);
    if (g_uid !== null) onChoose({ kind: 'interaction', id: g_uid });
    else if (session !== null) onChoose({ kind: 'session', id: session });
  };
  const onClick = (e: MouseEvent) => {
    // The clicked row takes focus, without the scroll a focus would do: keys (Escape, Tab) then
    // start from the row rather than from a filter box, where Escape would clear the search.
    const element = e.target instanceof Element ? e.target.closest<HTMLElement>('[tabindex]') : null;
    element?.focus({ preventScroll: true });
    choose(rowAt(e.target));
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault();
    choose(rowAt(e.target));
  };

  return (
    <div className="log-scroll" ref={scrollRef} onScroll={onScroll} onWheel={following.onWheel}>
      <table
        className={dated ? 'log-table log-dated' : 'log-table'}
        aria-label="Events"
        aria-rowcount={count + 1}
      >
        <thead>
          <tr className="log-row log-head">
            <th scope="col">seq</th>
            <th scope="col">time</th>
            <th scope="col">session</th>
            <th scope="col">event</th>
            <th scope="col">interaction</th>
            <th scope="col">data</th>
            <th scope="col">cause</th>
          </tr>
        </thead>
        <tbody
          ref={bodyRef}
          style={{ height: count * ROW_HEIGHT }}
          onClick={onClick}
          onKeyDown={onKeyDown}
          // The press must not focus the row: that focus scrolls a half-hidden row into view, which
          // would read as the user scrolling up. The click focuses it without scrolling.
          onMouseDown={(e) => e.preventDefault()}
        >
          {positions(rows.window).map((position) => {
            const row = index.row(position);
            if (row === undefined) return null;
            return (
              <LogRowView
                key={position}
                row={row}
                position={position}
                top={position * ROW_HEIGHT}
                selected={isSelected(row, selection)}
                clock={clock}
              />
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function positions({ from, to }: RowWindow): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}

function isSelected(row: LogRow, selection: Selection): boolean {
  if (selection === null) return false;
  return selection.kind === 'interaction'
    ? rowInteraction(row) === selection.id
    : rowSession(row) === selection.id;
}
