import { ControlButton, useReactFlow } from '@xyflow/react';
import type { Rect } from '../scene/layout';
import { prefersReducedMotion } from './reduced-motion';

/**
 * Fit view, on the graph's own bounds. React Flow's button fits React Flow's nodes; far out it
 * holds none (the far view paints them), and it would wait for some, then fit later, unasked.
 */
export function FitViewButton({ bounds }: { bounds: () => Rect | null }) {
  const { fitBounds } = useReactFlow();
  const fit = () => {
    const rect = bounds();
    if (rect !== null) void fitBounds(rect, { padding: 0.04, duration: prefersReducedMotion() ? 0 : 200 });
  };
  return (
    <ControlButton onClick={fit} className="fit-view" title="Fit view" aria-label="Fit view">
      <svg viewBox="0 0 16 16" aria-hidden="true">
        <path d="M1 5V1h4M11 1h4v4M15 11v4h-4M5 15H1v-4" fill="none" stroke="currentColor" strokeWidth="2" />
      </svg>
    </ControlButton>
  );
}
