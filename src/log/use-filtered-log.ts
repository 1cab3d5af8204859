import { useRef } from 'react';
import { queryClockOf } from '../display/time-format';
import { usePreference } from '../store/preferences-react';
import { useInspector } from '../store/react';
import { selectFilters, selectLog, selectLogVersion } from '../store/selectors';
import { FilteredIndex } from './filter';

/**
 * The log under the current filters, brought up to date on every append (one batch per frame); a
 * time in them is read on the clock the log shows times on.
 * The index is kept across renders so an append only costs the new rows; updating it during
 * render is safe because it is idempotent for the same log, length and filters.
 */
export function useFilteredLog() {
  const log = useInspector(selectLog);
  // Subscribed so that every append re-renders the log (the buffer itself is mutated in place).
  useInspector(selectLogVersion);
  const filters = useInspector(selectFilters);
  const clock = queryClockOf(usePreference((p) => p.time));
  const ref = useRef<FilteredIndex | null>(null);
  ref.current ??= new FilteredIndex();
  const index = ref.current;
  index.update(log, filters, clock);
  return { index, log };
}
