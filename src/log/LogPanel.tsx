import { useCallback, useRef } from 'react';
import { useActionContext, useInspector } from '../store/react';
import { selectFilters, selectFollow, selectLogAt, selectPausedAt } from '../store/selectors';
import type { Selection } from '../store/state';
import { type FilteredIndex, hasFilters } from './filter';
import { LogFilterBar } from './LogFilterBar';
import { LogStatus } from './LogStatus';
import { LogTable } from './LogTable';
import { useFilteredLog } from './use-filtered-log';
import { useSelectionFilter } from './use-selection-filter';
import './log.css';

/**
 * The event log: every row of the store's log, filtered, virtualized, following the newest row
 * until paused. Selecting a node filters it; clicking a row selects that row's node and keeps
 * the filters, pausing the log so the row stays where it was clicked, among its neighbours.
 */
export function LogPanel() {
  const { store } = useActionContext();
  const chosenInLog = useRef<Selection>(null);
  useSelectionFilter(chosenInLog);
  const { index, log } = useFilteredLog();
  const filters = useInspector(selectFilters);
  const follow = useInspector(selectFollow);
  const pausedAt = useInspector(selectPausedAt);
  const logAt = useInspector(selectLogAt);
  const pauseLog = useInspector((s) => s.pauseLog);
  const resumeLog = useInspector((s) => s.resumeLog);
  const clearFilters = useInspector((s) => s.clearFilters);
  const choose = useCallback(
    (selection: NonNullable<Selection>) => {
      chosenInLog.current = selection;
      store.getState().pauseLog();
      store.getState().select(selection);
    },
    [store],
  );
  // Paused, the view holds the rows that were there at the pause; the rest wait below. In the
  // past, it ends at the seq on screen: later rows are hidden until Live.
  const end = Math.min(follow ? Number.POSITIVE_INFINITY : pausedAt, logAt ?? Number.POSITIVE_INFINITY);
  const count = end === Number.POSITIVE_INFINITY ? index.length : index.countBefore(end);
  const nothingMatches = log.length > 0 && hasFilters(filters) && onlyMarkers(index);
  return (
    <div className="log">
      <div className="log-toolbar">
        <LogFilterBar />
        <LogStatus
          shown={index.length}
          total={log.length}
          follow={follow}
          fresh={Math.max(0, log.total - pausedAt)}
          onPause={pauseLog}
          onResume={resumeLog}
        />
      </div>
      {/* Always there, so that screen readers hear it when it fills. */}
      <div role="status">
        {nothingMatches && (
          <p className="log-no-match" data-testid="log-no-match">
            No event matches these filters.{' '}
            <button type="button" onClick={clearFilters}>
              Clear filters
            </button>
          </p>
        )}
      </div>
      <LogTable index={index} count={count} follow={follow} onChoose={choose} />
    </div>
  );
}

/** No row passes but markers, which pass every filter. Stops at the first other row. */
function onlyMarkers(index: FilteredIndex): boolean {
  for (let i = 0; i < index.length; i++) if (index.row(i)?.kind !== 'marker') return false;
  return true;
}
