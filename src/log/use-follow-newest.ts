import { type RefObject, useEffect, useLayoutEffect, useRef, type WheelEvent } from 'react';
import { useActionContext } from '../store/react';
import type { FilteredIndex } from './filter';
import { ROW_HEIGHT } from './LogRowView';

/**
 * While `follow` is on, the view sticks to the newest row; scrolling up pauses it (pauseLog), and
 * a paused view holds still, even as the buffer drops its oldest rows.
 *
 * Cheap under heavy traffic: reading or writing a scroll position makes the browser lay the whole
 * page out first, so doing it in every commit (after the graph changed too) cost a layout per
 * commit on top of the frame's own. Following is instead done from a ResizeObserver on the rows'
 * body and the scroll box: its callback runs once per frame in which they changed size, right
 * after the browser's own layout, when the scroll position can be read and written for free.
 * Commits themselves touch the scroll position only on resume and on a paused view's shed rows.
 */
export function useFollowNewest(
  scrollRef: RefObject<HTMLElement | null>,
  bodyRef: RefObject<HTMLElement | null>,
  index: FilteredIndex,
  follow: boolean,
) {
  const { store } = useActionContext();
  // Where the view was last placed, to tell the user's scrolling up from the list growing under it.
  const lastTop = useRef(0);

  // Once per frame at most, after layout: the list grew or shrank, or the box was resized.
  useEffect(() => {
    const el = scrollRef.current;
    const body = bodyRef.current;
    if (el === null || body === null) return;
    const observer = new ResizeObserver(() => {
      // The store, not a render's props: a scroll up this frame has paused it already.
      if (store.getState().follow) toBottom(el, lastTop);
    });
    observer.observe(el);
    observer.observe(body);
    return () => observer.disconnect();
  }, [scrollRef, bodyRef, store]);

  const wasFollowing = useRef(false);
  const shed = useRef({ generation: index.generation, shed: index.shed });
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (el === null) return;
    const before = shed.current;
    shed.current = { generation: index.generation, shed: index.shed };
    // Rows dropped from the front of a full buffer would slide a paused view up: slide it back.
    if (!follow && before.generation === index.generation && index.shed > before.shed) {
      el.scrollTop -= (index.shed - before.shed) * ROW_HEIGHT;
      lastTop.current = el.scrollTop;
    }
    // On resume (and at mount) jump now: the list may not change size to wake the observer.
    if (follow && !wasFollowing.current) toBottom(el, lastTop);
    wasFollowing.current = follow;
  });

  // Scroll events fire before the frame's layout, so a scroll up pauses before following resumes.
  const onScroll = () => {
    const el = scrollRef.current;
    if (el === null) return;
    if (follow && scrolledUp(el, lastTop.current)) store.getState().pauseLog();
    lastTop.current = el.scrollTop;
  };
  // The wheel says "up" before any scroll happens: pause at once, so following cannot undo it.
  const onWheel = (e: WheelEvent) => {
    if (follow && e.deltaY < 0) store.getState().pauseLog();
  };
  return { onScroll, onWheel };
}

function toBottom(el: HTMLElement, lastTop: RefObject<number>): void {
  el.scrollTop = el.scrollHeight;
  lastTop.current = el.scrollTop;
}

/** Up since the view was placed at `lastTop`, and not just clamped to the bottom of a shorter list. */
function scrolledUp(el: HTMLElement, lastTop: number): boolean {
  return el.scrollTop < lastTop - 1 && el.scrollHeight - el.clientHeight - el.scrollTop > 1;
}
