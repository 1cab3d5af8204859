import { useReactFlow } from '@xyflow/react';
import { type MouseEvent, useCallback } from 'react';
import { useActionContext } from '../store/react';
import { farHit } from './far-paint';
import type { GraphController } from './graph-controller';

/**
 * The pane's pointer. Far out, where the far view paints the nodes, a click selects what is
 * painted under it, and the chip under the pointer is lifted into a node of its own, so that
 * React Flow's drag takes it like any other. Anywhere else on the pane a click clears the
 * selection.
 */
export function useFarPane(controller: GraphController, far: boolean, canDrag: boolean, redraw: () => void) {
  const { store } = useActionContext();
  const { screenToFlowPosition } = useReactFlow();
  const hitAt = useCallback(
    (event: MouseEvent) => {
      const frame = controller.farFrame(performance.now());
      return frame === null
        ? null
        : farHit(frame, screenToFlowPosition({ x: event.clientX, y: event.clientY }));
    },
    [controller, screenToFlowPosition],
  );
  const point = useCallback(
    (g_uid: string | null) => {
      if (controller.point(g_uid)) redraw();
    },
    [controller, redraw],
  );
  return {
    onPaneClick: useCallback(
      (event: MouseEvent) => store.getState().select(far ? hitAt(event) : null),
      [far, hitAt, store],
    ),
    onPaneMouseMove: useCallback(
      (event: MouseEvent) => {
        const hit = far && canDrag ? hitAt(event) : null;
        point(hit?.kind === 'interaction' ? hit.id : null);
      },
      [far, canDrag, hitAt, point],
    ),
    onPaneMouseLeave: useCallback(() => point(null), [point]),
  };
}
