import { type RefObject, useLayoutEffect } from 'react';
import type { Flight } from '../scene/animation';

/** easeInOutCubic (animation.ts) as a CSS timing function, for the compositor. */
export const FLIGHT_EASING = 'cubic-bezier(0.65, 0, 0.35, 1)';

/**
 * Plays a chip's flight on its element: the node already sits at its new place (`toX`, `toY`, in
 * flow coordinates), and a transform animation carries the chip there from `flight.from`. The
 * browser runs it on the compositor, so a flight costs no render per frame. If the place changes
 * mid-flight (the target container re-orders), the animation restarts from the same start time
 * towards the new place: the chip keeps its course, as `flightPosition` describes it.
 */
export function useFlight(
  ref: RefObject<HTMLElement | null>,
  flight: Flight | null,
  toX: number,
  toY: number,
): void {
  useLayoutEffect(() => {
    const element = ref.current;
    // Layout effects run before the browser paints: the chip is never seen at its new place first.
    if (element === null || flight === null || typeof element.animate !== 'function') return;
    const dx = flight.from.x - toX;
    const dy = flight.from.y - toY;
    const animation = element.animate([{ transform: `translate(${dx}px, ${dy}px)` }, { transform: 'none' }], {
      duration: flight.duration,
      easing: FLIGHT_EASING,
    });
    animation.currentTime = Math.max(0, performance.now() - flight.start);
    // Cancelling (a new course, the node gone) rejects `finished`: expected, not an error.
    animation.finished.catch(() => {});
    return () => animation.cancel();
  }, [ref, flight, toX, toY]);
}
