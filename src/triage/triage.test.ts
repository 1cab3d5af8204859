import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../engine';
import { DEFAULT_LIMITS, TriageLimitError, triageLimits } from './limits';
import { seconds, World } from './testing';
import { Triage } from './triage';

const LIMITS = triageLimits({
  orphan: 10_000,
  'ping-pong': 30_000,
  'idle-session': 60_000,
  'waiting-unowned': 30_000,
});

/** Two sessions, A owning G (an arrival) and B empty, at t = 0. */
function twoSessions(): { world: World; triage: Triage; start: readonly EngineEvent[] } {
  const world = new World();
  const start = [
    ...world.at(0, { verb: 'arrive', media: 'TMediaVoice', g_uid: 'G', session: 'A' }),
    ...world.at(0, { verb: 'startSession', src: 'http://ors/b.scxml', session: 'B' }),
  ];
  const triage = new Triage(LIMITS);
  triage.feed(start);
  return { world, triage, start };
}

const detach = (session: string) => ({ verb: 'detach', session, interactionid: 'G' }) as const;
const attach = (session: string) => ({ verb: 'attach', session, interactionid: 'G' }) as const;
const move = (session: string, to: string) =>
  ({ verb: 'associate', session, interactionid: 'G', sessionid: to }) as const;
const seqOf = (events: readonly EngineEvent[], name: string): number | undefined =>
  events.find((e) => e.name === name)?.seq;

describe('orphans', () => {
  it('[orphan] a detach left alone past the limit is an orphan, dated by the detach', () => {
    const { world, triage } = twoSessions();
    const detached = world.at(5, detach('A'));
    triage.feed(detached);
    triage.advance(seconds(15));
    expect(triage.list('orphan')).toEqual([]);
    triage.advance(seconds(15.001));
    expect(triage.list('orphan')).toEqual([
      {
        kind: 'orphan',
        item: { kind: 'interaction', id: 'G' },
        count: 1,
        since: seconds(5),
        time: seconds(5),
        seq: seqOf(detached, 'interaction.owner.changed'),
      },
    ]);
  });

  it('[orphan] an attach within the limit is no orphan, even when time goes on', () => {
    const { world, triage } = twoSessions();
    triage.feed(world.at(5, detach('A')));
    triage.feed(world.at(15, attach('B')));
    triage.advance(seconds(100));
    expect(triage.list('orphan')).toEqual([]);
  });

  it("[orphan] a later event past the limit finds it without advance: time is the events' own", () => {
    const { world, triage } = twoSessions();
    triage.feed(world.at(5, detach('A')));
    triage.feed(world.at(16, attach('B')));
    expect(triage.list('orphan').map((a) => a.item.id)).toEqual(['G']);
  });

  it('[orphan] counts each time, since the first', () => {
    const { world, triage } = twoSessions();
    triage.feed(world.at(5, detach('A')));
    triage.feed(world.at(20, attach('B')));
    const second = world.at(30, detach('B'));
    triage.feed(second);
    triage.advance(seconds(41));
    const [entry] = triage.list('orphan');
    expect(entry).toMatchObject({ count: 2, since: seconds(5), time: seconds(30) });
    expect(entry?.seq).toBe(seqOf(second, 'interaction.owner.changed'));
  });

  it('[orphan] a release by an ending session or a terminate is no detach', () => {
    const { world, triage } = twoSessions();
    triage.feed(world.at(1, { verb: 'endSession', session: 'A' }));
    triage.advance(seconds(100));
    expect(triage.list('orphan')).toEqual([]);
  });
});

describe('ping-pong', () => {
  it('[ping-pong] A→B→A within the limit is a ping-pong, dated by the move back', () => {
    const { world, triage } = twoSessions();
    triage.feed(world.at(10, move('A', 'B')));
    const back = world.at(40, move('B', 'A'));
    triage.feed(back);
    expect(triage.list('ping-pong')).toEqual([
      {
        kind: 'ping-pong',
        item: { kind: 'interaction', id: 'G' },
        count: 1,
        since: seconds(40),
        time: seconds(40),
        seq: seqOf(back, 'interaction.owner.changed'),
      },
    ]);
  });

  it('[ping-pong] back to A after the limit is ordinary work', () => {
    const { world, triage } = twoSessions();
    triage.feed(world.at(10, move('A', 'B')));
    triage.feed(world.at(40.001, move('B', 'A')));
    expect(triage.list('ping-pong')).toEqual([]);
  });

  it('[ping-pong] A→B→C is no ping-pong; a stay in Unowned between does not hide A→B→A', () => {
    const { world, triage } = twoSessions();
    triage.feed(world.at(0, { verb: 'startSession', src: 'http://ors/c.scxml', session: 'C' }));
    triage.feed(world.at(1, move('A', 'B')));
    triage.feed(world.at(2, move('B', 'C')));
    expect(triage.list('ping-pong')).toEqual([]);
    triage.feed(world.at(3, detach('C')));
    triage.feed(world.at(4, attach('B')));
    expect(triage.list('ping-pong').map((a) => a.count)).toEqual([1]);
  });

  it('[ping-pong] each bounce counts', () => {
    const { world, triage } = twoSessions();
    for (let i = 1; i <= 4; i++) triage.feed(world.at(i, move(i % 2 ? 'A' : 'B', i % 2 ? 'B' : 'A')));
    expect(triage.list('ping-pong')).toMatchObject([{ count: 3, since: seconds(2), time: seconds(4) }]);
  });
});

describe('idle sessions', () => {
  it('[idle-session] a session empty and told nothing past the limit is idle, dated by its start', () => {
    const { triage, start } = twoSessions();
    triage.advance(seconds(60));
    expect(triage.list('idle-session')).toEqual([]);
    triage.advance(seconds(61));
    expect(triage.list('idle-session')).toEqual([
      {
        kind: 'idle-session',
        item: { kind: 'session', id: 'B' },
        count: 1,
        since: seconds(0),
        time: seconds(0),
        seq: seqOf(
          start.filter((e) => e.session === 'B'),
          'session.started',
        ),
      },
    ]);
  });

  it('[idle-session] an event sent to it starts its quiet over; an interaction ends it', () => {
    const { world, triage } = twoSessions();
    triage.feed(world.at(50, { verb: 'sendEvent', session: 'B', event: 'ping' }));
    triage.advance(seconds(100));
    expect(triage.list('idle-session')).toEqual([]);
    triage.feed(world.at(100, move('A', 'B')));
    triage.advance(seconds(1000));
    // A is empty now, since the move that emptied it.
    expect(triage.list('idle-session').map((a) => a.item.id)).toEqual(['A']);
  });

  it('[idle-session] an ended session is not idle', () => {
    const { world, triage } = twoSessions();
    triage.feed(world.at(30, { verb: 'endSession', session: 'B' }));
    triage.advance(seconds(1000));
    expect(triage.list('idle-session')).toEqual([]);
  });
});

describe('waiting unowned', () => {
  it('[waiting-unowned] detached and left past the limit: waiting, and an orphan too', () => {
    const { world, triage } = twoSessions();
    const detached = world.at(0, detach('A'));
    triage.feed(detached);
    triage.advance(seconds(30));
    expect(triage.list('waiting-unowned')).toEqual([]);
    triage.advance(seconds(31));
    expect(triage.list('waiting-unowned')).toMatchObject([
      { item: { kind: 'interaction', id: 'G' }, seq: seqOf(detached, 'interaction.owner.changed') },
    ]);
    expect(triage.list('orphan')).toHaveLength(1);
  });

  it('[waiting-unowned] released by an ending session counts; attached within the limit does not', () => {
    const { world, triage } = twoSessions();
    triage.feed(world.at(0, { verb: 'endSession', session: 'A' }));
    triage.feed(world.at(29, attach('B')));
    triage.advance(seconds(100));
    expect(triage.list('waiting-unowned')).toEqual([]);
    triage.feed(world.at(100, { verb: 'endSession', session: 'B' }));
    triage.advance(seconds(131));
    expect(triage.list('waiting-unowned')).toMatchObject([{ count: 1, time: seconds(100) }]);
  });

  it('[waiting-unowned] redirected with detach it is handled at a resource, not waiting', () => {
    const { world, triage } = twoSessions();
    triage.feed(
      world.at(0, {
        verb: 'redirect',
        session: 'A',
        interactionid: 'G',
        to: { agent: 'Agent1', type: 'A' },
        detach: true,
      }),
    );
    triage.advance(seconds(100));
    expect(triage.list('waiting-unowned')).toEqual([]);
  });

  it('[waiting-unowned] from a snapshot: unowned there, waiting since it was taken', () => {
    const { world } = twoSessions();
    world.at(0, detach('A'));
    const snapshot = world.engine.snapshot();
    const triage = new Triage(LIMITS);
    triage.load(snapshot, seconds(10));
    triage.advance(seconds(40));
    expect(triage.list('waiting-unowned')).toEqual([]);
    triage.advance(seconds(41));
    expect(triage.list('waiting-unowned')).toMatchObject([{ seq: snapshot.seq, since: seconds(10) }]);
  });
});

describe('feeding', () => {
  it('a batch that overlaps what was fed counts nothing twice', () => {
    const { world, triage, start } = twoSessions();
    const moves = [...world.at(1, move('A', 'B')), ...world.at(2, move('B', 'A'))];
    triage.feed([...start, ...moves.slice(0, 3)]);
    triage.feed(moves);
    triage.feed(moves);
    expect(triage.list('ping-pong').map((a) => a.count)).toEqual([1]);
  });

  it('clear forgets the entries and what was waiting (a new engine life)', () => {
    const { world, triage } = twoSessions();
    triage.feed(world.at(1, detach('A')));
    triage.clear();
    triage.advance(seconds(100));
    expect(triage.list('orphan')).toEqual([]);
  });
});

describe('limits', () => {
  it('defaults, and a change over them', () => {
    expect(triageLimits()).toEqual(DEFAULT_LIMITS);
    expect(triageLimits({ orphan: 5000 })).toEqual({ ...DEFAULT_LIMITS, orphan: 5000 });
  });

  it.each([
    ['orphan', 0],
    ['orphan', -1],
    ['ping-pong', Number.NaN],
    ['idle-session', '60'],
    ['orphans', 1000],
  ])('refuses %s = %s with an error that names it', (kind, value) => {
    expect(() => triageLimits({ [kind]: value })).toThrow(TriageLimitError);
    expect(() => triageLimits({ [kind]: value })).toThrow(`'${kind}'`);
  });
});
