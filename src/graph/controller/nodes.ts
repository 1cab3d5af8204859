import type { Node } from '@xyflow/react';
import { MEDIA_LABELS, type MediaKind, mediaKind } from '../../display/media-kind';
import { shortGuid } from '../../engine';
import type { Selection } from '../../store/state';
import type { InteractionLook, SessionLook, UnownedLook } from '../looks/kinds';
import type { NodeLooks } from '../looks/looks';
import type { Flight } from '../scene/animation';
import type { DropVerdict } from '../scene/drop-verdict';
import { CHIP_HEIGHT, CHIP_WIDTH, overlaps, type Rect, ROWS_PER_CELL, type XY } from '../scene/layout';
import { Memo } from '../scene/memo';
import { type ContainerPlace, type InteractionPlace, type Scene, UNOWNED_NODE_ID } from '../scene/scene';

/**
 * What React Flow holds of a node: what it is, where it is. A node's data never changes while it
 * is drawn; what changes with traffic is its look (looks.ts), which only its component reads.
 */
export type SessionNodeData = { readonly id: string };
export type UnownedNodeData = { readonly id: typeof UNOWNED_NODE_ID };
export type InteractionNodeData = { readonly g_uid: string; readonly kind: MediaKind };

export type SessionFlowNode = Node<SessionNodeData, 'session'>;
export type UnownedFlowNode = Node<UnownedNodeData, 'unowned'>;
export type InteractionFlowNode = Node<InteractionNodeData, 'interaction'>;
export type GraphNode = SessionFlowNode | UnownedFlowNode | InteractionFlowNode;

/** What is drawn on top of the scene: selection, drag feedback, animation. */
export interface Overlays {
  readonly selection: Selection;
  /** Zoomed out past DETAIL_ZOOM: the far view paints the nodes (far-view.ts). */
  readonly far: boolean;
  /** Close up, the part of the graph to give React Flow nodes for (view-area.ts); null: all. */
  readonly area: Rect | null;
  /** Far out, whether the chip has a node of its own: under the pointer, or dragged. */
  lifted(g_uid: string): boolean;
  readonly canDrag: boolean;
  readonly hover: DropVerdict;
  flashing(nodeId: string): boolean;
  highlighted(g_uid: string): boolean;
  /** Where an interaction is drawn instead of its place (dragged, or dropped and held), or null. */
  heldAt(g_uid: string): XY | null;
  /** The interaction's flight to its place, while it flies; null at rest. */
  flight(g_uid: string): Flight | null;
}

/**
 * Above every container and resting chip: a node in flight or under the pointer. Lifted, a chip
 * in flight is also painted last: the browser composites whatever is drawn over an element whose
 * transform animates, so a flying chip left in place would take the chips after it along.
 */
const ELEVATED_Z = 1000;
/** No handles: nodes are never connected, and known handles spare React Flow a measure pass. */
const NO_HANDLES: [] = [];

/**
 * Derives React Flow nodes and their looks from the scene, reusing every node and look whose
 * inputs did not change, and the whole node list when no node changed: then React Flow has
 * nothing to do at all.
 */
export class NodeDeriver {
  private readonly sessionLooks = new Memo<SessionLook>();
  private readonly unownedLooks = new Memo<UnownedLook>();
  private readonly interactionLooks = new Memo<InteractionLook>();
  private readonly sessionData = new Memo<SessionNodeData>();
  private readonly interactionData = new Memo<InteractionNodeData>();
  private readonly nodes = new Memo<GraphNode>();
  private readonly memos = [
    this.sessionLooks,
    this.unownedLooks,
    this.interactionLooks,
    this.sessionData,
    this.interactionData,
    this.nodes,
  ];
  private last: GraphNode[] = [];

  derive(scene: Scene, overlays: Overlays, looks: NodeLooks): GraphNode[] {
    for (const memo of this.memos) memo.begin();
    looks.begin();
    // Every node has a look; React Flow gets nodes only for part of them. Far out, the far view
    // paints them all (far-paint.ts) and React Flow draws the chips lifted out of the painting.
    // Close up, it gets the containers in the area, with their chips, and, wherever they are,
    // those with a chip on its way in (a flight) or held away (dragged, or dropped and waiting).
    const anchors = new Set<string>();
    for (const place of scene.interactions.values()) {
      if (this.interactionLook(place, overlays, looks)) anchors.add(place.container.nodeId);
    }
    // Containers first: React Flow needs a parent before its children.
    const out: GraphNode[] = [];
    const drawn = new Set<string>();
    for (const container of scene.containers) {
      this.containerLook(container, overlays, looks);
      if (overlays.far || !(anchors.has(container.nodeId) || inArea(container.rect, overlays.area))) continue;
      out.push(this.containerNode(container));
      drawn.add(container.nodeId);
    }
    for (const place of scene.interactions.values()) {
      const shown = overlays.far ? overlays.lifted(place.record.g_uid) : drawn.has(place.container.nodeId);
      if (shown) out.push(this.interactionNode(place, overlays));
    }
    for (const memo of this.memos) memo.sweep();
    looks.sweep();
    if (!sameItems(out, this.last)) this.last = out;
    return this.last;
  }

  private containerLook(container: ContainerPlace, overlays: Overlays, looks: NodeLooks): void {
    const flash = overlays.flashing(container.nodeId);
    const session = container.session;
    if (session === null) {
      looks.set(
        'unowned',
        container.nodeId,
        this.unownedLooks.get(container.nodeId, [container.count, flash], () => ({
          count: container.count,
          flash,
        })),
      );
      return;
    }
    const selection = overlays.selection;
    const selected = selection?.kind === 'session' && selection.id === session.id;
    const hover = overlays.hover;
    const hovered = hover.kind === 'target' && hover.session === session.id ? hover : null;
    const drop = hovered === null ? null : hovered.refusal === null ? 'ok' : 'refused';
    const refusal = hovered?.refusal ? `${hovered.refusal.code}: ${hovered.refusal.reason}` : null;
    looks.set(
      'session',
      container.nodeId,
      this.sessionLooks.get(
        container.nodeId,
        [session, container.count, selected, flash, drop, refusal],
        () => ({
          id: session.id,
          src: session.src,
          invoker: session.invoker?.session ?? null,
          state: session.state,
          count: container.count,
          startedAt: session.startedAt,
          endedAt: session.endedAt,
          selected,
          flash,
          drop,
          refusal,
        }),
      ),
    );
  }

  private containerNode(container: ContainerPlace): GraphNode {
    const { rect } = container;
    const session = container.session;
    if (session === null) {
      return this.nodes.get(container.nodeId, [rect.height], () => ({
        ...sized(container.nodeId, rect, rect.width, rect.height),
        type: 'unowned',
        data: { id: UNOWNED_NODE_ID },
        draggable: false,
        ariaLabel: 'Unowned interactions',
      }));
    }
    // A container fuller than its cell overflows the gap: draw it above its neighbours.
    const zIndex = container.count > ROWS_PER_CELL ? 1 : 0;
    return this.nodes.get(container.nodeId, [rect.x, rect.y, rect.height, zIndex], () => ({
      ...sized(container.nodeId, rect, rect.width, rect.height),
      type: 'session',
      data: this.sessionData.get(container.nodeId, [], () => ({ id: session.id })),
      draggable: false,
      zIndex,
      ariaLabel: `Session ${session.id}`,
    }));
  }

  /** Sets the chip's look; true while it travels or is held away from its place. */
  private interactionLook(place: InteractionPlace, overlays: Overlays, looks: NodeLooks): boolean {
    const { record } = place;
    const selection = overlays.selection;
    const selected = selection?.kind === 'interaction' && selection.id === record.g_uid;
    const held = overlays.heldAt(record.g_uid) !== null;
    const flight = held ? null : overlays.flight(record.g_uid);
    const highlight = overlays.highlighted(record.g_uid);
    looks.set(
      'interaction',
      place.nodeId,
      this.interactionLooks.get(place.nodeId, [record, selected, flight, highlight], () => ({
        g_uid: record.g_uid,
        short: shortGuid(record.g_uid),
        media: record.media,
        kind: mediaKind(record.media),
        state: record.state,
        owner: record.owner,
        selected,
        flight,
        highlight,
      })),
    );
    return held || flight !== null;
  }

  private interactionNode(place: InteractionPlace, overlays: Overlays): GraphNode {
    const { record, container } = place;
    const held = overlays.heldAt(record.g_uid);
    const flying = held === null && overlays.flight(record.g_uid) !== null;
    const at = held ?? place.at;
    // A lifted chip (far out) has no container node to sit in: it is placed in flow coordinates.
    const parent = overlays.far ? null : container;
    const x = at.x - (parent?.rect.x ?? 0);
    const y = at.y - (parent?.rect.y ?? 0);
    const elevated = held !== null || flying;
    return this.nodes.get(
      place.nodeId,
      [parent?.nodeId, x, y, overlays.canDrag, elevated, flying],
      (): InteractionFlowNode => {
        const kind = mediaKind(record.media);
        return {
          ...sized(place.nodeId, { x, y }, CHIP_WIDTH, CHIP_HEIGHT),
          type: 'interaction',
          data: this.interactionData.get(place.nodeId, [], () => ({ g_uid: record.g_uid, kind })),
          ...(parent !== null ? { parentId: parent.nodeId } : {}),
          draggable: overlays.canDrag,
          ...(elevated ? { zIndex: ELEVATED_Z } : {}),
          // React Flow draws a `dragging` node even outside the view: a chip flying to a place
          // off screen is seen leaving.
          ...(flying ? { dragging: true } : {}),
          ariaLabel: `Interaction ${record.g_uid}, ${MEDIA_LABELS[kind]}`,
        };
      },
    );
  }
}

function inArea(rect: Rect, area: Rect | null): boolean {
  return area === null || overlaps(rect.x, rect.y, rect.width, rect.height, area);
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Position and a known size: with `width`, `height` and `measured` given, React Flow draws the
 * node at once and never needs to measure it again when the node object is replaced.
 */
function sized(id: string, position: XY, width: number, height: number) {
  return {
    id,
    position: { x: position.x, y: position.y },
    width,
    height,
    measured: { width, height },
    handles: NO_HANDLES,
  };
}
