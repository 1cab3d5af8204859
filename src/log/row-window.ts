/** Rows `from` (inclusive) to `to` (exclusive) of a list: the ones to draw. */
export interface RowWindow {
  readonly from: number;
  readonly to: number;
}

export interface RowView {
  /** The scroll box's scrollTop and height, in px. */
  readonly scrollTop: number;
  readonly viewHeight: number;
  readonly rowHeight: number;
  /** What sits above the first row inside the scroll box (the sticky header), in px. */
  readonly headHeight: number;
  /** Rows drawn beyond the box on each side, so a scroll shows drawn rows before the next render. */
  readonly overscan: number;
  /** Following the newest row: the window is the end of the list, wherever the box last was. */
  readonly follow: boolean;
}

/**
 * The rows of a list of fixed-height rows that the scroll box shows. Fixed heights make this
 * arithmetic on the scroll position, whatever the length of the list: no per-row measurement to
 * keep, where a general virtualizer rebuilt one entry per row each time the list grew (a hundred
 * thousand at each commit of a full log).
 *
 * While following, the window is the newest rows the box holds, not the rows at the last scroll
 * position: that trails a frame behind (it moves with the scroll event of the previous frame's
 * move to the bottom), while useFollowNewest puts the view on the newest rows before this frame
 * is painted.
 */
export function rowWindow(count: number, view: RowView): RowWindow {
  const { rowHeight, overscan } = view;
  if (view.follow) {
    const fit = Math.ceil(view.viewHeight / rowHeight);
    return { from: Math.max(0, count - fit - overscan), to: count };
  }
  const top = view.scrollTop - view.headHeight;
  const first = Math.floor(top / rowHeight) - overscan;
  const last = Math.ceil((top + view.viewHeight) / rowHeight) + overscan;
  return { from: clamp(first, count), to: clamp(last, count) };
}

function clamp(row: number, count: number): number {
  return Math.min(count, Math.max(0, row));
}
