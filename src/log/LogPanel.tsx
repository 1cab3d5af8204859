import { useInspector } from '../store/react';
import { selectFollow, selectPausedAt } from '../store/selectors';
import { LogFilterBar } from './LogFilterBar';
import { LogStatus } from './LogStatus';
import { LogTable } from './LogTable';
import { useFilteredLog } from './use-filtered-log';
import { useSelectionFilter } from './use-selection-filter';
import './log.css';

/**
 * The event log: every row of the store's log, filtered, virtualized, following the newest row
 * until paused. Selecting a node filters it; clicking a row selects that row's node.
 */
export function LogPanel() {
  useSelectionFilter();
  const { index, log } = useFilteredLog();
  const follow = useInspector(selectFollow);
  const pausedAt = useInspector(selectPausedAt);
  const pauseLog = useInspector((s) => s.pauseLog);
  const resumeLog = useInspector((s) => s.resumeLog);
  // Paused, the view holds the rows that were there at the pause; the rest wait below.
  const count = follow ? index.length : index.countBefore(pausedAt);
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
      <LogTable index={index} count={count} follow={follow} />
    </div>
  );
}
