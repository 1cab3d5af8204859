import { Panel, type ReactFlowState, useReactFlow, useStore } from '@xyflow/react';
import { type PointerEvent, useCallback, useRef } from 'react';
import { stopFollowing } from '../../store/actions/stop-following';
import { useActionContext } from '../../store/react';
import type { Rect } from '../scene/layout';
import type { FarSource } from './far-view';
import { useFarView } from './use-far-view';

/**
 * The overview (a minimap), while part of the graph is out of view: the whole graph painted small
 * (far-view.ts), the part the pane shows framed. Pressing or dragging on it centres the pane
 * there. Painted, not drawn with React Flow's MiniMap, which draws React Flow's nodes: far out
 * there are none, and close up it would redraw every node a second time on each redraw.
 */
export function Overview({ bounds, source }: { bounds: Rect | null; source: FarSource }) {
  const needed = useStore(useCallback((state: ReactFlowState) => !inView(bounds, state), [bounds]));
  if (!needed) return null;
  return (
    <Panel position="bottom-right">
      <OverviewCanvas source={source} />
    </Panel>
  );
}

function OverviewCanvas({ source }: { source: FarSource }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const view = useFarView(ref, source, true);
  const { setCenter, getZoom } = useReactFlow();
  const { store } = useActionContext();
  const centre = (event: PointerEvent<HTMLCanvasElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const point = view?.toFlow(event.clientX - box.left, event.clientY - box.top);
    if (point) void setCenter(point.x, point.y, { zoom: getZoom() });
  };
  return (
    <canvas
      ref={ref}
      className="overview"
      data-testid="overview"
      role="img"
      aria-label="Overview of the graph; press or drag on it to show that part"
      onPointerDown={(event) => {
        event.currentTarget.setPointerCapture(event.pointerId);
        stopFollowing(store);
        centre(event);
      }}
      onPointerMove={(event) => {
        if (event.buttons !== 0) centre(event);
      }}
    />
  );
}

/** Whether `bounds` (flow coordinates) lies within the pane, to the pixel. */
function inView(bounds: Rect | null, { transform: [x, y, zoom], width, height }: ReactFlowState): boolean {
  if (bounds === null) return true;
  const left = bounds.x * zoom + x;
  const top = bounds.y * zoom + y;
  return (
    left >= -1 &&
    top >= -1 &&
    left + bounds.width * zoom <= width + 1 &&
    top + bounds.height * zoom <= height + 1
  );
}
