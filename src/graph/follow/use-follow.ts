import { type OnMoveStart, useReactFlow } from '@xyflow/react';
import { useCallback, useEffect } from 'react';
import { stopFollowing } from '../../store/actions/stop-following';
import { useActionContext, useInspector } from '../../store/react';
import type { InspectorState } from '../../store/state';
import { prefersReducedMotion } from '../close/reduced-motion';
import type { XY } from '../scene/layout';

/** How long a pan to the followed interaction's new owner takes, unless motion is reduced. */
export const FOLLOW_PAN_MS = 450;

/** The followed interaction, while it is the one selected (Follow is for the selected one). */
export const selectFollowed = (state: InspectorState): string | null =>
  state.selection?.kind === 'interaction' && state.selection.id === state.followed ? state.followed : null;

/**
 * Follow: while on, the view pans to the container of the followed interaction, at once when
 * turned on and after each move (`centreOf` gives its container's centre in the scene as drawn,
 * so a new owner or a reflow of the grid pans again). A pan or zoom of the user's own turns it off,
 * and a toast says so. The pan is an effect keyed by the point: run twice (React's development
 * mode mounts effects twice) it asks for the same viewport twice, which is the same pan.
 */
export function useFollow(centreOf: (g_uid: string) => XY | null): { onMoveStart: OnMoveStart } {
  const { store } = useActionContext();
  const followed = useInspector(selectFollowed);
  const { setCenter, getZoom } = useReactFlow();
  const target = followed === null ? null : centreOf(followed);
  const x = target?.x ?? null;
  const y = target?.y ?? null;

  useEffect(() => {
    if (followed === null || x === null || y === null) return;
    void setCenter(x, y, { zoom: getZoom(), duration: prefersReducedMotion() ? 0 : FOLLOW_PAN_MS });
  }, [followed, x, y, setCenter, getZoom]);

  // React Flow passes the DOM event of a user's gesture, and null for a pan the page asked for.
  const onMoveStart: OnMoveStart = useCallback(
    (event) => {
      if (event !== null) stopFollowing(store);
    },
    [store],
  );
  return { onMoveStart };
}
