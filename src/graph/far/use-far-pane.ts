import { useReactFlow } from '@xyflow/react';
import { type MouseEvent, useCallback } from 'react';
import { useActionContext } from '../../store/react';
import type { Selection } from '../../store/state';
import type { GraphController } from '../controller/graph-controller';
import { interactionTitle, sessionTitle } from '../looks/kinds';
import type { NodeLooks } from '../looks/looks';
import { interactionNodeId, sessionNodeId } from '../scene/scene';
import { farHit } from './far-paint';

/**
 * The pane's pointer. Far out, where the far view paints the nodes, a click selects what is
 * painted under it and the pane's tooltip says what that is; the chip under the pointer is lifted
 * into a node of its own, so that React Flow's drag takes it like any other. Anywhere else on the
 * pane a click clears the selection.
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
        const hit = far ? hitAt(event) : null;
        // Far out, the pane's tooltip is the one of the node painted under the pointer.
        const pane = event.currentTarget as HTMLElement;
        const title = hit === null ? '' : titleOf(controller.looks, hit);
        if (pane.title !== title) pane.title = title;
        point(canDrag && hit?.kind === 'interaction' ? hit.id : null);
      },
      [far, canDrag, controller, hitAt, point],
    ),
    onPaneMouseLeave: useCallback(() => point(null), [point]),
  };
}

function titleOf(looks: NodeLooks, hit: NonNullable<Selection>): string {
  if (hit.kind === 'session') {
    const look = looks.get('session', sessionNodeId(hit.id));
    return look === undefined ? '' : sessionTitle(look);
  }
  const look = looks.get('interaction', interactionNodeId(hit.id));
  return look === undefined ? '' : interactionTitle(look);
}
