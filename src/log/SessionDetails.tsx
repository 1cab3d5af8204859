import { formatDuration } from '../display/duration';
import { MediaDot } from '../display/MediaDot';
import { useNow } from '../display/use-now';
import { shortGuid } from '../engine';
import { useInspector } from '../store/react';
import { selectInteractions } from '../store/selectors';
import { ForgottenSession } from './ForgottenSession';
import { formatTime } from './format';

/** One session: its state, document, age, and the interactions it owns (each a way to select it). */
export function SessionDetails({ id }: { id: string }) {
  const session = useInspector((s) => s.model.sessions.get(id));
  const interactions = useInspector(selectInteractions);
  const select = useInspector((s) => s.select);
  const now = useNow();
  if (session === undefined) return <ForgottenSession id={id} />;
  const age = (session.endedAt ?? now) - session.startedAt;
  return (
    <>
      <h2>
        Session <span className="mono">{session.id}</span>
      </h2>
      <dl>
        <dt>state</dt>
        <dd data-testid="details-session-state">{session.state}</dd>
        <dt>src</dt>
        <dd className="mono">{session.src}</dd>
        <dt>started</dt>
        <dd>{formatTime(session.startedAt)}</dd>
        <dt>age</dt>
        <dd>{formatDuration(age)}</dd>
      </dl>
      <section>
        <h3>Interactions ({session.interactions.length})</h3>
        {session.interactions.length === 0 ? (
          <p className="details-muted">none</p>
        ) : (
          <ul className="details-ixn-list" data-testid="details-interactions">
            {session.interactions.map((g_uid) => {
              const interaction = interactions.get(g_uid);
              return (
                <li key={g_uid}>
                  <button
                    type="button"
                    onClick={() => select({ kind: 'interaction', id: g_uid })}
                    data-testid="details-interaction"
                    data-guid={g_uid}
                  >
                    {interaction !== undefined && <MediaDot media={interaction.media} />}
                    <span className="mono">{shortGuid(g_uid)}</span>
                    <span className="details-muted">
                      {interaction === undefined ? '' : `${interaction.media} · ${interaction.state}`}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </>
  );
}
