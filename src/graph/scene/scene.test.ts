import { describe, expect, it } from 'vitest';
import { engineWithStore } from '../../store/testing';
import { DEFAULT_COLUMNS } from './columns';
import { FADE_MS, FadeTracker } from './fades';
import { contains } from './layout';
import { buildScene, type Scene } from './scene';
import { SceneSlots } from './scene-slots';

function sceneMaker() {
  const slots = new SceneSlots();
  const fades = new FadeTracker();
  return (model: Parameters<typeof buildScene>[0], now = 0): Scene =>
    buildScene(model, fades.drawn(model.sessions, now), slots, DEFAULT_COLUMNS);
}

describe('scene', () => {
  it('places interactions inside their owner, in join order', () => {
    const { store, run, arrive } = engineWithStore();
    const a = arrive();
    const b = arrive('TMediaChat');
    const c = arrive('TMediaEMail');
    run({ verb: 'associate', session: b.session, interactionid: b.g_uid, sessionid: a.session });
    run({ verb: 'associate', session: c.session, interactionid: c.g_uid, sessionid: a.session });
    const scene = sceneMaker()(store.getState().model);
    const container = scene.sessions.get(a.session);
    expect(container?.count).toBe(3);
    const places = [a.g_uid, b.g_uid, c.g_uid].map((g) => scene.interactions.get(g));
    const ys = places.map((p) => p?.at.y ?? Number.NaN);
    expect(ys).toEqual([...ys].sort((x, y) => x - y));
    expect(new Set(ys).size).toBe(3);
    for (const place of places) {
      expect(place?.container).toBe(container);
      expect(
        contains(container?.rect ?? { x: 0, y: 0, width: 0, height: 0 }, place?.at ?? { x: -1, y: -1 }),
      ).toBe(true);
    }
  });

  it('puts an interaction without an owner in the Unowned area, and draws no ended one', () => {
    const { store, run, arrive } = engineWithStore();
    const a = arrive();
    const b = arrive();
    run({ verb: 'detach', session: a.session, interactionid: a.g_uid });
    run({ verb: 'terminate', session: b.session, interactionid: b.g_uid });
    const scene = sceneMaker()(store.getState().model);
    expect(scene.interactions.get(a.g_uid)?.container).toBe(scene.unowned);
    expect(scene.unowned.count).toBe(1);
    expect(scene.interactions.has(b.g_uid)).toBe(false);
  });

  it('does not move any session when one ends, fades and leaves, or when another arrives', () => {
    const { store, run, arrive } = engineWithStore();
    const make = sceneMaker();
    const sessions = Array.from({ length: 12 }, () => arrive().session);
    const first = make(store.getState().model, 0);
    const rectOf = (scene: Scene, id: string) => scene.sessions.get(id)?.rect;
    const gone = sessions[4] as string;
    const stay = sessions.filter((id) => id !== gone);

    run({
      verb: 'terminate',
      session: gone,
      interactionid: store.getState().model.sessions.get(gone)?.interactions[0] as string,
    });
    run({ verb: 'endSession', session: gone });
    const fading = make(store.getState().model, 10);
    expect(fading.sessions.get(gone)?.session?.state).toBe('ended');
    const faded = make(store.getState().model, 10 + FADE_MS);
    expect(faded.sessions.has(gone)).toBe(false);

    const newcomer = arrive().session;
    const after = make(store.getState().model, 20 + FADE_MS);
    for (const id of stay) expect(rectOf(after, id)).toEqual(rectOf(first, id));
    // The freed slot is reused by the newcomer, after the fade.
    expect(rectOf(after, newcomer)).toEqual(rectOf(first, gone));
  });

  it('keeps every chip in its row when one above it leaves; the next newcomer takes the freed row', () => {
    const { store, run, arrive } = engineWithStore();
    const make = sceneMaker();
    const host = arrive();
    const others = Array.from({ length: 3 }, () => arrive());
    for (const other of others)
      run({ verb: 'associate', session: other.session, interactionid: other.g_uid, sessionid: host.session });
    const first = make(store.getState().model);
    const at = (scene: Scene, g_uid: string) => scene.interactions.get(g_uid)?.at;
    const [leaving, ...staying] = [host, ...others];

    run({ verb: 'terminate', session: host.session, interactionid: leaving?.g_uid as string });
    const after = make(store.getState().model);
    for (const chip of staying) expect(at(after, chip.g_uid)).toEqual(at(first, chip.g_uid));

    const newcomer = arrive();
    run({
      verb: 'associate',
      session: newcomer.session,
      interactionid: newcomer.g_uid,
      sessionid: host.session,
    });
    const refilled = make(store.getState().model);
    expect(at(refilled, newcomer.g_uid)).toEqual(at(first, leaving?.g_uid as string));
  });
});
