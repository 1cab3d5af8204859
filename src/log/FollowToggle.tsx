import { useCallback } from 'react';
import { useInspector } from '../store/react';
import { useShortcut } from './use-shortcut';

/**
 * "Follow" for the interaction shown: while pressed, the graph pans to its owner after each move.
 * `f` toggles it from the keyboard. A pan or zoom of the user's own turns it off (the graph says so).
 */
export function FollowToggle({ g_uid, live }: { g_uid: string; live: boolean }) {
  const on = useInspector((s) => s.followed === g_uid);
  const setFollowed = useInspector((s) => s.setFollowed);
  const toggle = useCallback(() => setFollowed(on ? null : g_uid), [on, g_uid, setFollowed]);
  useShortcut('f', live, toggle);
  return (
    <button
      type="button"
      onClick={toggle}
      disabled={!live}
      aria-pressed={on}
      aria-keyshortcuts="f"
      title={live ? 'Pan the graph to its owner after each move' : 'It is no longer on the graph'}
      data-testid="follow"
    >
      Follow <kbd>f</kbd>
    </button>
  );
}
