import {
  Background,
  type Edge,
  type NodeMouseHandler,
  type NodeTypes,
  Panel,
  ReactFlow,
  useStore,
  type Viewport,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { type KeyboardEvent, useCallback, useReducer, useRef, useState } from 'react';
import { useActionContext, useInspector } from '../store/react';
import { selectCanWrite, selectSelection } from '../store/selectors';
import type { InspectorState } from '../store/state';
import { GraphLegend } from './close/GraphLegend';
import { GraphSearch } from './close/GraphSearch';
import { InteractionNode } from './close/InteractionNode';
import { prefersReducedMotion } from './close/reduced-motion';
import { SessionNode } from './close/SessionNode';
import { UnownedNode } from './close/UnownedNode';
import { DetailProvider, selectFar } from './close/use-detail';
import { samePane, selectPane, useFirstView } from './close/use-first-view';
import { ViewControls } from './close/ViewControls';
import { sameArea, selectArea } from './close/view-area';
import { GraphController } from './controller/graph-controller';
import type { GraphNode } from './controller/nodes';
import { useGraphFeed } from './controller/use-graph-feed';
import { useWakeUps } from './controller/use-wake-ups';
import { useDragAssociate } from './drag/use-drag-associate';
import { FarCanvas } from './far/FarCanvas';
import { Overview } from './far/Overview';
import { useFarPane } from './far/use-far-pane';
import { useFollow } from './follow/use-follow';
import { LineageOverlay } from './lineage/LineageOverlay';
import { useLineage } from './lineage/use-lineage';
import { LooksProvider, usePublishedLooks } from './looks/use-look';
import { selectionOfNode } from './scene/scene';
import './graph.css';

/** How far the view zooms: far enough out for fit view to show hundreds of sessions at once. */
export const ZOOM_RANGE = { min: 0.01, max: 2 } as const;

const NODE_TYPES: NodeTypes = { session: SessionNode, unowned: UnownedNode, interaction: InteractionNode };
const NO_EDGES: Edge[] = [];

/**
 * The sessions and the interactions they own, drawn from the store. The controller keeps what
 * lives between frames (slots, fades, flights, drag); this component only feeds it the store's
 * state and the time, and mounts React Flow. The store's model reaches it in the second frame of
 * each paced redraw (use-graph-feed.ts); the selection and the pointer are drawn at once.
 */
export function GraphView({ linkView }: { linkView: () => Viewport | null }) {
  const { store } = useActionContext();
  const [controller] = useState(() => new GraphController());
  const { model, epoch, at, moves } = useGraphFeed(store);
  const selection = useInspector(selectSelection);
  const lineage = useLineage();
  const canDrag = useInspector(selectCanWrite);
  const connected = useInspector(selectConnected);
  const far = useStore(selectFar);
  const area = useStore(selectArea, sameArea);
  const paneSize = useStore(selectPane, samePane);
  const findPanel = useRef<HTMLDivElement>(null);
  const [, redraw] = useReducer((n: number) => n + 1, 0);

  // Moves must become flights in the very render that moves their node to its new container, or
  // the node would flash at its target for a frame: the controller does it inside `update`,
  // idempotently (by seq), so a repeated render changes nothing.
  const nodes = controller.update(
    {
      model,
      epoch,
      at,
      moves,
      selection,
      lineage,
      canDrag,
      reducedMotion: prefersReducedMotion(),
      far,
      area,
      pane: paneSize,
    },
    performance.now(),
  );
  usePublishedLooks(controller.looks);
  useWakeUps(controller, redraw);
  const columns = useCallback(() => controller.columns(), [controller]);
  useFirstView(epoch, paneSize, columns, findPanel, linkView);
  const drag = useDragAssociate(controller, redraw);
  const pane = useFarPane(controller, far, canDrag, redraw);
  const ownerCentre = useCallback((g_uid: string) => controller.ownerCentre(g_uid), [controller]);
  const follow = useFollow(ownerCentre);

  const onNodeClick: NodeMouseHandler<GraphNode> = useCallback(
    (_event, node) => {
      const selection = selectionOfNode(node.id);
      if (selection !== null) store.getState().select(selection);
    },
    [store],
  );
  // React Flow makes nodes focusable; Enter or Space on a focused node selects it, like a click.
  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      const target = event.target as HTMLElement;
      if (!target.classList.contains('react-flow__node')) return;
      const selection = selectionOfNode(target.dataset.id ?? '');
      if (selection === null) return;
      event.preventDefault();
      store.getState().select(selection);
    },
    [store],
  );
  const find = useCallback((query: string) => controller.find(query), [controller]);
  const bounds = useCallback(() => controller.bounds(), [controller]);

  return (
    <LooksProvider looks={controller.looks}>
      <DetailProvider detailed={!far}>
        <ReactFlow<GraphNode>
          className={graphClass(canDrag, connected)}
          nodes={nodes}
          edges={NO_EDGES}
          nodeTypes={NODE_TYPES}
          onNodeClick={onNodeClick}
          {...pane}
          {...follow}
          onKeyDown={onKeyDown}
          {...drag}
          onlyRenderVisibleElements
          nodesDraggable={canDrag}
          nodesConnectable={false}
          elementsSelectable={false}
          deleteKeyCode={null}
          minZoom={ZOOM_RANGE.min}
          maxZoom={ZOOM_RANGE.max}
          proOptions={{ hideAttribution: true }}
        >
          <Background gap={24} />
          {far && <FarCanvas source={controller} />}
          {!far && <LineageOverlay arrows={controller.lineage()} />}
          <ViewControls bounds={bounds} above={findPanel} />
          <Overview bounds={controller.bounds()} source={controller} />
          <Panel position="top-left" ref={findPanel} className="graph-corner">
            <GraphSearch find={find} />
            <GraphLegend />
          </Panel>
        </ReactFlow>
      </DetailProvider>
    </LooksProvider>
  );
}

/** Whether the page hears its engine now; if not, what the graph shows may be out of date. */
const selectConnected = (state: InspectorState) => state.connection.status.state === 'connected';

function graphClass(canDrag: boolean, connected: boolean): string {
  return ['graph', canDrag ? null : 'viewer', connected ? null : 'offline'].filter(Boolean).join(' ');
}
