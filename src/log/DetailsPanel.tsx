import { useInspector } from '../store/react';
import { selectSelection } from '../store/selectors';
import { InteractionDetails } from './InteractionDetails';
import { SessionDetails } from './SessionDetails';
import { TriagePanel } from './triage/TriagePanel';
import './log.css';

/** What is selected, in full: an interaction or a session, or a hint when nothing is. */
export function DetailsPanel() {
  const selection = useInspector(selectSelection);
  return (
    <div className="details" data-testid="details-panel">
      <TriagePanel />
      {selection === null ? (
        <p className="details-hint">
          Select a session or an interaction on the graph, or click a row of the log, to see its details here.
          With an interaction selected, press <kbd>a</kbd> to associate it with another session.
        </p>
      ) : selection.kind === 'interaction' ? (
        // Keyed, so a new selection starts with the picker closed.
        <InteractionDetails key={selection.id} g_uid={selection.id} />
      ) : (
        <SessionDetails key={selection.id} id={selection.id} />
      )}
    </div>
  );
}
