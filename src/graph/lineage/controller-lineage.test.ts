import { describe, expect, it } from 'vitest';
import { engineWithStore } from '../../store/testing';
import { GraphController } from '../controller/graph-controller';
import { graphInput } from '../controller/testing';

/** Two arrivals, the first moved to the second's session; a controller to draw them. */
function movedOnce() {
  const { store, run, arrive } = engineWithStore();
  const a = arrive();
  const b = arrive();
  run({ verb: 'associate', session: a.session, interactionid: a.g_uid, sessionid: b.session });
  return { store, a, b, controller: new GraphController() };
}

describe('the controller draws the selected interaction path', () => {
  it('close up and in the far frame alike; none without a selected interaction', () => {
    const { store, a, b, controller } = movedOnce();

    controller.update(graphInput(store), 0);
    expect(controller.lineage()).toEqual([]);
    expect(controller.farFrame(0)?.lineage).toEqual([]);

    store.getState().select({ kind: 'interaction', id: a.g_uid });
    controller.update(graphInput(store), 1);
    const seqs = (store.getState().history.get(a.g_uid) ?? []).map((move) => move.seq);
    expect(controller.lineage().map((arrow) => arrow.seq)).toEqual(seqs);
    expect(controller.farFrame(1)?.lineage).toBe(controller.lineage());

    // A session selected: its interactions' paths are not drawn.
    store.getState().select({ kind: 'session', id: b.session });
    controller.update(graphInput(store), 2);
    expect(controller.lineage()).toEqual([]);
  });

  it('the owner centre Follow pans to is the centre of the container it is drawn in', () => {
    const { store, a, b, controller } = movedOnce();
    controller.update(graphInput(store), 0);
    const rect = controller.containers().find((c) => c.session?.id === b.session)?.rect;
    expect(rect).toBeDefined();
    expect(controller.ownerCentre(a.g_uid)).toEqual({
      x: (rect?.x ?? 0) + (rect?.width ?? 0) / 2,
      y: (rect?.y ?? 0) + (rect?.height ?? 0) / 2,
    });
    expect(controller.ownerCentre('no-such')).toBeNull();
  });
});
