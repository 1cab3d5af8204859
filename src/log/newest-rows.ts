/**
 * The rows to draw while following: the last `fit` rows of `count` (as many as the box holds),
 * plus `overscan` above them. Not the virtualizer's range: that trails a frame behind while
 * following (it moves with the scroll event of the previous frame's move to the bottom), while
 * useFollowNewest puts the view on the newest rows before this frame is painted.
 */
export function newestRows(count: number, fit: number, overscan: number): number[] {
  const from = Math.max(0, count - fit - overscan);
  return Array.from({ length: count - from }, (_, i) => from + i);
}
