import type { Role } from '../connection/types';
import { type Command, Engine, type EngineEvent, type MediaName } from '../engine';
import { DEFAULT_TRAFFIC } from '../protocol/messages';
import { createInspectorStore, type InspectorStore } from '../store/store';
import { SlotGrid, type XY } from './layout';
import { buildScene, containerFor, type Scene } from './scene';

/** Shared by this folder's tests: a store kept in step with a real engine on a fixed clock. */
export const T0 = 1_700_000_000_000;

export function engineWithStore(role: Role = 'operator') {
  const engine = new Engine({ clock: () => T0 });
  const store = createInspectorStore('worker', role);
  store.getState().loadSnapshot({ epoch: 'test', snapshot: engine.snapshot(), traffic: DEFAULT_TRAFFIC });
  const run = (command: Command): readonly EngineEvent[] => {
    const result = engine.execute(command);
    if (!result.ok) throw new Error(`${command.verb} refused: ${result.error.reason}`);
    store.getState().applyEvents(result.events);
    return result.events;
  };
  /** An interaction arrives and starts the session that owns it. */
  const arrive = (media: MediaName = 'TMediaVoice'): { session: string; g_uid: string } => {
    const created = run({ verb: 'arrive', media }).find((e) => e.name === 'interaction.created');
    if (created?.name !== 'interaction.created') throw new Error('arrive created no interaction');
    const g_uid = created.data.interaction.g_uid;
    return { g_uid, session: engine.state.interactions.get(g_uid)?.owner as string };
  };
  return { engine, store, run, arrive };
}

/** Every session of the store drawn, as the graph would draw them without fades. */
export function sceneOf(store: InspectorStore): Scene {
  const model = store.getState().model;
  return buildScene(model, [...model.sessions.values()], new SlotGrid());
}

/** The centre of a session's container (or the Unowned area's, for null), in flow coordinates. */
export function centreOf(scene: Scene, owner: string | null): XY {
  const container = containerFor(scene, owner);
  if (container === undefined) throw new Error(`${owner} is not drawn`);
  const { rect } = container;
  return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
}
