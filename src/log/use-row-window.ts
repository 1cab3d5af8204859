import { type RefObject, useCallback, useEffect, useLayoutEffect, useState } from 'react';
import { type RowWindow, rowWindow } from './row-window';

interface Options {
  readonly rowHeight: number;
  readonly headHeight: number;
  readonly overscan: number;
  readonly follow: boolean;
}

/**
 * The rows of the scroll box's list to draw (row-window.ts), kept with the box's height (a
 * ResizeObserver, read after layout) and its scroll position (the scroll event). A scroll renders
 * only when it brings another row to the top, not at every pixel.
 */
export function useRowWindow(
  scrollRef: RefObject<HTMLElement | null>,
  count: number,
  options: Options,
): { window: RowWindow; onScroll: () => void } {
  const { rowHeight } = options;
  const [viewHeight, setViewHeight] = useState(0);
  const [topRow, setTopRow] = useState(0);

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (el !== null) setViewHeight(el.clientHeight);
  }, [scrollRef]);
  useEffect(() => {
    const el = scrollRef.current;
    if (el === null) return;
    const observer = new ResizeObserver(() => setViewHeight(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, [scrollRef]);

  const onScroll = useCallback(() => {
    const el = scrollRef.current;
    if (el !== null) setTopRow(Math.floor(el.scrollTop / rowHeight));
  }, [scrollRef, rowHeight]);

  const window = rowWindow(count, { ...options, scrollTop: topRow * rowHeight, viewHeight });
  return { window, onScroll };
}
