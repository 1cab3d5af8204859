import { describe, expect, it } from 'vitest';
import { shortGuid } from '../../engine';
import { engineWithStore } from '../../store/testing';
import { findInScene } from './search';
import { centreOf, sceneOf } from './testing';

function setup() {
  const fixture = engineWithStore();
  const a = fixture.arrive();
  const b = fixture.arrive();
  return { ...fixture, a, b, scene: sceneOf(fixture.store) };
}

describe('graph search', () => {
  it('finds a session by its full id or a prefix, any case, and centres on its container', () => {
    const { a, scene } = setup();
    expect(findInScene(scene, a.session)).toEqual({
      kind: 'session',
      id: a.session,
      center: centreOf(scene, a.session),
    });
    expect(findInScene(scene, `  ${a.session.toLowerCase()} `)?.id).toBe(a.session);
    expect(findInScene(scene, 'S-')?.kind).toBe('session');
  });

  it('finds an interaction by full g_uid, by the short g_uid the graph shows, or a prefix of it', () => {
    const { b, scene } = setup();
    const short = shortGuid(b.g_uid);
    expect(findInScene(scene, b.g_uid)?.id).toBe(b.g_uid);
    expect(findInScene(scene, short)).toMatchObject({ kind: 'interaction', id: b.g_uid });
    expect(findInScene(scene, short.slice(0, 5))?.kind).toBe('interaction');
  });

  it('prefers an exact id to a prefix', () => {
    const { a, b, scene } = setup();
    // The g_uids differ only at the end: the exact one wins over its neighbour sharing the prefix.
    expect(findInScene(scene, a.g_uid)?.id).toBe(a.g_uid);
    expect(findInScene(scene, b.g_uid)?.id).toBe(b.g_uid);
  });

  it('falls back to any part of an id, so a session is found without its prefix', () => {
    const { a, scene } = setup();
    expect(findInScene(scene, a.session.slice(2))).toMatchObject({ kind: 'session', id: a.session });
  });

  it('finds nothing for an empty query or an unknown id', () => {
    const { scene } = setup();
    expect(findInScene(scene, '   ')).toBeNull();
    expect(findInScene(scene, 'no-such-thing')).toBeNull();
  });
});
