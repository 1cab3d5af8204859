import { formatDuration } from '../display/duration';
import { MediaDot } from '../display/MediaDot';
import { useNow } from '../display/use-now';
import { useInspector } from '../store/react';
import { selectInteractions } from '../store/selectors';
import { ForgottenSession } from './ForgottenSession';
import { InteractionLink } from './InteractionLink';
import { SessionFacts } from './SessionFacts';
import { StrategySection } from './StrategySection';

/** One session: its state, document, age, and the interactions it owns (each a way to select it). */
export function SessionDetails({ id }: { id: string }) {
  const session = useInspector((s) => s.model.sessions.get(id));
  const interactions = useInspector(selectInteractions);
  const now = useNow();
  const runsStrategy = useInspector((s) => s.strategies.has(id));
  if (session === undefined) return <ForgottenSession id={id} />;
  const age = (session.endedAt ?? now) - session.startedAt;
  return (
    <>
      <h2>
        Session <span className="mono">{session.id}</span>
      </h2>
      <SessionFacts session={session} last={{ term: 'age', value: formatDuration(age) }} />
      <section>
        <h3>Interactions ({session.interactions.length})</h3>
        {session.interactions.length === 0 ? (
          <p className="details-muted">none</p>
        ) : (
          <ul className="details-ixn-list" data-testid="details-interactions">
            {session.interactions.map((g_uid) => {
              const interaction = interactions.get(g_uid);
              return (
                <InteractionLink
                  key={g_uid}
                  g_uid={g_uid}
                  mark={interaction !== undefined && <MediaDot media={interaction.media} />}
                  note={interaction === undefined ? undefined : `${interaction.media} · ${interaction.state}`}
                />
              );
            })}
          </ul>
        )}
      </section>
      {runsStrategy && <StrategySection session={session.id} />}
    </>
  );
}
