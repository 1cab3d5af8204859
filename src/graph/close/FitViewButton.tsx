import { ControlButton, useReactFlow, useStoreApi } from '@xyflow/react';
import type { RefObject } from 'react';
import { stopFollowing } from '../../store/actions/stop-following';
import { useActionContext } from '../../store/react';
import { fitBelow } from '../scene/first-view';
import type { Rect } from '../scene/layout';
import { prefersReducedMotion } from './reduced-motion';
import { reservedTop } from './use-first-view';

/**
 * Fit view, on the graph's own bounds, below the panel `above` (the Find box) so it covers no
 * name. React Flow's button fits React Flow's nodes; far out it holds none (the far view paints
 * them), and it would wait for some, then fit later, unasked.
 */
export function FitViewButton({
  bounds,
  above,
}: {
  bounds: () => Rect | null;
  above: RefObject<HTMLElement | null>;
}) {
  const { setViewport } = useReactFlow();
  const flow = useStoreApi();
  const { store } = useActionContext();
  const fit = () => {
    stopFollowing(store);
    const rect = bounds();
    if (rect === null) return;
    const { width, height, maxZoom } = flow.getState();
    const view = fitBelow(rect, { width, height }, reservedTop(above.current), maxZoom);
    void setViewport(view, { duration: prefersReducedMotion() ? 0 : 200 });
  };
  return (
    <ControlButton onClick={fit} className="fit-view" title="Fit view" aria-label="Fit view">
      <svg viewBox="0 0 16 16" aria-hidden="true">
        <path d="M1 5V1h4M11 1h4v4M15 11v4h-4M5 15H1v-4" fill="none" stroke="currentColor" strokeWidth="2" />
      </svg>
    </ControlButton>
  );
}
