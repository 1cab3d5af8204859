import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, type MouseEvent, useLayoutEffect, useRef, type WheelEvent } from 'react';
import type { LogRow } from '../store/log-buffer';
import { useInspector } from '../store/react';
import { selectSelection } from '../store/selectors';
import type { Selection } from '../store/state';
import type { FilteredIndex } from './filter';
import { rowInteraction, rowSession } from './format';
import { LogRowView, ROW_HEIGHT } from './LogRowView';

interface Props {
  readonly index: FilteredIndex;
  /** How many rows of the index to show: all of them, or while paused those older than the pause. */
  readonly count: number;
  readonly follow: boolean;
}

/**
 * The virtualized rows (fixed height, so 100,000 rows cost what 30 do). While `follow` is on the
 * view sticks to the newest row; scrolling up pauses it (pauseLog), and a paused view holds still.
 */
export function LogTable({ index, count, follow }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const pauseLog = useInspector((s) => s.pauseLog);
  const select = useInspector((s) => s.select);
  const selection = useInspector(selectSelection);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    // The sticky header sits above the first row inside the scroll element.
    scrollMargin: ROW_HEIGHT,
  });

  // Where the view was last placed, to tell the user's scrolling up from the list growing under it.
  const lastTop = useRef(0);
  const shed = useRef({ generation: index.generation, shed: index.shed });
  /** Up since the view was placed, and not just clamped to the bottom of a shorter list. */
  const scrolledUp = (el: HTMLElement) =>
    el.scrollTop < lastTop.current - 1 && el.scrollHeight - el.clientHeight - el.scrollTop > 1;

  // After every render (new rows, new filters, a pause or resume): keep the view where it belongs.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (el === null) return;
    // Rows dropped from the front of a full buffer would slide the view up: slide it back.
    const before = shed.current;
    if (before.generation === index.generation && index.shed > before.shed) {
      const slide = (index.shed - before.shed) * ROW_HEIGHT;
      el.scrollTop -= slide;
      lastTop.current -= slide;
    }
    shed.current = { generation: index.generation, shed: index.shed };
    // A scroll the user began since the last frame wins over following (its event may not have fired yet).
    if (follow && scrolledUp(el)) pauseLog();
    else if (follow) el.scrollTop = el.scrollHeight;
    lastTop.current = el.scrollTop;
  });

  const onScroll = () => {
    const el = scrollRef.current;
    if (el === null) return;
    if (follow && scrolledUp(el)) pauseLog();
    lastTop.current = el.scrollTop;
  };
  // The wheel says "up" before any scroll happens: pause at once, so following cannot undo it.
  const onWheel = (e: WheelEvent) => {
    if (follow && e.deltaY < 0) pauseLog();
  };

  const rowAt = (target: EventTarget): LogRow | undefined => {
    const element = target instanceof Element ? target.closest<HTMLElement>('[data-index]') : null;
    return element === null ? undefined : index.row(Number(element.dataset.index));
  };
  const choose = (row: LogRow | undefined) => {
    if (row === undefined) return;
    const g_uid = rowInteraction(row);
    const session = rowSession(row);
    if (g_uid !== null) select({ kind: 'interaction', id: g_uid });
    else if (session !== null) select({ kind: 'session', id: session });
  };
  const onClick = (e: MouseEvent) => choose(rowAt(e.target));
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault();
    choose(rowAt(e.target));
  };

  return (
    <div className="log-scroll" ref={scrollRef} onScroll={onScroll} onWheel={onWheel}>
      <table className="log-table" aria-label="Events" aria-rowcount={count + 1}>
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
          style={{ height: virtualizer.getTotalSize() }}
          onClick={onClick}
          onKeyDown={onKeyDown}
          // A click must not focus the row: focusing scrolls a half-hidden row into view, which
          // would read as the user scrolling up and pause the log.
          onMouseDown={(e) => e.preventDefault()}
        >
          {virtualizer.getVirtualItems().map((item) => {
            const row = index.row(item.index);
            if (row === undefined) return null;
            return (
              <LogRowView
                key={item.key}
                row={row}
                position={item.index}
                top={item.start - ROW_HEIGHT}
                selected={isSelected(row, selection)}
              />
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function isSelected(row: LogRow, selection: Selection): boolean {
  if (selection === null) return false;
  return selection.kind === 'interaction'
    ? rowInteraction(row) === selection.id
    : rowSession(row) === selection.id;
}
