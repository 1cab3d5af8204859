import type { Move } from '../../store/state';
import type { Rect, XY } from '../scene/layout';
import { type ContainerPlace, containerFor, type Scene } from '../scene/scene';

/** One move of the selected interaction, drawn as a curved arrow between its two containers. */
export interface LineageArrow {
  readonly seq: number;
  /** Its place in the interaction's moves, from 1 (the first the page knows). */
  readonly number: number;
  /** A quadratic curve, from the edge of the container it left to the edge of the one it joined. */
  readonly from: XY;
  readonly control: XY;
  readonly to: XY;
  /** Where its number is written: the curve's middle. */
  readonly label: XY;
  /** From faint (the oldest drawn) to full (the latest). */
  readonly opacity: number;
}

/**
 * The newest moves drawn; older ones keep their numbers but are not drawn. Past a few dozen the
 * arrows pile on each other and say nothing more; the details panel lists them all.
 */
export const MAX_ARROWS = 40;
const OLDEST_OPACITY = 0.3;
/** How far an arrow bends, as a share of its length: A→B and B→A bend to opposite sides. */
const BEND = 0.18;
const MIN_BEND = 24;

/**
 * The path of an interaction's moves on the scene, in order. A move from or to no owner is drawn
 * from or to the Unowned area; a move whose container is not drawn (a session the page forgot)
 * keeps its number but has no arrow. Recomputed from the scene, so arrows follow the layout.
 */
export function lineageArrows(scene: Scene, moves: readonly Move[]): LineageArrow[] {
  const arrows: LineageArrow[] = [];
  const first = Math.max(0, moves.length - MAX_ARROWS);
  const drawn = moves.length - first;
  /** How many arrows already join the same two containers: each one more bends further out. */
  const pairs = new Map<string, number>();
  for (let i = first; i < moves.length; i++) {
    const move = moves[i] as Move;
    const source = containerFor(scene, move.from);
    const target = containerFor(scene, move.to);
    if (source === undefined || target === undefined || source === target) continue;
    const pair = `${source.nodeId}\n${target.nodeId}`;
    const repeat = pairs.get(pair) ?? 0;
    pairs.set(pair, repeat + 1);
    const age = drawn === 1 ? 1 : (i - first) / (drawn - 1);
    arrows.push({
      seq: move.seq,
      number: i + 1,
      ...curve(source, target, 1 + repeat * 0.6),
      opacity: OLDEST_OPACITY + (1 - OLDEST_OPACITY) * age,
    });
  }
  return arrows;
}

function curve(
  source: ContainerPlace,
  target: ContainerPlace,
  spread: number,
): Pick<LineageArrow, 'from' | 'control' | 'to' | 'label'> {
  const a = centre(source.rect);
  const b = centre(target.rect);
  const length = Math.hypot(b.x - a.x, b.y - a.y);
  // Left of the direction of travel, so the way back bends the other way.
  const bend = Math.max(MIN_BEND, length * BEND) * spread;
  const normal = length === 0 ? { x: 0, y: -1 } : { x: (a.y - b.y) / length, y: (b.x - a.x) / length };
  const control = { x: (a.x + b.x) / 2 + normal.x * bend, y: (a.y + b.y) / 2 + normal.y * bend };
  const from = edgeToward(source.rect, control);
  const to = edgeToward(target.rect, control);
  const label = {
    x: 0.25 * from.x + 0.5 * control.x + 0.25 * to.x,
    y: 0.25 * from.y + 0.5 * control.y + 0.25 * to.y,
  };
  return { from, control, to, label };
}

function centre(rect: Rect): XY {
  return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
}

/** Where the line from the rect's centre toward `point` leaves the rect. */
export function edgeToward(rect: Rect, point: XY): XY {
  const c = centre(rect);
  const dx = point.x - c.x;
  const dy = point.y - c.y;
  const scale = Math.min(
    dx === 0 ? Number.POSITIVE_INFINITY : rect.width / 2 / Math.abs(dx),
    dy === 0 ? Number.POSITIVE_INFINITY : rect.height / 2 / Math.abs(dy),
  );
  if (!Number.isFinite(scale)) return c;
  return { x: c.x + dx * scale, y: c.y + dy * scale };
}
