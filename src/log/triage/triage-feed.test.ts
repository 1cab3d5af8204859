import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../engine';
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
    const events = world.at(s, command);
    store.getState().applyEvents(events);
    return events;
  };
  return { world, store, at };
}

/** The present on screen, on a page that does not know the engine's clock (a recording's). */
const LIVE = { clock: null, at: null } as const;

describe('TriageFeed', () => {
  it('takes the events the record gained since the last sync, each once', () => {
    const { store, at } = storeOnEngine();
    const feed = new TriageFeed();
    at(0, { verb: 'arrive', media: 'TMediaVoice', g_uid: 'G', session: 'A' });
    at(0, { verb: 'startSession', src: 'http://ors/b.scxml', session: 'B' });
    feed.sync(store.getState().record, LIVE);
    at(1, { verb: 'associate', session: 'A', interactionid: 'G', sessionid: 'B' });
    expect(feed.sync(store.getState().record, LIVE)).toBe(false);
    at(2, { verb: 'associate', session: 'B', interactionid: 'G', sessionid: 'A' });
    expect(feed.sync(store.getState().record, LIVE)).toBe(true);
    // Nothing new: nothing counted again.
    expect(feed.sync(store.getState().record, LIVE)).toBe(false);
    expect(feed.triage.list('ping-pong').map((a) => a.count)).toEqual([1]);
  });

  it('advances on the clock it is given, once it has a record', () => {
    const { store, at } = storeOnEngine();
    const feed = new TriageFeed();
    at(0, { verb: 'arrive', media: 'TMediaVoice', g_uid: 'G', session: 'A' });
    at(1, { verb: 'detach', session: 'A', interactionid: 'G' });
    expect(feed.advance(seconds(100))).toBe(false);
    feed.sync(store.getState().record, LIVE);
    expect(feed.advance(seconds(12))).toBe(true);
    expect(feed.triage.list('orphan').map((a) => a.item.id)).toEqual(['G']);
  });

  it('a new record (a snapshot) starts over from its base', () => {
    const { store, at } = storeOnEngine();
    const feed = new TriageFeed();
    at(0, { verb: 'arrive', media: 'TMediaVoice', g_uid: 'G', session: 'A' });
    at(1, { verb: 'detach', session: 'A', interactionid: 'G' });
    feed.sync(store.getState().record, LIVE);
    feed.advance(seconds(20));
    expect(feed.triage.list('orphan')).toHaveLength(1);
    const fresh = new World();
    fresh.at(0, { verb: 'arrive', media: 'TMediaVoice', g_uid: 'H', session: 'C' });
    store
      .getState()
      .loadSnapshot({ epoch: 'e2', snapshot: fresh.engine.snapshot(), traffic: DEFAULT_TRAFFIC });
    // No event yet and no clock: nothing to date the base by, so it waits.
    expect(feed.sync(store.getState().record, LIVE)).toBe(false);
    feed.sync(store.getState().record, { clock: seconds(30), at: null });
    expect(feed.triage.list('orphan')).toEqual([]);
  });

  it('with the past on screen, lists the anomalies as of that seq; back live, the present ones, none counted twice', () => {
    const { store, at } = storeOnEngine();
    const feed = new TriageFeed();
    at(0, { verb: 'arrive', media: 'TMediaVoice', g_uid: 'G', session: 'A' });
    at(0, { verb: 'startSession', src: 'http://ors/b.scxml', session: 'B' });
    const detached = at(1, { verb: 'detach', session: 'A', interactionid: 'G' });
    // Attached again 14 s later: an orphan from the moment its 10 s ran out.
    const attached = at(15, { verb: 'attach', session: 'B', interactionid: 'G' });
    const { record } = store.getState();
    const orphans = () => feed.triage.list('orphan').map((a) => `${a.item.id} ${a.count}×`);
    feed.sync(record, LIVE);
    expect(orphans()).toEqual(['G 1×']);

    expect(feed.sync(record, { clock: null, at: seqOf(detached) })).toBe(true);
    expect(orphans()).toEqual([]);
    feed.sync(record, { clock: null, at: seqOf(attached) });
    expect(orphans()).toEqual(['G 1×']);
    feed.sync(record, { clock: null, at: seqOf(detached) - 1 });
    expect(orphans()).toEqual([]);
    feed.sync(record, LIVE);
    expect(orphans()).toEqual(['G 1×']);
  });

  it('in the past the live clock moves nothing on; a seq the clock went past is rebuilt', () => {
    const { store, at } = storeOnEngine();
    const feed = new TriageFeed();
    at(0, { verb: 'arrive', media: 'TMediaVoice', g_uid: 'G', session: 'A' });
    at(1, { verb: 'detach', session: 'A', interactionid: 'G' });
    const { record } = store.getState();
    // Live, the engine's clock runs out the detach's 10 s with no event after it.
    feed.sync(record, { clock: seconds(30), at: null });
    expect(feed.triage.list('orphan')).toHaveLength(1);
    // The record's last seq on screen (the detach's events), as it was then.
    feed.sync(record, { clock: seconds(31), at: record.last });
    expect(feed.triage.list('orphan')).toEqual([]);
  });
});

/** The seq of a command's owner change. */
function seqOf(events: readonly EngineEvent[]): number {
  const seq = events.find((e) => e.name === 'interaction.owner.changed')?.seq;
  if (seq === undefined) throw new Error('no owner change');
  return seq;
}
