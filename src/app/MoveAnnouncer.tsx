import { useEffect, useRef, useState } from 'react';
import { shortGuid } from '../engine';
import { useInspector } from '../store/react';
import { selectMoves } from '../store/selectors';

/**
 * An ARIA live region that tells screen readers about the user's own moves (drag, keyboard).
 * Live traffic moves many interactions a second: announcing those would drown everything else.
 */
export function MoveAnnouncer() {
  const moves = useInspector(selectMoves);
  const seen = useRef(0);
  const [text, setText] = useState('');
  useEffect(() => {
    const fresh = moves.filter((m) => m.seq > seen.current);
    if (fresh.length === 0) return;
    seen.current = fresh[fresh.length - 1]?.seq ?? seen.current;
    const mine = fresh.filter((m) => m.origin === 'drag' || m.origin === 'keyboard');
    const last = mine[mine.length - 1];
    if (last !== undefined) {
      setText(
        `Interaction ${shortGuid(last.g_uid)} moved from ${last.from ?? 'no session'} to ${last.to ?? 'no session'}.`,
      );
    }
  }, [moves]);
  return (
    <div className="sr-only" aria-live="polite" data-testid="move-announcer">
      {text}
    </div>
  );
}
