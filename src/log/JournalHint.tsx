import type { HistoryResult } from '../store/actions/history';

/** For an item the page no longer holds: the journal is being read, or has nothing of it. */
export function JournalHint({
  what,
  id,
  journal,
}: {
  what: 'Interaction' | 'Session';
  id: string;
  journal: HistoryResult | null;
}) {
  return (
    <p className="details-hint" data-testid="details-journal-hint">
      {what} <span className="mono">{id}</span> is no longer on the page
      {journal === null
        ? ": reading the engine's journal…"
        : journal.ok
          ? ', and the journal no longer keeps its start.'
          : `, and the engine's journal has nothing of it (${journal.reason}).`}
    </p>
  );
}
