import type { Node } from '@xyflow/react';
import { type InteractionState, type MediaName, type SessionState, shortGuid } from '../engine';
import type { Selection } from '../store/state';
import type { Flight } from './animation';
import type { DropVerdict } from './drop-target';
import { CHIP_HEIGHT, CHIP_WIDTH, ROWS_PER_CELL, type XY } from './layout';
import { MEDIA_LABELS, type MediaKind, mediaKind } from './media-kind';
import { Memo } from './memo';
import type { ContainerPlace, InteractionPlace, Scene } from './scene';

/** What each node component draws. Data objects are memoized: same inputs, same object. */
export type SessionNodeData = {
  readonly id: string;
  readonly src: string;
  readonly state: SessionState;
  readonly count: number;
  readonly startedAt: number;
  readonly endedAt: number | null;
  readonly selected: boolean;
  readonly flash: boolean;
  /** While an interaction is dragged over it: would the engine take it here? */
  readonly drop: 'ok' | 'refused' | null;
  readonly refusal: string | null;
};

export type UnownedNodeData = {
  readonly count: number;
  readonly flash: boolean;
};

export type InteractionNodeData = {
  readonly g_uid: string;
  readonly short: string;
  readonly media: MediaName;
  readonly kind: MediaKind;
  readonly state: InteractionState;
  readonly owner: string | null;
  readonly selected: boolean;
  /**
   * Travelling between containers (class `moving`): the node already sits at its new place, and
   * its chip plays the way there from `flight.from` (use-flight.ts). Null when at rest.
   */
  readonly flight: Flight | null;
  /** Just moved without travelling (reduced motion) or just arrived. */
  readonly highlight: boolean;
};

export type SessionFlowNode = Node<SessionNodeData, 'session'>;
export type UnownedFlowNode = Node<UnownedNodeData, 'unowned'>;
export type InteractionFlowNode = Node<InteractionNodeData, 'interaction'>;
export type GraphNode = SessionFlowNode | UnownedFlowNode | InteractionFlowNode;

/** What is drawn on top of the scene: selection, drag feedback, animation. */
export interface Overlays {
  readonly selection: Selection;
  readonly canDrag: boolean;
  readonly hover: DropVerdict;
  flashing(nodeId: string): boolean;
  highlighted(g_uid: string): boolean;
  /** Where an interaction is drawn instead of its place (dragged, or dropped and held), or null. */
  heldAt(g_uid: string): XY | null;
  /** The interaction's flight to its place, while it flies; null at rest. */
  flight(g_uid: string): Flight | null;
}

/** Above every container and resting chip: a node in flight or under the pointer. */
const ELEVATED_Z = 1000;
/** No handles: nodes are never connected, and known handles spare React Flow a measure pass. */
const NO_HANDLES: [] = [];

/** Derives React Flow nodes from the scene, reusing every node whose inputs did not change. */
export class NodeDeriver {
  private readonly sessionData = new Memo<SessionNodeData>();
  private readonly unownedData = new Memo<UnownedNodeData>();
  private readonly interactionData = new Memo<InteractionNodeData>();
  private readonly nodes = new Memo<GraphNode>();
  private readonly memos = [this.sessionData, this.unownedData, this.interactionData, this.nodes];

  derive(scene: Scene, overlays: Overlays): GraphNode[] {
    for (const memo of this.memos) memo.begin();
    // Containers first: React Flow needs a parent before its children.
    const out: GraphNode[] = scene.containers.map((container) => this.container(container, overlays));
    for (const place of scene.interactions.values()) out.push(this.interaction(place, overlays));
    for (const memo of this.memos) memo.sweep();
    return out;
  }

  private container(container: ContainerPlace, overlays: Overlays): GraphNode {
    const flash = overlays.flashing(container.nodeId);
    const { rect } = container;
    const session = container.session;
    if (session === null) {
      const data = this.unownedData.get(container.nodeId, [container.count, flash], () => ({
        count: container.count,
        flash,
      }));
      return this.nodes.get(container.nodeId, [data, rect.height], () => ({
        ...sized(container.nodeId, rect, rect.width, rect.height),
        type: 'unowned',
        data,
        draggable: false,
        ariaLabel: `Unowned interactions: ${container.count}`,
      }));
    }
    const selection = overlays.selection;
    const selected = selection?.kind === 'session' && selection.id === session.id;
    const hover = overlays.hover;
    const hovered = hover.kind === 'target' && hover.session === session.id ? hover : null;
    const drop = hovered === null ? null : hovered.refusal === null ? 'ok' : 'refused';
    const refusal = hovered?.refusal ? `${hovered.refusal.code}: ${hovered.refusal.reason}` : null;
    const data = this.sessionData.get(
      container.nodeId,
      [session, container.count, selected, flash, drop, refusal],
      () => ({
        id: session.id,
        src: session.src,
        state: session.state,
        count: container.count,
        startedAt: session.startedAt,
        endedAt: session.endedAt,
        selected,
        flash,
        drop,
        refusal,
      }),
    );
    return this.nodes.get(container.nodeId, [data, rect.x, rect.y, rect.height], () => ({
      ...sized(container.nodeId, rect, rect.width, rect.height),
      type: 'session',
      data,
      draggable: false,
      // A container fuller than its cell overflows the gap: draw it above its neighbours.
      zIndex: container.count > ROWS_PER_CELL ? 1 : 0,
      ariaLabel: `Session ${session.id}, ${session.state}, ${container.count} interactions`,
    }));
  }

  private interaction(place: InteractionPlace, overlays: Overlays): GraphNode {
    const { record, container } = place;
    const selection = overlays.selection;
    const selected = selection?.kind === 'interaction' && selection.id === record.g_uid;
    const held = overlays.heldAt(record.g_uid);
    const flight = held === null ? overlays.flight(record.g_uid) : null;
    const highlight = overlays.highlighted(record.g_uid);
    const data = this.interactionData.get(place.nodeId, [record, selected, flight, highlight], () => ({
      g_uid: record.g_uid,
      short: shortGuid(record.g_uid),
      media: record.media,
      kind: mediaKind(record.media),
      state: record.state,
      owner: record.owner,
      selected,
      flight,
      highlight,
    }));
    const at = held ?? place.at;
    const x = at.x - container.rect.x;
    const y = at.y - container.rect.y;
    return this.nodes.get(
      place.nodeId,
      [data, container.nodeId, x, y, overlays.canDrag, held !== null],
      (): InteractionFlowNode => ({
        ...sized(place.nodeId, { x, y }, CHIP_WIDTH, CHIP_HEIGHT),
        type: 'interaction',
        data,
        parentId: container.nodeId,
        draggable: overlays.canDrag,
        ...(held !== null || flight !== null ? { zIndex: ELEVATED_Z } : {}),
        // React Flow draws a `dragging` node even outside the view: a chip flying to a place
        // off screen is seen leaving.
        ...(flight !== null ? { dragging: true } : {}),
        ariaLabel: `Interaction ${record.g_uid}, ${MEDIA_LABELS[data.kind]}, ${record.state}`,
      }),
    );
  }
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
