import { useMemo } from 'react';
import type { TimeDisplay } from '../store/preferences';
import { usePreference } from '../store/preferences-react';
import { type TimeFormatter, timeFormatter } from './time-format';
import { useNow } from './use-now';

/**
 * The page's one time formatter, for the display the user chose. Relative times re-render with
 * the shared clock each second (and stand still while offline, as ages do); local and UTC times
 * only when the day changes (all they take from now), so a list of rows is not redrawn each second.
 */
export function useTimeFormat(): TimeFormatter {
  const display = usePreference((p) => p.time);
  const clock = useNow(display === 'relative');
  const now = display === 'relative' ? clock : startOfDay(Date.now(), display);
  return useMemo(() => timeFormatter(display, now), [display, now]);
}

/** The first moment of the day `now` is in, on the display's clock. */
function startOfDay(now: number, display: TimeDisplay): number {
  const d = new Date(now);
  return display === 'utc'
    ? Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate())
    : new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}
