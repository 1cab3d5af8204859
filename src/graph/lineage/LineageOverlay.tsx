import { ViewportPortal } from '@xyflow/react';
import type { LineageArrow } from './lineage';

/**
 * Close up, the selected interaction's path over the graph: one curved, numbered arrow per move,
 * in flow coordinates inside React Flow's viewport, so it pans and zooms with the nodes. Hidden
 * from assistive technology: the details panel's move history is the same path in words.
 */
export function LineageOverlay({ arrows }: { arrows: readonly LineageArrow[] }) {
  if (arrows.length === 0) return null;
  return (
    <ViewportPortal>
      <svg className="lineage" aria-hidden="true" data-testid="lineage">
        <defs>
          <marker
            id="lineage-head"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="5"
            markerHeight="5"
            orient="auto-start-reverse"
          >
            <path d="M0 0L10 5L0 10z" />
          </marker>
        </defs>
        {arrows.map(({ seq, number, from, control, to, label, opacity }) => (
          <g key={seq} opacity={opacity} data-testid="lineage-arrow" data-seq={seq} data-number={number}>
            <path
              d={`M${from.x} ${from.y}Q${control.x} ${control.y} ${to.x} ${to.y}`}
              markerEnd="url(#lineage-head)"
            />
            <circle cx={label.x} cy={label.y} r="9" />
            <text x={label.x} y={label.y}>
              {number}
            </text>
          </g>
        ))}
      </svg>
    </ViewportPortal>
  );
}
