import { describe, expect, it } from 'vitest';
import { engineWithStore } from '../../store/testing';
import { GraphController } from '../controller/graph-controller';
import type { GraphNode } from '../controller/nodes';
import { graphInput } from '../controller/testing';
import type { FarFrame } from '../looks/far-frame';
import { FLIGHT_MS } from '../scene/animation';
import { CHIP_HEIGHT, CHIP_WIDTH, type Rect, type XY } from '../scene/layout';
import { interactionNodeId, type Scene } from '../scene/scene';
import { type FarBox, farBoxes, farHit } from './far-paint';

/** Three sessions, one interaction each, drawn far out by a controller at t = 1000. */
function farOut() {
  const fixture = engineWithStore();
  const a = fixture.arrive('TMediaVoice');
  const b = fixture.arrive('TMediaChat');
  const c = fixture.arrive('TMediaEMail');
  const controller = new GraphController();
  const draw = (t: number, options = {}) =>
    controller.update(graphInput(fixture.store, { far: true, ...options }), t);
  const nodes = draw(1000);
  const frame = (t: number) => controller.farFrame(t) as FarFrame;
  return { ...fixture, a, b, c, controller, draw, nodes, frame };
}

const everywhere = (scene: Scene): Rect => scene.bounds;
const chipAt = (frame: FarFrame, g_uid: string): XY => {
  const place = frame.scene.interactions.get(g_uid);
  if (place === undefined) throw new Error(`${g_uid} is not drawn`);
  return frame.at(place);
};
const centre = (at: XY): XY => ({ x: at.x + CHIP_WIDTH / 2, y: at.y + CHIP_HEIGHT / 2 });
const boxAt = (boxes: readonly FarBox[], at: XY) => boxes.find((box) => box.x === at.x && box.y === at.y);
const byId = (nodes: readonly GraphNode[], id: string) => nodes.find((node) => node.id === id);

describe('far view: what React Flow draws', () => {
  it('gives React Flow no node far out, yet keeps every look for the painting', () => {
    const { a, controller, nodes } = farOut();
    expect(nodes).toEqual([]);
    expect(controller.looks.get('interaction', interactionNodeId(a.g_uid))).toMatchObject({
      g_uid: a.g_uid,
      kind: 'voice',
    });
  });

  it('lifts the chip under the pointer into a node of its own, where it is painted, in flow coordinates', () => {
    const { a, controller, draw, frame } = farOut();
    expect(controller.point(a.g_uid)).toBe(true);
    expect(controller.point(a.g_uid)).toBe(false);
    const nodes = draw(1100);
    expect(nodes.map((node) => node.id)).toEqual([interactionNodeId(a.g_uid)]);
    const node = byId(nodes, interactionNodeId(a.g_uid));
    expect(node?.parentId).toBeUndefined();
    expect(node?.position).toEqual(chipAt(frame(1100), a.g_uid));
    controller.point(null);
    expect(draw(1200)).toEqual([]);
  });

  it('keeps a dragged chip lifted, and takes its dragged position in flow coordinates', () => {
    const { a, controller, draw, frame } = farOut();
    controller.point(a.g_uid);
    draw(1100);
    controller.startDrag(a.g_uid);
    controller.point(null);
    expect(controller.dragTo(interactionNodeId(a.g_uid), { x: 5, y: 7 })).toBe(true);
    const nodes = draw(1200);
    expect(byId(nodes, interactionNodeId(a.g_uid))?.position).toEqual({ x: 5, y: 7 });
    expect(chipAt(frame(1200), a.g_uid)).toEqual({ x: 5, y: 7 });
  });
});

describe('far view: what is painted', () => {
  it('paints every container and chip in view, chips in their media colour, and nothing out of view', () => {
    const { a, b, c, frame } = farOut();
    const f = frame(1000);
    const boxes = farBoxes(f, everywhere(f.scene));
    // The Unowned area, three sessions, three chips.
    expect(boxes).toHaveLength(7);
    expect(boxAt(boxes, chipAt(f, a.g_uid))?.fill).toBe('voice');
    expect(boxAt(boxes, chipAt(f, b.g_uid))?.fill).toBe('chat');
    expect(boxAt(boxes, chipAt(f, c.g_uid))?.fill).toBe('email');
    const session = f.scene.sessions.get(a.session)?.rect as Rect;
    expect(boxAt(boxes, session)?.fill).toBe('session');
    const beyond = { x: f.scene.bounds.x + f.scene.bounds.width + 10, y: 0, width: 100, height: 100 };
    expect(farBoxes(f, beyond)).toEqual([]);
  });

  it('does not paint a lifted chip: React Flow draws it', () => {
    const { a, controller, draw, frame } = farOut();
    controller.point(a.g_uid);
    draw(1100);
    const f = frame(1100);
    expect(boxAt(farBoxes(f, everywhere(f.scene)), chipAt(f, a.g_uid))).toBeUndefined();
  });

  it('rings the selection, and fills a session that is flashing or under a drop', () => {
    const { a, b, draw, frame, run } = farOut();
    draw(1100, { selection: { kind: 'interaction', id: a.g_uid } });
    let f = frame(1100);
    expect(boxAt(farBoxes(f, everywhere(f.scene)), chipAt(f, a.g_uid))?.ring).toBe('selected');
    run({ verb: 'associate', session: a.session, interactionid: a.g_uid, sessionid: b.session });
    draw(1200);
    f = frame(1200);
    const target = f.scene.sessions.get(b.session)?.rect as Rect;
    expect(boxAt(farBoxes(f, everywhere(f.scene)), target)?.fill).toBe('flash');
  });

  it('paints a moved chip on its flight, strictly between its old and new place mid-way', () => {
    const { a, b, draw, frame, run } = farOut();
    const from = chipAt(frame(1000), a.g_uid);
    run({ verb: 'associate', session: a.session, interactionid: a.g_uid, sessionid: b.session });
    draw(2000);
    const mid = chipAt(frame(2000 + FLIGHT_MS / 2), a.g_uid);
    const to = chipAt(frame(2000 + FLIGHT_MS), a.g_uid);
    expect(to).not.toEqual(from);
    const between = (v: number, p: number, q: number) => v > Math.min(p, q) && v < Math.max(p, q);
    expect(between(mid.x, from.x, to.x) || between(mid.y, from.y, to.y)).toBe(true);
    const boxes = farBoxes(frame(2000 + FLIGHT_MS / 2), everywhere(frame(2000).scene));
    expect(boxAt(boxes, mid)?.fill).toBe('voice');
  });
});

describe('far view: what a click hits', () => {
  it('hits a chip before the session it sits in, a session by its box, nothing in the Unowned area', () => {
    const { a, frame } = farOut();
    const f = frame(1000);
    expect(farHit(f, centre(chipAt(f, a.g_uid)))).toEqual({ kind: 'interaction', id: a.g_uid });
    const session = f.scene.sessions.get(a.session)?.rect as Rect;
    expect(farHit(f, { x: session.x + 2, y: session.y + 2 })).toEqual({ kind: 'session', id: a.session });
    expect(farHit(f, { x: f.scene.unowned.rect.x + 2, y: f.scene.unowned.rect.y + 2 })).toBeNull();
    expect(farHit(f, { x: -500, y: -500 })).toBeNull();
  });
});
