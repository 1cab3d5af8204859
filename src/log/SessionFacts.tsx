import type { ReactNode } from 'react';
import { TimeText } from '../display/TimeText';
import type { SessionRecord } from '../engine';

interface Props {
  readonly session: SessionRecord;
  /** The fact after "started": its age for a live session, its end for one the journal tells. */
  readonly last: { readonly term: string; readonly value: ReactNode };
}

/** A session's facts as the details panel lists them, live or from the journal. */
export function SessionFacts({ session, last }: Props) {
  return (
    <dl>
      <dt>state</dt>
      <dd data-testid="details-session-state">{session.state}</dd>
      {session.invoker !== undefined && (
        <>
          <dt>invoked by</dt>
          <dd className="mono" data-testid="details-session-invoker">
            {session.invoker.session} (invoke {session.invoker.invokeid})
          </dd>
        </>
      )}
      <dt>src</dt>
      <dd className="mono">{session.src}</dd>
      <dt>started</dt>
      <dd>
        <TimeText time={session.startedAt} />
      </dd>
      <dt>{last.term}</dt>
      <dd>{last.value}</dd>
    </dl>
  );
}
