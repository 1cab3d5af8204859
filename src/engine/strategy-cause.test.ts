import { describe, expect, it } from 'vitest';
import { Engine } from './engine';
import type { EngineEvent } from './events';
import { accept, arrival, newEngine, startedSession } from './testing';

const WHERE = {
  strategy: 'route',
  session: 'S-1',
  state: 'routing',
  within: 'transition',
  element: 'ixn:associate',
  line: 12,
  event: 'interaction.added',
} as const;

describe('Strategy causes, start parameters, sent events and listeners that run commands', () => {
  it('[S3] a command made by a strategy carries where it was made in the cause of each of its events', () => {
    const engine = newEngine();
    const { session, g_uid } = arrival(engine);
    const target = startedSession(engine);
    const events = accept(engine, {
      verb: 'associate',
      origin: 'strategy',
      strategy: { ...WHERE, session },
      session,
      interactionid: g_uid,
      sessionid: target,
    });
    expect(events.map((e) => e.cause.strategy)).toEqual(events.map(() => ({ ...WHERE, session })));
    expect(events.every((e) => e.cause.origin === 'strategy')).toBe(true);
  });

  it('[E1] a strategy cause of the wrong shape is refused, naming the field, and changes nothing', () => {
    const engine = newEngine();
    const before = engine.seq;
    const result = engine.dispatch({
      verb: 'startSession',
      src: 'x',
      origin: 'strategy',
      strategy: { ...WHERE, line: 'twelve' },
    });
    expect(result.ok ? null : result.error).toMatchObject({ code: 'badcommand', field: 'strategy.line' });
    expect(engine.seq).toBe(before);
  });

  it('[S1] start parameters are journaled with the start; values deeper than a list or map of scalars are refused', () => {
    const engine = newEngine();
    const params = { customer: 'C-1', tries: 2, tags: ['a', 'b'], address: { city: 'Paris' } };
    const [started] = accept(engine, { verb: 'startSession', src: 'app.scxml', params });
    expect(started?.data).toEqual({ src: 'app.scxml', trigger: 'start', params });
    const deep = engine.dispatch({ verb: 'startSession', src: 'app.scxml', params: { a: { b: { c: 1 } } } });
    expect(deep.ok ? null : deep.error).toMatchObject({ code: 'badcommand', field: 'params.a' });
  });

  it('[S2] a session that failed says so and why in its end event', () => {
    const engine = newEngine();
    const session = startedSession(engine);
    const events = accept(engine, {
      verb: 'endSession',
      session,
      reason: 'failed',
      detail: 'script ran out of time',
    });
    expect(events.at(-1)?.data).toEqual({ reason: 'failed', detail: 'script ran out of time' });
  });

  it('[S3] a listener that runs a command does not make another listener see batches out of seq order', () => {
    const engine = new Engine({ clock: () => 0 });
    const seen: number[][] = [];
    // The first listener reacts to a start by ending the session, as a strategy reaching <final> does.
    engine.subscribe((events) => {
      for (const event of events)
        if (event.name === 'session.started')
          accept(engine, { verb: 'endSession', session: event.session ?? '' });
    });
    engine.subscribe((events: readonly EngineEvent[]) => seen.push(events.map((e) => e.seq)));
    accept(engine, { verb: 'startSession', src: 'a', session: 'S-A' });
    expect(seen).toEqual([[1], [2]]);
  });

  it('[E2] events made elsewhere are appended in seq order and told to listeners; a gap is refused', () => {
    const source = newEngine();
    const events = accept(source, { verb: 'startSession', src: 'a', session: 'S-A' });
    const copy = newEngine();
    const told: EngineEvent[] = [];
    copy.subscribe((batch) => told.push(...batch));
    copy.append(events);
    expect(told).toEqual(events);
    expect(copy.snapshot()).toEqual(source.snapshot());
    expect(() => copy.append(events)).toThrow(/does not follow/);
  });

  it('[X13] an event sent to a running session is journaled with its data; an ended session or a bad name is refused', () => {
    const engine = newEngine();
    const session = startedSession(engine);
    const [sent] = accept(engine, { verb: 'sendEvent', session, event: 'operator.go', data: { to: 'S-2' } });
    expect(sent).toMatchObject({
      name: 'session.event',
      session,
      data: { event: 'operator.go', data: { to: 'S-2' } },
    });
    const spaced = engine.dispatch({ verb: 'sendEvent', session, event: 'two words' });
    expect(spaced.ok ? null : spaced.error).toMatchObject({ code: 'badcommand', field: 'event' });
    accept(engine, { verb: 'endSession', session });
    const ended = engine.dispatch({ verb: 'sendEvent', session, event: 'go' });
    expect(ended.ok ? null : ended.error).toMatchObject({ code: 'invalidstate', field: 'session' });
  });
});
