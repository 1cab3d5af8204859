import { describe, expect, it } from 'vitest';
import { engineWithStore } from '../../store/testing';
import { DEFAULT_COLUMNS } from '../scene/columns';
import { contains } from '../scene/layout';
import { buildScene, containerFor, type Scene } from '../scene/scene';
import { SceneSlots } from '../scene/scene-slots';
import { centreOf, sceneOf } from '../scene/testing';
import { edgeToward, lineageArrows, MAX_ARROWS } from './lineage';

/** A interaction that went A → B → Unowned → A, with a fourth session C it never visited. */
function travelled() {
  const world = engineWithStore();
  const a = world.arrive();
  const b = world.arrive();
  world.arrive();
  const g = a.g_uid;
  world.run({ verb: 'associate', session: a.session, interactionid: g, sessionid: b.session });
  world.run({ verb: 'detach', session: b.session, interactionid: g });
  world.run({ verb: 'attach', session: a.session, interactionid: g });
  return { ...world, g, a: a.session, b: b.session };
}

const near = (scene: Scene, owner: string | null, point: { x: number; y: number }): boolean => {
  const rect = containerFor(scene, owner)?.rect;
  if (rect === undefined) return false;
  const grown = { x: rect.x - 1, y: rect.y - 1, width: rect.width + 2, height: rect.height + 2 };
  return contains(grown, point);
};

describe('lineage', () => {
  it('draws every move in order, Unowned included, each from the container left to the one joined', () => {
    const { store, g, a, b } = travelled();
    const scene = sceneOf(store);
    const moves = store.getState().history.get(g) ?? [];
    const arrows = lineageArrows(scene, moves);
    // The arrival (Unowned → A) is a move too.
    const path: [string | null, string | null][] = [
      [null, a],
      [a, b],
      [b, null],
      [null, a],
    ];
    expect(arrows.map((arrow) => arrow.number)).toEqual([1, 2, 3, 4]);
    expect(arrows.map((arrow) => arrow.seq)).toEqual(moves.map((move) => move.seq));
    arrows.forEach((arrow, i) => {
      const [from, to] = path[i] as [string | null, string | null];
      expect(near(scene, from, arrow.from), `arrow ${i + 1} starts at ${from}`).toBe(true);
      expect(near(scene, to, arrow.to), `arrow ${i + 1} ends at ${to}`).toBe(true);
    });
  });

  it('fades from the oldest to the latest', () => {
    const { store, g } = travelled();
    const arrows = lineageArrows(sceneOf(store), store.getState().history.get(g) ?? []);
    const opacities = arrows.map((arrow) => arrow.opacity);
    expect(opacities).toEqual([...opacities].sort((x, y) => x - y));
    expect(opacities.at(-1)).toBe(1);
    expect(opacities[0]).toBeLessThan(0.5);
  });

  it('A→B and B→A bend to opposite sides, so neither hides the other', () => {
    const { store, run, g, a, b } = travelled();
    run({ verb: 'associate', session: a, interactionid: g, sessionid: b });
    run({ verb: 'associate', session: b, interactionid: g, sessionid: a });
    const scene = sceneOf(store);
    const arrows = lineageArrows(scene, store.getState().history.get(g) ?? []).slice(-2);
    const [there, back] = arrows;
    const mid = { x: (centreOf(scene, a).x + centreOf(scene, b).x) / 2, y: centreOf(scene, a).y };
    expect(Math.sign((there?.control.y ?? 0) - mid.y)).toBe(-Math.sign((back?.control.y ?? 0) - mid.y));
  });

  it('follows the layout: another column count moves the arrows with the containers', () => {
    const { store, g, b } = travelled();
    const { model, history } = store.getState();
    const sessions = [...model.sessions.values()];
    const wide = buildScene(model, sessions, new SceneSlots(), DEFAULT_COLUMNS);
    const narrow = buildScene(model, sessions, new SceneSlots(), 1);
    const moves = history.get(g) ?? [];
    const toB = (scene: Scene) => lineageArrows(scene, moves)[1]?.to;
    expect(near(wide, b, toB(wide) ?? { x: -1e9, y: 0 })).toBe(true);
    expect(near(narrow, b, toB(narrow) ?? { x: -1e9, y: 0 })).toBe(true);
    expect(toB(narrow)).not.toEqual(toB(wide));
  });

  it('a container no longer drawn loses its arrow, not its number; past MAX_ARROWS the oldest go', () => {
    const { store, run, g, a, b } = travelled();
    const scene = sceneOf(store);
    run({ verb: 'associate', session: a, interactionid: g, sessionid: b });
    for (let i = 0; i < MAX_ARROWS; i++) {
      const owner = i % 2 === 0 ? b : a;
      run({ verb: 'associate', session: owner, interactionid: g, sessionid: owner === a ? b : a });
    }
    const moves = store.getState().history.get(g) ?? [];
    const arrows = lineageArrows(scene, moves);
    expect(arrows).toHaveLength(MAX_ARROWS);
    expect(arrows.at(-1)?.number).toBe(moves.length);
    const forgotten = { ...scene, sessions: new Map([...scene.sessions].filter(([id]) => id !== b)) };
    expect(lineageArrows(forgotten, moves.slice(0, 2)).map((arrow) => arrow.number)).toEqual([1]);
  });

  it('edgeToward meets the rect on its border', () => {
    const rect = { x: 0, y: 0, width: 100, height: 50 };
    expect(edgeToward(rect, { x: 500, y: 25 })).toEqual({ x: 100, y: 25 });
    expect(edgeToward(rect, { x: 50, y: -300 })).toEqual({ x: 50, y: 0 });
  });
});
