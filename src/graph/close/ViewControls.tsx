import { Controls } from '@xyflow/react';
import { type RefObject, useCallback } from 'react';
import { stopFollowing } from '../../store/actions/stop-following';
import { useActionContext } from '../../store/react';
import type { Rect } from '../scene/layout';
import { FitViewButton } from './FitViewButton';

/**
 * The graph's view buttons: zoom in, zoom out and Fit view. Each is the user moving the view, as
 * a drag or the wheel is, so each turns Follow off; React Flow reports their zooms to onMoveStart
 * without a DOM event, as it does the page's own pans, so they say so here.
 */
export function ViewControls({
  bounds,
  above,
}: {
  bounds: () => Rect | null;
  above: RefObject<HTMLElement | null>;
}) {
  const { store } = useActionContext();
  const stop = useCallback(() => stopFollowing(store), [store]);
  return (
    <Controls showInteractive={false} showFitView={false} onZoomIn={stop} onZoomOut={stop}>
      <FitViewButton bounds={bounds} above={above} />
    </Controls>
  );
}
