import { describe, expect, it } from 'vitest';
import { replayStrategies } from './replay';
import { strategy, strategyRig, testRealms } from './testing';

/**
 * The invoker: started as S-1, it detaches G1 (an interaction of its own) and, in `waiting`,
 * invokes `child.scxml` with the interaction's id; `leave` takes it out of `waiting`.
 */
const INVOKER = strategy(
  'invoker',
  `<datamodel><data id="ixnid" expr="''"/></datamodel>
   <state id="detaching">
     <transition event="interaction.added" target="detaching">
       <assign location="ixnid" expr="_event.data.interactionid"/>
       <ixn:detach interactionid="ixnid"/>
     </transition>
     <transition event="interaction.detach.done" target="waiting"/>
   </state>
   <state id="waiting">
     <invoke id="helper" src="child.scxml"><param name="ixnid" expr="ixnid"/></invoke>
     <transition event="done.invoke.helper" target="done">
       <log label="done" expr="JSON.stringify(_event.data)"/>
     </transition>
     <transition event="leave" target="left"/>
   </state>
   <state id="left"/>
   <final id="done"/>`,
);

/** The child: attaches the interaction it is given; `finish` takes it to its final with done data. */
const CHILD = strategy(
  'child',
  `<datamodel><data id="ixnid"/></datamodel>
   <state id="holding">
     <onentry><log label="id" expr="_sessionid"/><ixn:attach interactionid="ixnid"/></onentry>
     <onexit><log label="exit" expr="'holding'"/></onexit>
     <transition event="finish" target="over"/>
   </state>
   <final id="over"><donedata><param name="held" expr="ixnid"/></donedata></final>`,
);

async function invokedRig() {
  const rig = await strategyRig({ 'invoker.scxml': INVOKER, 'child.scxml': CHILD });
  rig.runtime.provision('q', 'invoker.scxml');
  rig.engine.execute({ verb: 'arrive', media: 'TMediaVoice', queue: 'q', g_uid: 'G1', session: 'S-1' });
  const started = rig.journal.filter((e) => e.name === 'session.started' && e.data.trigger === 'invoke');
  const child = started[0]?.session ?? '';
  return { ...rig, child };
}

describe('Sessions started by <invoke> are ORS sessions', () => {
  it('[X10] an <invoke> in a strategy starts an engine session naming its invoker; its _sessionid is that session', async () => {
    const rig = await invokedRig();
    const started = rig.journal.find((e) => e.name === 'session.started' && e.session === rig.child);
    expect(started?.data).toEqual({
      src: 'child.scxml',
      trigger: 'invoke',
      invoker: { session: 'S-1', invokeid: 'helper' },
    });
    expect(started?.cause).toMatchObject({
      origin: 'strategy',
      strategy: { strategy: 'invoker', session: 'S-1', state: 'waiting', element: 'invoke' },
    });
    expect(rig.engine.state.sessions.get(rig.child)).toMatchObject({
      state: 'running',
      invoker: { session: 'S-1', invokeid: 'helper' },
    });
    expect(rig.logs(rig.child)[0]).toBe(`id: ${rig.child}`);
    expect(rig.runtime.query(rig.child)).toMatchObject({ strategy: 'child', activeStates: ['holding'] });
  });

  it('[X10] [I1] an invoked session acts on interactions under the same rules: its ixn:attach is the engine attach, caused by it', async () => {
    const rig = await invokedRig();
    expect(rig.engine.state.interactions.get('G1')?.owner).toBe(rig.child);
    const attached = rig.journal.find((e) => e.name === 'interaction.attach.done');
    expect(attached?.cause).toMatchObject({
      origin: 'strategy',
      strategy: { strategy: 'child', session: rig.child, element: 'ixn:attach' },
    });
    expect(rig.taken(rig.child)).toEqual(['interaction.added', 'interaction.attach.done']);
    expect(rig.runtime.query(rig.child)?.interactions).toEqual(['G1']);
  });

  it('[X11] [B6] an invoked session reaching its final ends its engine session, releasing what it owns, and done.invoke.<id> reaches the invoker', async () => {
    const rig = await invokedRig();
    expect(rig.runtime.send(rig.child, 'finish').ok).toBe(true);
    const ended = rig.journal.find((e) => e.name === 'session.ended' && e.session === rig.child);
    expect(ended?.data).toEqual({ reason: 'done.scxml' });
    expect(rig.engine.state.interactions.get('G1')?.owner).toBeNull();
    expect(rig.taken('S-1')).toContain('done.invoke.helper');
    expect(rig.logs('S-1')).toEqual(['done: {"held":"G1"}']);
    expect(rig.engine.state.sessions.get('S-1')?.state).toBe('ended');
  });

  it('[X11] [B6] an invoked session ends when its invoker leaves the invoking state: its onexit runs, its engine session is terminated, what it owns is released', async () => {
    const rig = await invokedRig();
    expect(rig.runtime.send('S-1', 'leave').ok).toBe(true);
    expect(rig.logs(rig.child)).toContain('exit: holding');
    const ended = rig.journal.find((e) => e.name === 'session.ended' && e.session === rig.child);
    expect(ended?.data).toEqual({ reason: 'terminated', detail: 'its invoker left' });
    const released = rig.journal.find(
      (e) => e.name === 'interaction.owner.changed' && e.data.via === 'release',
    );
    expect(released?.data).toMatchObject({ interactionid: 'G1', from: rig.child, to: null });
    expect(rig.taken('S-1')).not.toContain('done.invoke.helper');
    expect(rig.runtime.query('S-1')?.activeStates).toEqual(['left']);
  });

  it('[X11] an invoker ended from outside ends its invoked session with it, both onexit handlers running', async () => {
    const rig = await invokedRig();
    rig.engine.execute({ verb: 'endSession', session: 'S-1', reason: 'terminated' });
    expect(rig.logs(rig.child)).toContain('exit: holding');
    expect(rig.engine.state.sessions.get(rig.child)?.state).toBe('ended');
    expect(rig.engine.state.interactions.get('G1')?.owner).toBeNull();
  });

  it('[X11] stopping the runtime cancels invoked sessions without running their onexit or ending their engine sessions', async () => {
    const rig = await invokedRig();
    rig.runtime.stop();
    expect(rig.logs(rig.child)).not.toContain('exit: holding');
    expect(rig.engine.state.sessions.get(rig.child)?.state).toBe('running');
    expect(rig.engine.state.interactions.get('G1')?.owner).toBe(rig.child);
  });

  it('[X10] an invoked session whose machine cannot be made fails its engine session and leaves the runtime; the <invoke> fails in its invoker', async () => {
    const base = await testRealms();
    let made = 0;
    const realms = {
      create: (limits: Parameters<typeof base.create>[0]) => {
        if (++made === 2) throw new Error('the heap is full');
        return base.create(limits);
      },
    };
    const rig = await strategyRig({ 'invoker.scxml': INVOKER, 'child.scxml': CHILD }, { realms });
    rig.runtime.provision('q', 'invoker.scxml');
    rig.engine.execute({ verb: 'arrive', media: 'TMediaVoice', queue: 'q', g_uid: 'G1', session: 'S-1' });
    const child = rig.journal.find(
      (e) => e.name === 'session.started' && e.data.trigger === 'invoke',
    )?.session;
    if (child == null) throw new Error('no invoked session was started');
    const ended = rig.journal.find((e) => e.name === 'session.ended' && e.session === child);
    expect(ended?.data).toEqual({
      reason: 'failed',
      detail: 'the invoked strategy could not start: the heap is full',
    });
    expect(rig.engine.state.sessions.get(child)?.state).toBe('ended');
    expect(rig.runtime.sessions).toEqual(['S-1']);
    const failed = rig.trace.find((r) => r.kind === 'error' && r.session === 'S-1');
    expect(failed).toMatchObject({
      error: 'execution',
      message: expect.stringContaining('the heap is full'),
    });
  });

  it('[E2] a run with an invoked session replays to the same journal and state', async () => {
    const live = await invokedRig();
    live.runtime.send('S-1', 'leave');
    const documents: Record<string, string> = { 'invoker.scxml': INVOKER, 'child.scxml': CHILD };
    const replay = replayStrategies(live.journal, {
      realms: await testRealms(),
      documents: (src) => documents[src] ?? null,
      provisioning: new Map([['q', 'invoker.scxml']]),
    });
    if (!replay.ok) throw new Error(replay.error.reason);
    expect(replay.mismatch).toBeNull();
    expect(replay.engine.eventsSince(0)).toEqual(live.journal);
    expect(replay.engine.snapshot()).toEqual(live.engine.snapshot());
  });

  it('[X10] [E1] the engine refuses an invoker that is not running; a start that names one is refused', async () => {
    const rig = await strategyRig({});
    const refused = rig.engine.dispatch({
      verb: 'startSession',
      src: 'x.scxml',
      invoker: { session: 'S-NONE', invokeid: 'i' },
    });
    expect(refused.ok ? null : refused.error).toMatchObject({ code: 'unknown', field: 'invoker.session' });
  });
});
