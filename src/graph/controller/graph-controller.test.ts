import { describe, expect, it } from 'vitest';
import { engineWithStore } from '../../store/testing';
import type { LookKind, LookOf } from '../looks/kinds';
import { FLASH_MS, FLIGHT_MS, flightPosition } from '../scene/animation';
import { chipOffset, type XY } from '../scene/layout';
import { interactionNodeId, sessionNodeId, UNOWNED_NODE_ID } from '../scene/scene';
import { GraphController, type GraphInput, MAX_FLIGHTS } from './graph-controller';
import type { GraphNode } from './nodes';
import { graphInput } from './testing';

function byId(nodes: readonly GraphNode[], id: string): GraphNode {
  const node = nodes.find((n) => n.id === id);
  if (node === undefined) throw new Error(`no node ${id}`);
  return node;
}

/** Where a node is drawn, in flow coordinates (a child's position is relative to its parent). */
function absolute(nodes: readonly GraphNode[], id: string): XY {
  const node = byId(nodes, id);
  if (node.parentId === undefined) return node.position;
  const parent = absolute(nodes, node.parentId);
  return { x: parent.x + node.position.x, y: parent.y + node.position.y };
}

/**
 * Where the eye sees a node at `t`: its position, or for a chip in flight the point of its flight
 * (the chip plays it on top of its position, use-flight.ts).
 */
function drawn(controller: GraphController, nodes: readonly GraphNode[], id: string, t: number): XY {
  const at = absolute(nodes, id);
  const flight = lookOf(controller, 'interaction', id).flight;
  return flight === null ? at : flightPosition(flight, at, t);
}

/** How a node looks as of the controller's last update. */
function lookOf<K extends LookKind>(controller: GraphController, kind: K, id: string): LookOf[K] {
  const look = controller.looks.get(kind, id);
  if (look === undefined) throw new Error(`no ${kind} look for ${id}`);
  return look;
}

function flying(controller: GraphController, id: string): boolean {
  return lookOf(controller, 'interaction', id).flight !== null;
}

function strictlyBetween(value: number, a: number, b: number): boolean {
  return value > Math.min(a, b) && value < Math.max(a, b);
}

/** Two sessions and a third, drawn once; then `a`'s interaction is associated with `b`. */
function moved(options: Partial<GraphInput> = {}) {
  const fixture = engineWithStore();
  const a = fixture.arrive();
  const b = fixture.arrive();
  const c = fixture.arrive();
  const controller = new GraphController();
  const before = controller.update(graphInput(fixture.store, options), 1000);
  const node = interactionNodeId(a.g_uid);
  const from = absolute(before, node);
  fixture.run({ verb: 'associate', session: a.session, interactionid: a.g_uid, sessionid: b.session });
  const at = (t: number) => controller.update(graphInput(fixture.store, options), t);
  return { ...fixture, a, b, c, controller, before, node, from, at };
}

describe('graph controller: moves', () => {
  it('flies a moved interaction from its old container to its new one, strictly between mid-flight', () => {
    const { a, b, controller, before, node, from, at } = moved();
    const start = at(2000);
    expect(byId(start, node).parentId).toBe(sessionNodeId(b.session));
    expect(drawn(controller, start, node, 2000)).toEqual(from);
    expect(flying(controller, node)).toBe(true);
    expect(lookOf(controller, 'interaction', node).owner).toBe(b.session);

    const midway = 2000 + FLIGHT_MS / 2;
    const mid = drawn(controller, at(midway), node, midway);
    const end = at(2000 + FLIGHT_MS);
    const to = absolute(end, node);
    expect(strictlyBetween(mid.x, from.x, to.x) || strictlyBetween(mid.y, from.y, to.y)).toBe(true);
    expect(to).not.toEqual(from);
    expect(flying(controller, node)).toBe(false);
    // The node itself sits at its new place from the start: only its chip travels.
    expect(absolute(start, node)).toEqual(to);
    // It lands where the layout puts it: second in its new container, after b's own interaction.
    const target = absolute(end, sessionNodeId(b.session));
    expect(to).toEqual({ x: target.x + chipOffset(1).x, y: target.y + chipOffset(1).y });
    expect(absolute(end, sessionNodeId(a.session))).toEqual(absolute(before, sessionNodeId(a.session)));
  });

  it('flashes both containers briefly', () => {
    const { a, b, controller, at } = moved();
    const flashing = (id: string) => lookOf(controller, 'session', sessionNodeId(id)).flash;
    at(2000);
    expect(flashing(a.session)).toBe(true);
    expect(flashing(b.session)).toBe(true);
    at(2000 + FLASH_MS);
    expect(flashing(a.session)).toBe(false);
    expect(flashing(b.session)).toBe(false);
  });

  it('with reduced motion, puts the node at its target at once, highlighted', () => {
    const { controller, node, from, at } = moved({ reducedMotion: true });
    const nodes = at(2000);
    const look = lookOf(controller, 'interaction', node);
    expect(look.flight).toBeNull();
    expect(look.highlight).toBe(true);
    expect(absolute(nodes, node)).not.toEqual(from);
    expect(absolute(nodes, node)).toEqual(absolute(at(2000 + FLIGHT_MS), node));
  });

  it('asks to be drawn again when a flight lands and when a flash ends, then never', () => {
    const { controller, at } = moved();
    at(2000);
    expect(controller.nextWake(2000 + 10)).toBe(2000 + FLIGHT_MS);
    at(2000 + FLIGHT_MS);
    expect(controller.nextWake(2000 + FLIGHT_MS)).toBe(2000 + FLASH_MS);
    at(2000 + FLASH_MS);
    expect(controller.nextWake(2000 + FLASH_MS)).toBeNull();
  });

  it('shows a new arrival in place, highlighted, without flashing the Unowned area', () => {
    const fixture = engineWithStore();
    fixture.arrive();
    const controller = new GraphController();
    controller.update(graphInput(fixture.store), 1000);
    const b = fixture.arrive();
    controller.update(graphInput(fixture.store), 2000);
    const look = lookOf(controller, 'interaction', interactionNodeId(b.g_uid));
    expect(look.flight).toBeNull();
    expect(look.highlight).toBe(true);
    expect(lookOf(controller, 'unowned', UNOWNED_NODE_ID).flash).toBe(false);
  });

  it('lets a terminated interaction go: its container flashes, nothing flies to the Unowned area', () => {
    const fixture = engineWithStore();
    const a = fixture.arrive();
    const controller = new GraphController();
    controller.update(graphInput(fixture.store), 1000);
    fixture.run({ verb: 'terminate', session: a.session, interactionid: a.g_uid });
    const nodes = controller.update(graphInput(fixture.store), 2000);
    expect(nodes.some((n) => n.id === interactionNodeId(a.g_uid))).toBe(false);
    expect(lookOf(controller, 'session', sessionNodeId(a.session)).flash).toBe(true);
    expect(lookOf(controller, 'unowned', UNOWNED_NODE_ID).flash).toBe(false);
    expect(controller.nextWake(2001)).not.toBe(2001);
  });

  it('does not animate moves that happened before the graph was first drawn', () => {
    const fixture = engineWithStore();
    const a = fixture.arrive();
    const b = fixture.arrive();
    fixture.run({ verb: 'associate', session: a.session, interactionid: a.g_uid, sessionid: b.session });
    const controller = new GraphController();
    controller.update(graphInput(fixture.store), 1000);
    expect(flying(controller, interactionNodeId(a.g_uid))).toBe(false);
  });

  it('hands React Flow the same node list when only looks changed (a selection, user data)', () => {
    const fixture = engineWithStore();
    const a = fixture.arrive();
    const controller = new GraphController();
    const before = controller.update(graphInput(fixture.store), 1000);
    fixture.store.getState().select({ kind: 'session', id: a.session });
    fixture.run({ verb: 'setuData', session: a.session, interactionid: a.g_uid, udata: { note: 'x' } });
    const after = controller.update(graphInput(fixture.store), 1010);
    expect(after).toBe(before);
    expect(lookOf(controller, 'session', sessionNodeId(a.session)).selected).toBe(true);
  });

  it('keeps the node objects of everything a move did not touch, and the order of the list', () => {
    const { c, before, at } = moved();
    const after = at(2000);
    expect(byId(after, sessionNodeId(c.session))).toBe(byId(before, sessionNodeId(c.session)));
    expect(byId(after, interactionNodeId(c.g_uid))).toBe(byId(before, interactionNodeId(c.g_uid)));
    // React would move the DOM node of every chip a re-ordered one jumps over.
    expect(after.map((n) => n.id)).toEqual(before.map((n) => n.id));
  });

  it(`flies at most ${MAX_FLIGHTS} chips at once; the others are at their new place at once`, () => {
    const fixture = engineWithStore();
    const target = fixture.arrive();
    const movers = Array.from({ length: MAX_FLIGHTS + 5 }, () => fixture.arrive());
    const controller = new GraphController();
    controller.update(graphInput(fixture.store), 1000);
    for (const m of movers) {
      fixture.run({
        verb: 'associate',
        session: m.session,
        interactionid: m.g_uid,
        sessionid: target.session,
      });
    }
    const nodes = controller.update(graphInput(fixture.store), 2000);
    const inFlight = movers.filter((m) => flying(controller, interactionNodeId(m.g_uid)));
    expect(inFlight).toHaveLength(MAX_FLIGHTS);
    for (const m of movers)
      expect(byId(nodes, interactionNodeId(m.g_uid)).parentId).toBe(sessionNodeId(target.session));
  });
});

describe('graph controller: drag', () => {
  function dragged() {
    const fixture = engineWithStore();
    const a = fixture.arrive();
    const b = fixture.arrive();
    const controller = new GraphController();
    const node = interactionNodeId(a.g_uid);
    const home = absolute(controller.update(graphInput(fixture.store), 1000), node);
    controller.startDrag(a.g_uid);
    // React Flow reports positions relative to the container; 300 right and 40 down of home.
    const offset = byId(controller.update(graphInput(fixture.store), 1010), node).position;
    expect(controller.dragTo(node, { x: offset.x + 300, y: offset.y + 40 })).toBe(true);
    const dropped = { x: home.x + 300, y: home.y + 40 };
    const at = (t: number) => controller.update(graphInput(fixture.store), t);
    return { ...fixture, a, b, controller, node, home, dropped, at };
  }

  it('draws the dragged node under the pointer, above the others', () => {
    const { node, dropped, at } = dragged();
    const nodes = at(1020);
    expect(absolute(nodes, node)).toEqual(dropped);
    expect(byId(nodes, node).zIndex).toBeGreaterThan(1);
  });

  it('glides a node back to its owner when the drop is refused or goes nowhere', () => {
    const { a, controller, node, home, dropped, at } = dragged();
    controller.returnHome(a.g_uid, 2000);
    expect(drawn(controller, at(2000), node, 2000)).toEqual(dropped);
    const midway = 2000 + FLIGHT_MS / 2;
    const mid = drawn(controller, at(midway), node, midway);
    expect(strictlyBetween(mid.x, dropped.x, home.x)).toBe(true);
    expect(absolute(at(2000 + FLIGHT_MS), node)).toEqual(home);
  });

  it('holds an accepted drop where it fell, then flies it from there into the target', () => {
    const { a, b, run, controller, node, dropped, at } = dragged();
    controller.hold(a.g_uid, 2000);
    expect(absolute(at(2100), node)).toEqual(dropped);
    run({
      verb: 'associate',
      session: a.session,
      interactionid: a.g_uid,
      sessionid: b.session,
      origin: 'drag',
    });
    const start = at(2200);
    expect(byId(start, node).parentId).toBe(sessionNodeId(b.session));
    expect(drawn(controller, start, node, 2200)).toEqual(dropped);
    const end = at(2200 + FLIGHT_MS);
    const target = absolute(end, sessionNodeId(b.session));
    expect(absolute(end, node).x).toBeGreaterThan(target.x);
    expect(flying(controller, node)).toBe(false);
  });

  it('gives a viewer no draggable interaction', () => {
    const fixture = engineWithStore('viewer');
    const a = fixture.arrive();
    const nodes = new GraphController().update(graphInput(fixture.store), 1000);
    expect(byId(nodes, interactionNodeId(a.g_uid)).draggable).toBe(false);
    expect(byId(nodes, sessionNodeId(a.session)).draggable).toBe(false);
  });
});

describe('graph controller: moves in time travel', () => {
  it('a step back over a move flies the chip back to its old session; a step forward flies it again', () => {
    const { a, b, store, controller, node, at } = moved();
    const landed = at(2000 + FLIGHT_MS);
    const atB = absolute(landed, node);
    const slot = (nodes: readonly GraphNode[]) => absolute(nodes, node);

    store.getState().step('move', -1);
    const back = at(5000);
    expect(byId(back, node).parentId).toBe(sessionNodeId(a.session));
    expect(flying(controller, node)).toBe(true);
    // It starts where it was drawn, in b, and lands in a.
    expect(drawn(controller, back, node, 5000)).toEqual(atB);
    const home = slot(at(5000 + FLIGHT_MS));
    expect(home).not.toEqual(atB);
    expect(flying(controller, node)).toBe(false);

    store.getState().step('move', 1);
    const again = at(8000);
    expect(byId(again, node).parentId).toBe(sessionNodeId(b.session));
    expect(flying(controller, node)).toBe(true);
    expect(drawn(controller, again, node, 8000)).toEqual(home);
  });

  it('live moves arriving while the past is on screen do not fly until Live', () => {
    const { a, b, c, store, controller, node, at, run } = moved();
    at(2000 + FLIGHT_MS);
    store.getState().step('event', -1);
    at(5000);
    at(5000 + FLIGHT_MS);
    run({ verb: 'associate', session: b.session, interactionid: a.g_uid, sessionid: c.session });
    at(6000);
    expect(flying(controller, node)).toBe(false);
    store.getState().goLive();
    const live = at(7000);
    expect(byId(live, node).parentId).toBe(sessionNodeId(c.session));
    expect(flying(controller, node)).toBe(true);
  });
});
