import type { ReactNode } from 'react';
import { shortGuid } from '../engine';
import { useInspector } from '../store/react';

interface Props {
  readonly g_uid: string;
  /** Drawn before the id (the media's dot, when the page knows the interaction). */
  readonly mark?: ReactNode;
  /** Drawn after the id, muted (its media and state). */
  readonly note?: string;
}

/** One interaction in a session's list: a button that selects it, by its short id. */
export function InteractionLink({ g_uid, mark, note }: Props) {
  const select = useInspector((s) => s.select);
  return (
    <li>
      <button
        type="button"
        onClick={() => select({ kind: 'interaction', id: g_uid })}
        data-testid="details-interaction"
        data-guid={g_uid}
      >
        {mark}
        <span className="mono">{shortGuid(g_uid)}</span>
        {note !== undefined && <span className="details-muted">{note}</span>}
      </button>
    </li>
  );
}
