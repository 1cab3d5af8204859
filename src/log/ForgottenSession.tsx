import { useMemo } from 'react';
import { TimeText } from '../display/TimeText';
import { InteractionLink } from './InteractionLink';
import { JournalHint } from './JournalHint';
import { SessionFacts } from './SessionFacts';
import { useHistory } from './use-history';

/**
 * A session the page no longer holds (it ended and was forgotten, or ended before the page
 * opened), as the engine's journal tells it: marked ended, its times, and the interactions it held.
 */
export function ForgottenSession({ id }: { id: string }) {
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
      <SessionFacts
        session={session}
        last={{ term: 'ended', value: session.endedAt === null ? '—' : <TimeText time={session.endedAt} /> }}
      />
      <section>
        <h3>Interactions it held ({held.length})</h3>
        <ul className="details-ixn-list" data-testid="details-interactions">
          {held.map((g_uid) => (
            <InteractionLink key={g_uid} g_uid={g_uid} />
          ))}
        </ul>
      </section>
    </>
  );
}
