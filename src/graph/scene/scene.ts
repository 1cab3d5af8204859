import type { InteractionRecord, Model, SessionRecord } from '../../engine';
import type { Selection } from '../../store/state';
import {
  CONTAINER_WIDTH,
  chipOffset,
  containerHeight,
  contains,
  type Rect,
  type SlotGrid,
  sessionHeight,
  slotOrigin,
  UNOWNED_ORIGIN,
  type XY,
} from './layout';
import type { SceneSlots } from './scene-slots';

/**
 * What the graph draws, placed: the containers (the Unowned area and each drawn session) and the
 * interactions inside them. Rebuilt when the model changes; the nodes are derived from it.
 */
export interface ContainerPlace {
  readonly nodeId: string;
  readonly kind: 'session' | 'unowned';
  /** Null for the Unowned area. */
  readonly session: SessionRecord | null;
  readonly rect: Rect;
  readonly count: number;
}

export interface InteractionPlace {
  readonly nodeId: string;
  readonly record: InteractionRecord;
  readonly container: ContainerPlace;
  /** Relative to the container (React Flow's `position` of a child node). */
  readonly offset: XY;
  /** In flow coordinates. */
  readonly at: XY;
}

export interface Scene {
  /** The Unowned area first, then the sessions. */
  readonly containers: readonly ContainerPlace[];
  readonly unowned: ContainerPlace;
  readonly sessions: ReadonlyMap<string, ContainerPlace>;
  readonly interactions: ReadonlyMap<string, InteractionPlace>;
  /** What every container covers, in flow coordinates. */
  readonly bounds: Rect;
}

/** Node ids carry a kind prefix: a session and an interaction may be given the same id. */
export const UNOWNED_NODE_ID = 'unowned';
export const sessionNodeId = (id: string): string => `s:${id}`;
export const interactionNodeId = (g_uid: string): string => `i:${g_uid}`;

/** What selecting a node selects in the store; null for the Unowned area. */
export function selectionOfNode(nodeId: string): Selection {
  if (nodeId.startsWith('s:')) return { kind: 'session', id: nodeId.slice(2) };
  if (nodeId.startsWith('i:')) return { kind: 'interaction', id: nodeId.slice(2) };
  return null;
}

/** The scene of `drawn` sessions, in a grid of `columns` (columns.ts). */
export function buildScene(
  model: Model,
  drawn: readonly SessionRecord[],
  slots: SceneSlots,
  columns: number,
): Scene {
  slots.cells.update(drawn.map((session) => session.id));
  const placed = new Map<string, InteractionPlace>();
  const sessions = new Map<string, ContainerPlace>();
  const containers: ContainerPlace[] = [];
  /** A container's chips, each in the row it keeps (scene-slots.ts). */
  const placeAll = (
    records: readonly InteractionRecord[],
    container: ContainerPlace,
    rows: SlotGrid,
  ): void => {
    for (const record of records) {
      const offset = chipOffset(rows.slotOf(record.g_uid) as number);
      placed.set(record.g_uid, {
        nodeId: interactionNodeId(record.g_uid),
        record,
        container,
        offset,
        at: { x: container.rect.x + offset.x, y: container.rect.y + offset.y },
      });
    }
  };

  for (const session of drawn) {
    const nodeId = sessionNodeId(session.id);
    const owned = live(model, session.interactions);
    const { rows, spanned } = slots.placeRows(
      nodeId,
      owned.map((record) => record.g_uid),
    );
    const container: ContainerPlace = {
      nodeId,
      kind: 'session',
      session,
      rect: {
        ...slotOrigin(slots.cells.slotOf(session.id) as number, columns),
        width: CONTAINER_WIDTH,
        height: sessionHeight(spanned),
      },
      count: owned.length,
    };
    sessions.set(session.id, container);
    containers.push(container);
    placeAll(owned, container, rows);
  }

  // Unowned: detached or being routed; also any whose owner is not drawn, so none goes missing.
  const waiting: InteractionRecord[] = [];
  for (const record of model.interactions.values()) {
    if (record.state === 'ended' || placed.has(record.g_uid)) continue;
    if (record.owner === null || !sessions.has(record.owner)) waiting.push(record);
  }
  const waitingRows = slots.placeRows(
    UNOWNED_NODE_ID,
    waiting.map((record) => record.g_uid),
  );
  const unowned: ContainerPlace = {
    nodeId: UNOWNED_NODE_ID,
    kind: 'unowned',
    session: null,
    rect: { ...UNOWNED_ORIGIN, width: CONTAINER_WIDTH, height: containerHeight(waitingRows.spanned) },
    count: waiting.length,
  };
  placeAll(waiting, unowned, waitingRows.rows);
  const all = [unowned, ...containers];
  slots.retainRows(new Set(all.map((container) => container.nodeId)));
  // In the model's order (creation order), not container by container: a move then leaves the
  // order of the node list alone, where React would move the DOM node of every chip it jumps over.
  const interactions = new Map<string, InteractionPlace>();
  for (const g_uid of model.interactions.keys()) {
    const place = placed.get(g_uid);
    if (place !== undefined) interactions.set(g_uid, place);
  }
  return { containers: all, unowned, sessions, interactions, bounds: union(all) };
}

function union(containers: readonly ContainerPlace[]): Rect {
  let left = Number.POSITIVE_INFINITY;
  let top = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  let bottom = Number.NEGATIVE_INFINITY;
  for (const { rect } of containers) {
    left = Math.min(left, rect.x);
    top = Math.min(top, rect.y);
    right = Math.max(right, rect.x + rect.width);
    bottom = Math.max(bottom, rect.y + rect.height);
  }
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** The session's live interactions, in join order. */
function live(model: Model, g_uids: readonly string[]): InteractionRecord[] {
  const out: InteractionRecord[] = [];
  for (const g_uid of g_uids) {
    const record = model.interactions.get(g_uid);
    if (record !== undefined && record.state !== 'ended') out.push(record);
  }
  return out;
}

/** The container an owner (a session id, or null) is drawn in. */
export function containerFor(scene: Scene, owner: string | null): ContainerPlace | undefined {
  return owner === null ? scene.unowned : scene.sessions.get(owner);
}

/** The session container under the point; the last drawn wins where containers overlap. */
export function sessionAt(containers: readonly ContainerPlace[], point: XY): ContainerPlace | null {
  for (let i = containers.length - 1; i >= 0; i--) {
    const container = containers[i] as ContainerPlace;
    if (container.kind === 'session' && contains(container.rect, point)) return container;
  }
  return null;
}
