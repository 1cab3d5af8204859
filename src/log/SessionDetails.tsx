import { useEffect, useState } from 'react';
import { shortGuid } from '../engine';
import { useInspector } from '../store/react';
import { selectInteractions } from '../store/selectors';
import { ForgottenSession } from './ForgottenSession';
import { formatTime } from './format';
import { mediaClass } from './media-class';

/** One session: its state, document, age, and the interactions it owns (each a way to select it). */
export function SessionDetails({ id }: { id: string }) {
  const session = useInspector((s) => s.model.sessions.get(id));
  const interactions = useInspector(selectInteractions);
  const select = useInspector((s) => s.select);
  const now = useNow(session?.state === 'running');
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
                    {interaction !== undefined && (
                      <span className={mediaClass(interaction.media)} aria-hidden="true" />
                    )}
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

/** The wall clock, ticking each second while `ticking` (a running session's age grows). */
function useNow(ticking: boolean): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (!ticking) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [ticking]);
  return now;
}

/** 4 s, 3 min 05 s, 2 h 07 min. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}
