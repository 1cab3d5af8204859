import { describe, expect, it } from 'vitest';
import { ScriptError } from '../scxml/script/realm';
import { arrive, strategy, strategyRig, testRealms } from './testing';

const GREET = strategy(
  'greet',
  `<datamodel><data id="greeting" expr="'hello'"/><data id="tries" expr="1"/></datamodel>
   <state id="a"><onentry><log label="data" expr="greeting + ' ' + tries"/></onentry>
     <transition event="interaction.added" target="b"/>
     <transition event="finish" target="end"/></state>
   <state id="b"><transition event="finish" target="end"/></state>
   <final id="end"/>`,
);

describe('How sessions get strategies, and how they end', () => {
  it('[X10] [S1] an arrival on a provisioned queue starts a session with its strategy, which takes interaction.added', async () => {
    const rig = await strategyRig({ 'greet.scxml': GREET });
    expect(rig.runtime.provision('sales', 'greet.scxml')).toEqual({ ok: true, value: { strategy: 'greet' } });
    arrive(rig.engine, 'sales', 'G1', 'S-1');
    arrive(rig.engine, 'other', 'G2', 'S-2');
    expect(rig.taken('S-1')).toEqual(['interaction.added']);
    expect(rig.runtime.query('S-1')).toEqual({
      session: 'S-1',
      strategy: 'greet',
      src: 'greet.scxml',
      activeStates: ['b'],
      interactions: ['G1'],
    });
    expect(rig.runtime.query('S-2')).toBeNull();
  });

  it('[X10] start with a src and parameters: a parameter overrides the <data> of the same id; the parameters are journaled', async () => {
    const rig = await strategyRig({ 'greet.scxml': GREET });
    const started = rig.runtime.start('greet.scxml', { greeting: 'bonjour' }, { session: 'S-P' });
    expect(started).toEqual({ ok: true, value: { session: 'S-P' } });
    expect(rig.logs('S-P')).toEqual(['data: bonjour 1']);
    expect(rig.journal[0]?.data).toEqual({
      src: 'greet.scxml',
      trigger: 'start',
      params: { greeting: 'bonjour' },
    });
  });

  it('[E1] a src that names no document, or a document that does not compile, is refused with its line and column; nothing is journaled', async () => {
    const rig = await strategyRig({
      'broken.scxml': strategy('broken', '<state id="a"><transition target="nowhere"/></state>'),
    });
    expect(rig.runtime.start('missing.scxml')).toEqual({
      ok: false,
      error: { code: 'unknown', field: 'src', reason: 'no document "missing.scxml"' },
    });
    const broken = rig.runtime.start('broken.scxml');
    expect(broken.ok ? null : broken.error).toMatchObject({
      code: 'baddocument',
      field: 'src',
      position: { line: 1, column: expect.any(Number) },
    });
    expect(rig.runtime.provision('q', 'broken.scxml').ok).toBe(false);
    expect(rig.runtime.provisioning.size).toBe(0);
    const dispatched = rig.runtime.dispatch({ verb: 'startSession', src: 'broken.scxml' });
    expect(dispatched.ok ? null : dispatched.error).toMatchObject({ code: 'badcommand', field: 'src' });
    expect(rig.engine.seq).toBe(0);
  });

  it('[X11] [B6] a session reaching its top-level final ends its engine session, which releases what it owns', async () => {
    const rig = await strategyRig({ 'greet.scxml': GREET });
    rig.runtime.provision('sales', 'greet.scxml');
    arrive(rig.engine, 'sales', 'G1', 'S-1');
    expect(rig.runtime.send('S-1', 'finish').ok).toBe(true);
    expect(rig.engine.state.sessions.get('S-1')?.state).toBe('ended');
    expect(rig.engine.state.interactions.get('G1')?.owner).toBeNull();
    const ended = rig.journal.at(-1);
    expect(ended?.name).toBe('session.ended');
    expect(ended?.data).toEqual({ reason: 'done.scxml' });
    expect(ended?.cause).toMatchObject({
      origin: 'strategy',
      strategy: { strategy: 'greet', session: 'S-1', state: 'end', element: 'final' },
    });
    expect(rig.runtime.query('S-1')).toBeNull();
  });

  it('[X11] a session whose initial state is its final ends at once, and the cause names that state', async () => {
    const rig = await strategyRig({ 'over.scxml': strategy('over', '<final id="over"/>') });
    expect(rig.runtime.start('over.scxml', undefined, { session: 'S-O' }).ok).toBe(true);
    const ended = rig.journal.at(-1);
    expect(ended?.name).toBe('session.ended');
    expect(ended?.cause.strategy).toMatchObject({ strategy: 'over', state: 'over', element: 'final' });
  });

  it('[X11] [S2] an engine session ended from outside ends its state machine, running its onexit handlers', async () => {
    const doc = strategy(
      'leaving',
      `<state id="outer"><onexit><log label="exit" expr="'outer'"/></onexit>
         <state id="inner"><onexit><log label="exit" expr="'inner'"/></onexit></state></state>`,
    );
    const rig = await strategyRig({ 'leaving.scxml': doc });
    rig.runtime.start('leaving.scxml', undefined, { session: 'S-1' });
    rig.engine.execute({ verb: 'endSession', session: 'S-1', reason: 'terminated' });
    expect(rig.logs('S-1')).toEqual(['exit: inner', 'exit: outer']);
    expect(rig.runtime.query('S-1')).toBeNull();
    expect(rig.trace.at(-1)).toEqual({ kind: 'session.end', session: 'S-1', reason: 'cancelled' });
    expect(rig.runtime.send('S-1', 'finish').ok).toBe(false);
  });

  it("[X10] a runtime given no dialect runs ORS's: send@event and delay are expressions, error events are named as ORS names them", async () => {
    const ors = strategy(
      'ors',
      `<state id="a">
         <onentry><send event="'wake.' + 'up'" delay="'1s'"/><script>undefined.x</script></onentry>
         <transition event="error.script" target="b"/>
       </state>
       <state id="b"><transition event="wake.up" target="c"/></state>
       <state id="c"/>`,
    );
    const rig = await strategyRig({ 'ors.scxml': ors });
    rig.runtime.start('ors.scxml', undefined, { session: 'S-O' });
    rig.clock.advance(1_000);
    expect(rig.taken('S-O')).toEqual(['wake.up']);
    expect(rig.runtime.query('S-O')?.activeStates).toEqual(['c']);
  });

  it('[E1] send refuses a session without a strategy and a malformed event name, naming the field; nothing is journaled', async () => {
    const rig = await strategyRig({ 'greet.scxml': GREET });
    rig.runtime.start('greet.scxml', undefined, { session: 'S-1' });
    expect(rig.runtime.send('S-9', 'go')).toMatchObject({
      ok: false,
      error: { code: 'unknown', field: 'session' },
    });
    expect(rig.runtime.send('S-1', 'two words')).toMatchObject({ ok: false, error: { field: 'event' } });
    rig.engine.execute({ verb: 'startSession', src: 'plain', session: 'S-PLAIN' });
    const plain = rig.runtime.dispatch({ verb: 'sendEvent', session: 'S-PLAIN', event: 'go' });
    expect(plain.ok ? null : plain.error).toMatchObject({ code: 'unknown', field: 'session' });
    expect(rig.taken('S-1')).toEqual([]);
    expect(rig.journal.map((e) => e.name)).toEqual(['session.started', 'session.started']);
  });

  it('[isolation] a runaway strategy ends only its own session, and the journal says why', async () => {
    const runaway = strategy(
      'runaway',
      `<state id="a"><transition event="interaction.added" target="b"><script>while (true) {}</script></transition></state><state id="b"/>`,
    );
    const rig = await strategyRig({ 'runaway.scxml': runaway, 'greet.scxml': GREET });
    rig.runtime.provision('loop', 'runaway.scxml');
    rig.runtime.provision('sales', 'greet.scxml');
    arrive(rig.engine, 'sales', 'G1', 'S-OK');
    arrive(rig.engine, 'loop', 'G2', 'S-BAD');
    const ended = rig.journal.filter((e) => e.name === 'session.ended');
    expect(ended.map((e) => [e.session, e.data])).toEqual([
      ['S-BAD', { reason: 'failed', detail: expect.stringContaining('ran out of time') }],
    ]);
    expect(ended[0]?.cause.strategy).toMatchObject({ strategy: 'runaway', element: 'script', line: 1 });
    expect(rig.engine.state.interactions.get('G2')?.owner).toBeNull();
    expect(rig.runtime.send('S-OK', 'finish').ok).toBe(true);
    expect(rig.engine.state.sessions.get('S-OK')?.state).toBe('ended');
  });

  it('[isolation] a session whose realm cannot be made (the heap is full) fails alone; the arrival is not refused', async () => {
    const realms = await testRealms();
    let full = false;
    const rig = await strategyRig(
      { 'greet.scxml': GREET },
      {
        realms: {
          create: (limits) => {
            if (full) throw new ScriptError('memory', 'the heap is full');
            return realms.create(limits);
          },
        },
      },
    );
    rig.runtime.provision('sales', 'greet.scxml');
    full = true;
    arrive(rig.engine, 'sales', 'G1', 'S-FULL');
    full = false;
    arrive(rig.engine, 'sales', 'G2', 'S-OK');
    const ended = rig.journal.filter((e) => e.name === 'session.ended');
    expect(ended.map((e) => [e.session, e.data])).toEqual([
      ['S-FULL', { reason: 'failed', detail: 'the strategy could not start: the heap is full' }],
    ]);
    expect(rig.engine.state.interactions.get('G1')?.owner).toBeNull();
    expect(rig.runtime.query('S-OK')?.activeStates).toEqual(['b']);
  });
});
