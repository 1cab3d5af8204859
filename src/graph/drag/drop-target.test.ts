import { describe, expect, it } from 'vitest';
import type { Role } from '../../protocol/role';
import { engineWithStore } from '../../store/testing';
import { sessionAt } from '../scene/scene';
import { centreOf, sceneOf } from '../scene/testing';
import { resolveDrop } from './drop-target';

/** A store with three sessions (the last ended), each drawn, and the centre of each container. */
function setup(role: Role = 'operator') {
  const fixture = engineWithStore(role);
  const a = fixture.arrive();
  const b = fixture.arrive();
  const c = fixture.arrive();
  fixture.run({ verb: 'terminate', session: c.session, interactionid: c.g_uid });
  fixture.run({ verb: 'endSession', session: c.session });
  const scene = sceneOf(fixture.store);
  const centre = (owner: string | null) => centreOf(scene, owner);
  return { ...fixture, a, b, c, containers: scene.containers, centre };
}

describe('drop target', () => {
  it('finds the session container under the point, not the Unowned area or empty space', () => {
    const { a, containers, centre } = setup();
    expect(sessionAt(containers, centre(a.session))?.session?.id).toBe(a.session);
    expect(sessionAt(containers, centre(null))).toBeNull();
    expect(sessionAt(containers, { x: -500, y: -500 })).toBeNull();
  });

  it('accepts a drop onto another running session', () => {
    const { store, a, b, containers, centre } = setup();
    expect(resolveDrop(store.getState(), a.g_uid, centre(b.session), containers)).toEqual({
      kind: 'target',
      session: b.session,
      refusal: null,
    });
  });

  it('resolves nothing over its own owner: putting a chip back is no request', () => {
    const { store, a, containers, centre } = setup();
    expect(resolveDrop(store.getState(), a.g_uid, centre(a.session), containers)).toEqual({ kind: 'none' });
  });

  it('refuses a drop onto an ended session, with the engine’s reason', () => {
    const { store, a, c, containers, centre } = setup();
    const verdict = resolveDrop(store.getState(), a.g_uid, centre(c.session), containers);
    expect(verdict.kind).toBe('target');
    if (verdict.kind !== 'target') return;
    expect(verdict.refusal?.code).toBe('invaliddestination');
    expect(verdict.refusal?.reason).toContain('ended');
  });

  it('refuses every drop for a viewer', () => {
    const { store, a, b, containers, centre } = setup('viewer');
    const verdict = resolveDrop(store.getState(), a.g_uid, centre(b.session), containers);
    expect(verdict.kind === 'target' && verdict.refusal?.field).toBe('role');
  });

  it('resolves nothing over empty space or the Unowned area', () => {
    const { store, a, containers, centre } = setup();
    expect(resolveDrop(store.getState(), a.g_uid, centre(null), containers)).toEqual({ kind: 'none' });
    expect(resolveDrop(store.getState(), a.g_uid, { x: 1e6, y: 1e6 }, containers)).toEqual({ kind: 'none' });
  });
});
