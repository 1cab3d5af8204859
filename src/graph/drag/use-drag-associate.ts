import { type OnNodeDrag, type OnNodesChange, useReactFlow } from '@xyflow/react';
import { useMemo } from 'react';
import { associate } from '../../store/actions/associate';
import { useActionContext } from '../../store/react';
import type { GraphController } from '../controller/graph-controller';
import type { GraphNode } from '../controller/nodes';
import type { XY } from '../scene/layout';
import { createDragAssociate } from './drag-associate';

export interface DragHandlers {
  readonly onNodeDragStart: OnNodeDrag<GraphNode>;
  readonly onNodeDrag: OnNodeDrag<GraphNode>;
  readonly onNodeDragStop: OnNodeDrag<GraphNode>;
  readonly onNodesChange: OnNodesChange<GraphNode>;
}

/**
 * Mounts the drag-to-associate gesture on React Flow's drag callbacks: pointer positions go to the
 * gesture in flow coordinates, the dragged node's position to the controller that draws it.
 */
export function useDragAssociate(controller: GraphController, redraw: () => void): DragHandlers {
  const ctx = useActionContext();
  const { screenToFlowPosition } = useReactFlow();

  return useMemo(() => {
    const gesture = createDragAssociate({
      getState: () => ctx.store.getState(),
      containers: () => controller.containers(),
      associate: (request) => associate(ctx, request),
      owner: {
        dragged: () => controller.dragged(),
        startDrag: (g_uid) => controller.startDrag(g_uid),
        setHover: (verdict) => {
          const changed = controller.setHover(verdict);
          if (changed) redraw();
          return changed;
        },
        hold: (g_uid) => {
          controller.hold(g_uid, performance.now());
          redraw();
        },
        returnHome: (g_uid) => {
          controller.returnHome(g_uid, performance.now());
          redraw();
        },
      },
    });
    const pointer = (event: MouseEvent | TouchEvent): XY => {
      const at = 'changedTouches' in event ? event.changedTouches[0] : event;
      return screenToFlowPosition({ x: at?.clientX ?? 0, y: at?.clientY ?? 0 });
    };
    return {
      onNodeDragStart: (_event, node) => {
        if (node.type === 'interaction') gesture.start(node.data.g_uid);
      },
      onNodeDrag: (event, node) => {
        if (node.type === 'interaction') gesture.move(pointer(event));
      },
      onNodeDragStop: (event, node) => {
        if (node.type === 'interaction') void gesture.drop(pointer(event));
      },
      // The graph is drawn from the store: only the dragged node's position is taken from here.
      onNodesChange: (changes) => {
        let moved = false;
        for (const change of changes) {
          if (change.type === 'position' && change.position !== undefined) {
            moved = controller.dragTo(change.id, change.position) || moved;
          }
        }
        if (moved) redraw();
      },
    };
  }, [ctx, controller, redraw, screenToFlowPosition]);
}
