import type { XY } from './layout';

/**
 * A flight: an interaction travelling from where it was drawn to where the layout now puts it.
 * Only the start is fixed; the destination is read from the layout on every frame, so a flight
 * still lands right if its target container re-orders during the flight. Times are
 * `performance.now()` milliseconds.
 */
export interface Flight {
  readonly from: XY;
  readonly start: number;
  readonly duration: number;
}

export const FLIGHT_MS = 600;
/** How long source and target containers flash on a move. */
export const FLASH_MS = 700;
/** How long a moved interaction stays highlighted when motion is reduced (it does not travel). */
export const HIGHLIGHT_MS = 1200;

/** With reduced motion the flight has no duration: the node is at its target on the next frame. */
export function startFlight(from: XY, now: number, reducedMotion: boolean): Flight {
  return { from, start: now, duration: reducedMotion ? 0 : FLIGHT_MS };
}

/** Slow start, slow end: the eye can follow where the node goes. */
export function easeInOutCubic(t: number): number {
  return t < 0.5 ? 4 * t * t * t : 1 - (-2 * t + 2) ** 3 / 2;
}

/** Linear progress from 0 to 1, clamped. */
export function flightProgress(flight: Flight, now: number): number {
  if (flight.duration <= 0) return 1;
  return Math.min(1, Math.max(0, (now - flight.start) / flight.duration));
}

export function isFlying(flight: Flight, now: number): boolean {
  return flightProgress(flight, now) < 1;
}

/** Where the node is drawn at `now`, on its way to `to`. */
export function flightPosition(flight: Flight, to: XY, now: number): XY {
  const eased = easeInOutCubic(flightProgress(flight, now));
  return {
    x: flight.from.x + (to.x - flight.from.x) * eased,
    y: flight.from.y + (to.y - flight.from.y) * eased,
  };
}
