import type { QueryClock } from '../query';
import type { TimeDisplay } from '../store/preferences';
import { formatDuration } from './duration';

export const TIME_DISPLAY_LABELS: { readonly [K in TimeDisplay]: string } = {
  local: 'local time',
  utc: 'UTC',
  relative: 'relative',
};

/** The parts of a moment on one clock (local or UTC). */
interface Clock {
  readonly day: string;
  readonly time: string;
}

const two = (n: number) => String(n).padStart(2, '0');
const localDay = (d: Date) => `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
const utcDay = (d: Date) => `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`;

const localCache = { second: Number.NaN, day: '', hms: '' };
const utcCache = { second: Number.NaN, day: '', hms: '' };

/**
 * The moment's day (YYYY-MM-DD) and time (HH:MM:SS.mmm) on the local clock or on UTC. Rows come
 * in time order, so most calls repeat the last second: it is kept, one per clock.
 */
function clockOf(time: number, utc: boolean): Clock {
  const cache = utc ? utcCache : localCache;
  const second = Math.floor(time / 1000);
  if (second !== cache.second) {
    const d = new Date(second * 1000);
    cache.second = second;
    cache.day = utc ? utcDay(d) : localDay(d);
    cache.hms = utc
      ? `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`
      : `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
  }
  return { day: cache.day, time: `${cache.hms}.${String(time - second * 1000).padStart(3, '0')}` };
}

/**
 * The clock a time typed in a search or a query is read on: the display's. A relative display's
 * is the local clock, on which it writes a moment's date and its tooltip the moment whole.
 */
export function queryClockOf(display: TimeDisplay): QueryClock {
  return display === 'utc' ? 'utc' : 'local';
}

/** HH:MM:SS.mmm on the local clock or on UTC, without the date. */
export function clockText(time: number, utc: boolean): string {
  return clockOf(time, utc).time;
}

/** Formats moments for one display at one `now`: what a list of rows shares. */
export interface TimeFormatter {
  readonly display: TimeDisplay;
  /** The moment as the page shows it (see formatTime). */
  text(time: number): string;
  /** The whole moment, unambiguous whatever the display: for a tooltip. */
  full(time: number): string;
  /** Whether `text` puts the date in front (the moment is not of today). */
  dated(time: number): boolean;
}

/**
 * A moment as the page shows it, milliseconds included so that events a few ms apart stay apart:
 * - local: `10:42:03.123`; UTC: `10:42:03.123Z`;
 * - relative: `12 s ago`, `3 min 05 s ago` (from `now`, the page's shared clock);
 * and the date in front (`2026-12-04 10:42:03.123`, `2026-12-04 · 26 h 03 min ago`) where the
 * moment's day is not `now`'s day on the same clock (relative times take the local day).
 */
export function timeFormatter(display: TimeDisplay, now: number): TimeFormatter {
  const utc = display === 'utc';
  // Read apart from the cache, which the rows' moments keep.
  const today = new Date(now);
  const todayKey = utc ? utcDay(today) : localDay(today);
  const zone = utc ? 'UTC' : localZone();
  return {
    display,
    text(time) {
      const at = clockOf(time, utc);
      const sameDay = at.day === todayKey;
      if (display === 'relative') return `${sameDay ? '' : `${at.day} · `}${formatDuration(now - time)} ago`;
      return `${sameDay ? '' : `${at.day} `}${at.time}${utc ? 'Z' : ''}`;
    },
    dated(time) {
      return clockOf(time, utc).day !== todayKey;
    },
    full(time) {
      const at = clockOf(time, utc);
      return `${at.day} ${at.time} ${zone}`;
    },
  };
}

/** One moment, formatted (see timeFormatter). */
export function formatTime(time: number, display: TimeDisplay, now: number): string {
  return timeFormatter(display, now).text(time);
}

let zoneName: string | null = null;

/** The browser's zone name (e.g. Europe/Paris), asked once: it is dear and does not change. */
function localZone(): string {
  zoneName ??= Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'local';
  return zoneName;
}
