import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAFFIC } from '../../protocol/messages';
import { createInspectorStore } from '../../store/store';
import { seconds, World } from '../../triage/testing';
import { TriageFeed } from './triage-feed';

/** A store fed by a real engine whose clock the test sets, as the page's store is fed. */
function storeOnEngine() {
  const world = new World();
  const store = createInspectorStore();
  store.getState().loadSnapshot({ epoch: 'e1', snapshot: world.engine.snapshot(), traffic: DEFAULT_TRAFFIC });
  const at = (s: number, command: Parameters<World['at']>[1]) => {
    store.getState().applyEvents(world.at(s, command));
  };
  return { world, store, at };
}

describe('TriageFeed', () => {
  it('takes the events the record gained since the last sync, each once', () => {
    const { store, at } = storeOnEngine();
    const feed = new TriageFeed();
    at(0, { verb: 'arrive', media: 'TMediaVoice', g_uid: 'G', session: 'A' });
    at(0, { verb: 'startSession', src: 'http://ors/b.scxml', session: 'B' });
    feed.sync(store.getState().record, null);
    at(1, { verb: 'associate', session: 'A', interactionid: 'G', sessionid: 'B' });
    expect(feed.sync(store.getState().record, null)).toBe(false);
    at(2, { verb: 'associate', session: 'B', interactionid: 'G', sessionid: 'A' });
    expect(feed.sync(store.getState().record, null)).toBe(true);
    // Nothing new: nothing counted again.
    expect(feed.sync(store.getState().record, null)).toBe(false);
    expect(feed.triage.list('ping-pong').map((a) => a.count)).toEqual([1]);
  });

  it('advances on the clock it is given, once it has a record', () => {
    const { store, at } = storeOnEngine();
    const feed = new TriageFeed();
    at(0, { verb: 'arrive', media: 'TMediaVoice', g_uid: 'G', session: 'A' });
    at(1, { verb: 'detach', session: 'A', interactionid: 'G' });
    expect(feed.advance(seconds(100))).toBe(false);
    feed.sync(store.getState().record, null);
    expect(feed.advance(seconds(12))).toBe(true);
    expect(feed.triage.list('orphan').map((a) => a.item.id)).toEqual(['G']);
  });

  it('a new record (a snapshot) starts over from its base', () => {
    const { store, at } = storeOnEngine();
    const feed = new TriageFeed();
    at(0, { verb: 'arrive', media: 'TMediaVoice', g_uid: 'G', session: 'A' });
    at(1, { verb: 'detach', session: 'A', interactionid: 'G' });
    feed.sync(store.getState().record, null);
    feed.advance(seconds(20));
    expect(feed.triage.list('orphan')).toHaveLength(1);
    const fresh = new World();
    fresh.at(0, { verb: 'arrive', media: 'TMediaVoice', g_uid: 'H', session: 'C' });
    store
      .getState()
      .loadSnapshot({ epoch: 'e2', snapshot: fresh.engine.snapshot(), traffic: DEFAULT_TRAFFIC });
    // No event yet and no clock: nothing to date the base by, so it waits.
    expect(feed.sync(store.getState().record, null)).toBe(false);
    feed.sync(store.getState().record, seconds(30));
    expect(feed.triage.list('orphan')).toEqual([]);
  });
});
