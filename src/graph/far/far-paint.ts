import type { MediaKind } from '../../display/media-kind';
import type { Selection } from '../../store/state';
import type { FarFrame } from '../looks/far-frame';
import type { SessionLook } from '../looks/kinds';
import { CHIP_HEIGHT, CHIP_WIDTH, contains, overlaps, type Rect, type XY } from '../scene/layout';
import { sessionAt } from '../scene/scene';

/** What the far view paints: see FarFrame (looks/far-frame.ts). */
/** How a box is filled; the palette gives each its colour. */
export type FarFill = 'session' | 'ended' | 'unowned' | 'flash' | 'drop-ok' | 'drop-refused' | MediaKind;
/** A ring drawn around a box: selected, or (a chip) just arrived or moved. */
export type FarRing = 'selected' | 'highlight';

export interface FarBox extends Rect {
  readonly fill: FarFill;
  readonly ring: FarRing | null;
}

const CHIP_SIZE = { width: CHIP_WIDTH, height: CHIP_HEIGHT };

/** The boxes within `visible` (flow coordinates), in paint order: containers, then chips. */
export function farBoxes(frame: FarFrame, visible: Rect): FarBox[] {
  const boxes: FarBox[] = [];
  for (const container of frame.scene.containers) {
    const { rect } = container;
    if (!overlaps(rect.x, rect.y, rect.width, rect.height, visible)) continue;
    if (container.session === null) {
      const unowned = frame.looks.get('unowned', container.nodeId);
      if (unowned !== undefined)
        boxes.push({ ...rect, fill: unowned.flash ? 'flash' : 'unowned', ring: null });
      continue;
    }
    const session = frame.looks.get('session', container.nodeId);
    if (session === undefined) continue;
    boxes.push({ ...rect, fill: sessionFill(session), ring: session.selected ? 'selected' : null });
  }
  for (const place of frame.scene.interactions.values()) {
    if (frame.lifted(place.record.g_uid)) continue;
    // Painted on every frame while chips fly: no object is made for a chip out of view.
    const { x, y } = frame.at(place);
    if (!overlaps(x, y, CHIP_WIDTH, CHIP_HEIGHT, visible)) continue;
    const look = frame.looks.get('interaction', place.nodeId);
    if (look === undefined) continue;
    const ring = look.selected ? 'selected' : look.highlight ? 'highlight' : null;
    boxes.push({ x, y, width: CHIP_WIDTH, height: CHIP_HEIGHT, fill: look.kind, ring });
  }
  return boxes;
}

function sessionFill(look: SessionLook): FarFill {
  if (look.drop !== null) return look.drop === 'ok' ? 'drop-ok' : 'drop-refused';
  if (look.flash) return 'flash';
  return look.state === 'ended' ? 'ended' : 'session';
}

/**
 * What is painted at `point` (flow coordinates), as the selection a click there makes: a chip
 * before the container it sits in; the Unowned area and empty space select nothing.
 */
export function farHit(frame: FarFrame, point: XY): Selection {
  let chip: string | null = null;
  // The last painted wins, as on screen.
  for (const place of frame.scene.interactions.values()) {
    if (contains({ ...frame.at(place), ...CHIP_SIZE }, point)) chip = place.record.g_uid;
  }
  if (chip !== null) return { kind: 'interaction', id: chip };
  const session = sessionAt(frame.scene.containers, point)?.session;
  return session ? { kind: 'session', id: session.id } : null;
}
