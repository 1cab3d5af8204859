import type { ReactFlowState } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { engineWithStore } from '../../store/testing';
import { GraphController } from '../controller/graph-controller';
import { graphInput } from '../controller/testing';
import { FLIGHT_MS } from '../scene/animation';
import { contains, type Rect } from '../scene/layout';
import { interactionNodeId, sessionNodeId } from '../scene/scene';
import { AREA_TILE, sameArea, selectArea } from './view-area';

const state = (x: number, y: number, zoom: number) =>
  ({ transform: [x, y, zoom], width: 1000, height: 600 }) as unknown as ReactFlowState;

describe('the area React Flow gets nodes for', () => {
  it('covers the view and half a view around it, in whole tiles, and stays the same over a small pan', () => {
    const area = selectArea(state(-2100, -1000, 0.5));
    // The view: x 4200..6200, y 2000..3200 in flow coordinates.
    expect(contains(area, { x: 4200 - 1000, y: 2000 - 600 })).toBe(true);
    expect(contains(area, { x: 6200 + 1000, y: 3200 + 600 })).toBe(true);
    expect(area.x % AREA_TILE).toBe(0);
    expect(area.width % AREA_TILE).toBe(0);
    expect(area.width).toBeLessThanOrEqual(2 * 2000 + 2 * AREA_TILE);
    expect(sameArea(selectArea(state(-2110, -1005, 0.5)), area)).toBe(true);
    expect(sameArea(selectArea(state(-2600, -1000, 0.5)), area)).toBe(false);
  });

  it('gives React Flow the containers in the area with their chips, and, whole, any a chip is flying into', () => {
    const fixture = engineWithStore();
    const a = fixture.arrive();
    const b = fixture.arrive();
    const controller = new GraphController();
    const drawIn = (area: Rect | null, t: number) =>
      controller.update(graphInput(fixture.store, { area }), t).map((node) => node.id);
    const all = drawIn(null, 1000);
    expect(all).toContain(sessionNodeId(b.session));
    const aRect = controller.containers().find((c) => c.session?.id === a.session)?.rect as Rect;
    // Only a's container: one pixel of it.
    const onlyA = { x: aRect.x, y: aRect.y, width: 1, height: 1 };
    expect(drawIn(onlyA, 1000).sort()).toEqual([interactionNodeId(a.g_uid), sessionNodeId(a.session)].sort());

    fixture.run({ verb: 'associate', session: a.session, interactionid: a.g_uid, sessionid: b.session });
    const flying = drawIn(onlyA, 2000);
    expect(flying).toContain(sessionNodeId(b.session));
    expect(flying).toContain(interactionNodeId(a.g_uid));
    expect(flying).toContain(interactionNodeId(b.g_uid));
    const landed = drawIn(onlyA, 2000 + FLIGHT_MS);
    expect(landed).toEqual([sessionNodeId(a.session)]);
  });
});
