import { describe, expect, it } from 'vitest';
import type { WireResult } from '../../protocol/messages';
import type { AssociateRequest } from '../../store/actions/associate';
import { engineWithStore } from '../../store/testing';
import { GraphController } from '../controller/graph-controller';
import type { DropVerdict } from '../scene/drop-verdict';
import { centreOf, sceneOf } from '../scene/testing';
import { createDragAssociate } from './drag-associate';

const ACCEPTED: WireResult = { ok: true, command: 1, firstSeq: 1, lastSeq: 6 };
const REFUSED: WireResult = {
  ok: false,
  error: { code: 'invaliddestination', field: 'sessionid', reason: 'no', verb: 'associate' },
};

function setup(result: WireResult = ACCEPTED) {
  const fixture = engineWithStore();
  const a = fixture.arrive();
  const b = fixture.arrive();
  const scene = sceneOf(fixture.store);
  const centre = (owner: string | null) => centreOf(scene, owner);
  const sent: AssociateRequest[] = [];
  const hovers: DropVerdict[] = [];
  const calls: string[] = [];
  // The drag's one owner, as the graph has it: the controller.
  const controller = new GraphController();
  const gesture = createDragAssociate({
    getState: () => fixture.store.getState(),
    containers: () => scene.containers,
    associate: async (request) => {
      sent.push(request);
      return result;
    },
    owner: {
      dragged: () => controller.dragged(),
      startDrag: (g_uid) => controller.startDrag(g_uid),
      setHover: (verdict) => {
        const changed = controller.setHover(verdict);
        if (changed) hovers.push(verdict);
        return changed;
      },
      hold: (g_uid) => {
        calls.push(`sent ${g_uid}`);
        controller.hold(g_uid, 0);
      },
      returnHome: (g_uid) => {
        calls.push(`return ${g_uid}`);
        controller.returnHome(g_uid, 0);
      },
    },
  });
  return { a, b, centre, gesture, sent, hovers, calls };
}

describe('drag to associate', () => {
  it('shows the verdict of the container under the pointer, once per change', () => {
    const { a, b, centre, gesture, hovers } = setup();
    gesture.start(a.g_uid);
    gesture.move(centre(a.session));
    gesture.move(centre(b.session));
    gesture.move({ ...centre(b.session), x: centre(b.session).x + 5 });
    gesture.move(centre(a.session));
    expect(
      hovers.map((h) => (h.kind === 'target' ? `${h.session} ${h.refusal?.code ?? 'ok'}` : h.kind)),
    ).toEqual([`${b.session} ok`, 'none']);
  });

  it('sends one associate with origin drag when dropped onto another session, and holds the node', async () => {
    const { a, b, centre, gesture, sent, calls, hovers } = setup();
    gesture.start(a.g_uid);
    gesture.move(centre(b.session));
    await gesture.drop(centre(b.session));
    expect(sent).toEqual([{ g_uid: a.g_uid, target: b.session, origin: 'drag' }]);
    expect(calls).toEqual([`sent ${a.g_uid}`]);
    expect(hovers.at(-1)).toEqual({ kind: 'none' });
  });

  it('brings the node back when the engine refuses', async () => {
    const { a, b, centre, gesture, sent, calls } = setup(REFUSED);
    gesture.start(a.g_uid);
    await gesture.drop(centre(b.session));
    expect(sent).toHaveLength(1);
    expect(calls).toEqual([`sent ${a.g_uid}`, `return ${a.g_uid}`]);
  });

  it('sends nothing and brings the node back when dropped on nothing', async () => {
    const { a, gesture, sent, calls } = setup();
    gesture.start(a.g_uid);
    await gesture.drop({ x: -1000, y: -1000 });
    expect(sent).toEqual([]);
    expect(calls).toEqual([`return ${a.g_uid}`]);
  });

  it('cancels a drop onto its own owner: nothing sent, the node goes home', async () => {
    const { a, centre, gesture, sent, calls } = setup();
    gesture.start(a.g_uid);
    gesture.move(centre(a.session));
    await gesture.drop(centre(a.session));
    expect(sent).toEqual([]);
    expect(calls).toEqual([`return ${a.g_uid}`]);
  });

  it('ignores a drop without a drag', async () => {
    const { b, centre, gesture, sent, calls } = setup();
    await gesture.drop(centre(b.session));
    expect(sent).toEqual([]);
    expect(calls).toEqual([]);
  });
});
