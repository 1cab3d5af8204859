import { useMemo } from 'react';
import { shortGuid } from '../engine';
import { useInspector } from '../store/react';
import { formatTime } from './format';
import { JournalHint } from './JournalHint';
import { useHistory } from './use-history';

/**
 * A session the page no longer holds (it ended and was forgotten, or ended before the page
 * opened), as the engine's journal tells it: marked ended, its times, and the interactions it held.
 */
export function ForgottenSession({ id }: { id: string }) {
  const select = useInspector((s) => s.select);
  const journal = useHistory({ of: 'session', target: id }, false);
  const ledger = journal?.ok === true && journal.history.of === 'session' ? journal.history : null;
  const held = useMemo(() => {
    const ids = new Set<string>();
    for (const event of ledger?.events ?? []) {
      if (event.name === 'interaction.owner.changed' && event.data.to === id)
        ids.add(event.data.interactionid);
    }
    return [...ids];
  }, [ledger, id]);
  const session = ledger?.record ?? null;
  if (session === null) return <JournalHint what="Session" id={id} journal={journal} />;
  return (
    <>
      <h2>
        Session <span className="mono">{id}</span>
        <span className="details-muted" data-testid="details-ended">
          {' '}
          · {session.state}
        </span>
      </h2>
      <p className="details-muted" data-testid="details-from-journal">
        No longer on the page: as the engine's journal tells it.
      </p>
      <dl>
        <dt>state</dt>
        <dd data-testid="details-session-state">{session.state}</dd>
        <dt>src</dt>
        <dd className="mono">{session.src}</dd>
        <dt>started</dt>
        <dd>{formatTime(session.startedAt)}</dd>
        <dt>ended</dt>
        <dd>{session.endedAt === null ? '—' : formatTime(session.endedAt)}</dd>
      </dl>
      <section>
        <h3>Interactions it held ({held.length})</h3>
        <ul className="details-ixn-list" data-testid="details-interactions">
          {held.map((g_uid) => (
            <li key={g_uid}>
              <button
                type="button"
                onClick={() => select({ kind: 'interaction', id: g_uid })}
                data-testid="details-interaction"
                data-guid={g_uid}
              >
                <span className="mono">{shortGuid(g_uid)}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
