import type { Model } from '../../engine';
import type { Move, Selection } from '../../store/state';
import { type LineageArrow, lineageArrows } from '../lineage/lineage';
import type { FarFrame } from '../looks/far-frame';
import { NodeLooks } from '../looks/looks';
import {
  FLASH_MS,
  type Flight,
  flightPosition,
  HIGHLIGHT_MS,
  isFlying,
  startFlight,
} from '../scene/animation';
import { GridColumns, type Size } from '../scene/columns';
import { type DropVerdict, NO_DROP, sameVerdict } from '../scene/drop-verdict';
import { FadeTracker } from '../scene/fades';
import type { Rect, XY } from '../scene/layout';
import {
  buildScene,
  type ContainerPlace,
  containerFor,
  type InteractionPlace,
  type Scene,
} from '../scene/scene';
import { SceneSlots } from '../scene/scene-slots';
import { findInScene, type SearchHit } from '../scene/search';
import { type GraphNode, NodeDeriver, type Overlays } from './nodes';

export interface GraphInput {
  readonly model: Model;
  readonly epoch: string | null;
  /** The seq on screen (the store's `at`); null: live. */
  readonly at: number | null;
  readonly moves: readonly Move[];
  readonly selection: Selection;
  /** The selected interaction's moves, oldest first (the store's history), drawn as its path. */
  readonly lineage: readonly Move[];
  readonly canDrag: boolean;
  readonly reducedMotion: boolean;
  /** Zoomed out past DETAIL_ZOOM: the far view paints the graph (far-view.ts). */
  readonly far: boolean;
  /** Close up, the part of the graph React Flow gets nodes for (view-area.ts); null: all of it. */
  readonly area: Rect | null;
  /** The pane's size in CSS pixels: the grid takes its shape (columns.ts); 0 before it is measured. */
  readonly pane: Size;
}

/** A dropped node waits where it was dropped this long for its move before it goes back home. */
export const HOLD_MS = 3000;
/**
 * At most this many chips travel at once. Under heavy traffic more moves start each second than
 * an eye can follow, and every flight is a compositor layer the browser ticks on each frame.
 */
export const MAX_FLIGHTS = 50;

/**
 * The graph's state between frames, in plain TypeScript: stable slots, fades, flights, flashes,
 * the dragged and the held node. `update` turns the store's state and the time into nodes and
 * their looks; the view calls it on every render and asks `nextWake` when to render again. Times
 * are `performance.now()` milliseconds.
 */
export class GraphController {
  private readonly slots = new SceneSlots();
  private readonly fades = new FadeTracker();
  private readonly deriver = new NodeDeriver();
  private readonly grid = new GridColumns();
  /** How each node looks as of the last `update`; the view publishes them once it has rendered. */
  readonly looks = new NodeLooks();
  private scene: Scene | null = null;
  private sceneModel: Model | null = null;
  private sceneDue: number | null = null;
  private sceneColumns = 0;
  /** The path's arrows, kept while neither the scene nor the moves change. */
  private path: { scene: Scene; moves: readonly Move[]; arrows: readonly LineageArrow[] } | null = null;
  private pathMoves: readonly Move[] = [];

  private readonly flights = new Map<string, Flight>();
  /** Container node id → until when it flashes. */
  private readonly flashes = new Map<string, number>();
  /** g_uid → until when it is highlighted. */
  private readonly highlights = new Map<string, number>();
  /** Dropped onto a session, waiting for the engine's move: g_uid → where and until when. */
  private readonly holds = new Map<string, { readonly at: XY; readonly until: number }>();
  private drag: { readonly g_uid: string; at: XY | null } | null = null;
  /** Far out, the chip under the pointer: it gets a node of its own, so it can be dragged. */
  private pointed: string | null = null;
  private far = false;
  private hover: DropVerdict = NO_DROP;

  private epoch: string | null | undefined = undefined;
  private lastSeq = 0;
  private at: number | null = null;
  private reducedMotion = false;

  update(input: GraphInput, now: number): GraphNode[] {
    this.reducedMotion = input.reducedMotion;
    this.far = input.far;
    this.expire(now);
    // Moves against the scene as it was last drawn: that is where flights start.
    this.observeMoves(input, now);
    const scene = this.sceneAt(input.model, input.pane, now);
    this.pathMoves = input.lineage;
    const overlays: Overlays = {
      selection: input.selection,
      far: input.far,
      area: input.area,
      lifted: this.lifted,
      canDrag: input.canDrag,
      hover: this.hover,
      flashing: (nodeId) => this.flashes.has(nodeId),
      highlighted: (g_uid) => this.highlights.has(g_uid),
      heldAt: (g_uid) => this.heldAt(g_uid),
      flight: (g_uid) => this.flightOf(g_uid, now),
    };
    return this.deriver.derive(scene, overlays, this.looks);
  }

  /**
   * When the view must render again without a store change: when the next flight lands, or the
   * next flash, highlight, hold or fade ends; null when all is still. A flight itself needs no
   * render while it travels: its chip plays it (use-flight.ts).
   */
  nextWake(now: number): number | null {
    let next = this.fades.nextChange(now);
    const consider = (until: number) => {
      if (next === null || until < next) next = until;
    };
    for (const [g_uid, flight] of this.flights) {
      if (isFlying(flight, now) && this.scene?.interactions.has(g_uid))
        consider(flight.start + flight.duration);
    }
    for (const until of this.flashes.values()) consider(until);
    for (const until of this.highlights.values()) consider(until);
    for (const hold of this.holds.values()) consider(hold.until);
    return next;
  }

  /** What the graph covers as last drawn, in flow coordinates; null before the first drawing. */
  bounds(): Rect | null {
    return this.scene?.bounds ?? null;
  }

  /** The session grid's column count as last drawn (columns.ts). */
  columns(): number {
    return this.sceneColumns;
  }

  /** The containers as last drawn, for hit tests. */
  containers(): readonly ContainerPlace[] {
    return this.scene?.containers ?? [];
  }

  /** The centre of the container the interaction is drawn in, as last drawn; null: not drawn. */
  ownerCentre(g_uid: string): XY | null {
    const rect = this.scene?.interactions.get(g_uid)?.container.rect;
    return rect === undefined ? null : { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
  }

  /** The selected interaction's path on the scene as last drawn (lineage.ts). */
  lineage(): readonly LineageArrow[] {
    const scene = this.scene;
    if (scene === null || this.pathMoves.length === 0) return [];
    if (this.path?.scene !== scene || this.path.moves !== this.pathMoves)
      this.path = { scene, moves: this.pathMoves, arrows: lineageArrows(scene, this.pathMoves) };
    return this.path.arrows;
  }

  /** The graph as the far view paints it at `now`; null before the first drawing. */
  farFrame(now: number): FarFrame | null {
    const scene = this.scene;
    if (scene === null) return null;
    return {
      scene,
      looks: this.looks,
      at: (place) => this.drawnAt(place, now),
      lifted: this.lifted,
      lineage: this.lineage(),
    };
  }

  /** Whether a chip is on its way somewhere: the far view then paints every frame. */
  flying(now: number): boolean {
    for (const flight of this.flights.values()) if (isFlying(flight, now)) return true;
    return false;
  }

  /** Far out, whether the chip has a node of its own: under the pointer, or dragged. */
  private readonly lifted = (g_uid: string): boolean => this.drag?.g_uid === g_uid || this.pointed === g_uid;

  /** Far out, the chip now under the pointer (null: none). True when that changed. */
  point(g_uid: string | null): boolean {
    if (g_uid === this.pointed) return false;
    this.pointed = g_uid;
    return true;
  }

  find(query: string): SearchHit | null {
    return this.scene === null ? null : findInScene(this.scene, query);
  }

  /** The chip under the pointer's drag, if any. */
  dragged(): string | null {
    return this.drag?.g_uid ?? null;
  }

  startDrag(g_uid: string): void {
    // The pointer has it now: a flight or a hold would fight the pointer.
    this.flights.delete(g_uid);
    this.holds.delete(g_uid);
    this.drag = { g_uid, at: null };
    this.hover = NO_DROP;
  }

  /**
   * React Flow reports the dragged node's position by node id: relative to its container, or far
   * out (where a lifted chip has no container node) in flow coordinates. True when it was the
   * dragged node, so the view must redraw.
   */
  dragTo(nodeId: string, position: XY): boolean {
    const place = this.drag === null ? undefined : this.scene?.interactions.get(this.drag.g_uid);
    if (this.drag === null || place === undefined || place.nodeId !== nodeId) return false;
    const origin = this.far ? { x: 0, y: 0 } : place.container.rect;
    this.drag.at = { x: origin.x + position.x, y: origin.y + position.y };
    return true;
  }

  /** The drop verdict under the pointer; false when it is the one already shown. */
  setHover(verdict: DropVerdict): boolean {
    if (sameVerdict(this.hover, verdict)) return false;
    this.hover = verdict;
    return true;
  }

  /** The drop was sent: the node stays where it was dropped until its move arrives. */
  hold(g_uid: string, now: number): void {
    const at = this.endDrag(g_uid);
    if (at !== null) this.holds.set(g_uid, { at, until: now + HOLD_MS });
  }

  /** Nothing was sent, or it was refused: the node glides back from where it is to its owner. */
  returnHome(g_uid: string, now: number): void {
    const at = this.endDrag(g_uid) ?? this.holds.get(g_uid)?.at ?? null;
    this.holds.delete(g_uid);
    if (at !== null) this.flights.set(g_uid, startFlight(at, now, this.reducedMotion));
  }

  private endDrag(g_uid: string): XY | null {
    if (this.drag?.g_uid !== g_uid) return null;
    const at = this.drag.at;
    this.drag = null;
    return at;
  }

  private observeMoves({ epoch, at, moves, model }: GraphInput, now: number): void {
    if (epoch !== this.epoch) {
      // A new engine starts its seq over. Moves already there when the graph first draws are
      // history, not something to animate.
      this.lastSeq = this.epoch === undefined ? (moves[moves.length - 1]?.seq ?? 0) : 0;
      this.epoch = epoch;
    }
    if (at !== this.at) {
      // A jump in time: its moves are exactly the ones it passed over (backward, reversed), so
      // all of them fly, whatever their seq. Back to live, the newest of them is the last seen.
      this.at = at;
      for (const move of moves) {
        this.startMove(move, model, now);
        if (at === null) this.lastSeq = Math.max(this.lastSeq, move.seq);
      }
      return;
    }
    // The past holds still while live events arrive unseen.
    if (at !== null) return;
    for (const move of moves) {
      if (move.seq <= this.lastSeq) continue;
      this.lastSeq = move.seq;
      this.startMove(move, model, now);
    }
  }

  private startMove(move: Move, model: Model, now: number): void {
    const scene = this.scene;
    if (scene === null) return;
    const drawn = scene.interactions.get(move.g_uid);
    const from = drawn === undefined ? null : this.drawnAt(drawn, now);
    const record = model.interactions.get(move.g_uid);
    const stays = record !== undefined && record.state !== 'ended';
    // Flash what the eye sees change: the container it was drawn in, the one it goes to.
    if (from !== null) this.flash(containerFor(scene, move.from), now);
    if (stays) this.flash(containerFor(scene, move.to), now);
    if (!stays || this.drag?.g_uid === move.g_uid) return; // gone, or the pointer still has it
    this.holds.delete(move.g_uid);
    if (from === null || this.reducedMotion) {
      // Not drawn before (a new arrival), or no travel wanted: there at once, highlighted.
      this.highlights.set(move.g_uid, now + HIGHLIGHT_MS);
    }
    if (from === null) return;
    // Beyond MAX_FLIGHTS a moved chip is simply at its new place; its containers still flash.
    if (this.flights.size >= MAX_FLIGHTS && !this.flights.has(move.g_uid)) return;
    this.flights.set(move.g_uid, startFlight(from, now, this.reducedMotion));
  }

  private flash(container: ContainerPlace | undefined, now: number): void {
    if (container !== undefined) this.flashes.set(container.nodeId, now + FLASH_MS);
  }

  private expire(now: number): void {
    for (const [g_uid, flight] of this.flights) if (!isFlying(flight, now)) this.flights.delete(g_uid);
    for (const [id, until] of this.flashes) if (until <= now) this.flashes.delete(id);
    for (const [id, until] of this.highlights) if (until <= now) this.highlights.delete(id);
    for (const [g_uid, hold] of this.holds) {
      if (hold.until <= now) this.returnHome(g_uid, now);
    }
  }

  /** Rebuilt when the model changes, a fade ends, or the grid takes another column count. */
  private sceneAt(model: Model, pane: Size, now: number): Scene {
    const due = this.sceneDue !== null && now >= this.sceneDue;
    if (this.scene !== null && model === this.sceneModel && !due) {
      // The same sessions: only a resized pane may reflow them.
      if (this.grid.choose(pane, this.scene.sessions.size) === this.sceneColumns) return this.scene;
    }
    const drawn = this.fades.drawn(model.sessions, now);
    this.sceneColumns = this.grid.choose(pane, drawn.length);
    this.scene = buildScene(model, drawn, this.slots, this.sceneColumns);
    this.sceneModel = model;
    this.sceneDue = this.fades.nextChange(now);
    return this.scene;
  }

  /** Where the interaction is drawn now, in flow coordinates. */
  private drawnAt(place: InteractionPlace, now: number): XY {
    const g_uid = place.record.g_uid;
    const flight = this.flightOf(g_uid, now);
    return this.heldAt(g_uid) ?? (flight === null ? place.at : flightPosition(flight, place.at, now));
  }

  /** Dragged under the pointer, or dropped and waiting for its move. */
  private heldAt(g_uid: string): XY | null {
    if (this.drag?.g_uid === g_uid && this.drag.at !== null) return this.drag.at;
    return this.holds.get(g_uid)?.at ?? null;
  }

  private flightOf(g_uid: string, now: number): Flight | null {
    const flight = this.flights.get(g_uid);
    return flight !== undefined && isFlying(flight, now) ? flight : null;
  }
}
