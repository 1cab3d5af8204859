// Scene helpers for this folder's tests; the engine and store they draw come from src/store/testing.ts.
import type { InspectorStore } from '../../store/store';
import { DEFAULT_COLUMNS } from './columns';
import type { XY } from './layout';
import { buildScene, containerFor, type Scene } from './scene';
import { SceneSlots } from './scene-slots';

/** Every session of the store drawn, as the graph would draw them without fades. */
export function sceneOf(store: InspectorStore): Scene {
  const model = store.getState().model;
  return buildScene(model, [...model.sessions.values()], new SceneSlots(), DEFAULT_COLUMNS);
}

/** The centre of a session's container (or the Unowned area's, for null), in flow coordinates. */
export function centreOf(scene: Scene, owner: string | null): XY {
  const container = containerFor(scene, owner);
  if (container === undefined) throw new Error(`${owner} is not drawn`);
  const { rect } = container;
  return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
}
