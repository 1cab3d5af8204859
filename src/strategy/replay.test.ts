import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../scxml/trace';
import { replayStrategies } from './replay';
import { arrive, strategy, strategyRig, testRealms } from './testing';

/**
 * Waits 500 ms after an arrival (a delayed <send>), then moves the interaction to the session the
 * start parameter `target` names; a second arrival while waiting is detached.
 */
const TRANSFER = strategy(
  'transfer',
  `<datamodel><data id="target" expr="'S-T'"/><data id="id"/></datamodel>
   <state id="waiting">
     <transition event="interaction.added" target="holding">
       <assign location="id" expr="_event.data.interactionid"/>
       <send event="'go'" delay="'500ms'"/>
     </transition>
   </state>
   <state id="holding">
     <transition event="go" target="moving">
       <ixn:associate interactionid="id" sessionid="target"/>
     </transition>
   </state>
   <state id="moving"><transition event="interaction.associate.done" target="done"/></state>
   <final id="done"/>`,
);
const LISTEN = strategy('listen', `<state id="idle"><transition event="*"/></state>`);
const DOCUMENTS = { 'transfer.scxml': TRANSFER, 'listen.scxml': LISTEN };

async function liveRun() {
  const rig = await strategyRig(DOCUMENTS);
  rig.runtime.provision('sales', 'transfer.scxml');
  rig.clock.advance(1_000);
  rig.runtime.start('listen.scxml', undefined, { session: 'S-T' });
  arrive(rig.engine, 'sales', 'G1', 'S-1');
  rig.clock.advance(200);
  rig.runtime.send('S-T', 'operator.note', { text: 'hello' });
  arrive(rig.engine, 'sales', 'G2', 'S-2');
  rig.clock.advance(1_000);
  return rig;
}

describe('Replaying a journal re-runs the strategies', () => {
  it('[S3] a move made by a strategy names the strategy, session, state, element and line, and the event taken', async () => {
    const rig = await liveRun();
    const moves = rig.journal.filter(
      (e) => e.name === 'interaction.owner.changed' && e.data.via === 'associate',
    );
    expect(moves.map((e) => e.cause.strategy)).toEqual([
      {
        strategy: 'transfer',
        session: 'S-1',
        state: 'holding',
        within: 'transition',
        element: 'ixn:associate',
        line: lineOf(TRANSFER, '<ixn:associate'),
        event: 'go',
      },
      expect.objectContaining({ session: 'S-2' }),
    ]);
    expect(moves.map((e) => e.time)).toEqual([1_500, 1_700]);
  });

  it('[E2] replaying the journal rebuilds the same state, the same journal and the same trace (events sent from outside included)', async () => {
    const live = await liveRun();
    const trace: TraceRecord[] = [];
    const replay = replayStrategies(live.journal, {
      realms: await testRealms(),
      documents: (src) => DOCUMENTS[src as keyof typeof DOCUMENTS] ?? null,
      provisioning: new Map([['sales', 'transfer.scxml']]),
      onTrace: (record) => trace.push(record),
    });
    if (!replay.ok) throw new Error(replay.error.reason);
    expect(replay.mismatch).toBeNull();
    expect(replay.engine.eventsSince(0)).toEqual(live.journal);
    expect(replay.engine.snapshot()).toEqual(live.engine.snapshot());
    expect(trace).toEqual(live.trace);
    expect(live.taken('S-T')).toContain('operator.note');
  });

  it('[E2] a strategy that acts differently on replay is caught at the first event that differs', async () => {
    const live = await liveRun();
    const changed = TRANSFER.replace(`delay="'500ms'"`, `delay="'400ms'"`);
    const replay = replayStrategies(live.journal, {
      realms: await testRealms(),
      documents: (src) => (src === 'transfer.scxml' ? changed : LISTEN),
      provisioning: new Map([['sales', 'transfer.scxml']]),
    });
    if (!replay.ok) throw new Error(replay.error.reason);
    const firstMove = live.journal.find((e) => e.cause.origin === 'strategy');
    expect(replay.mismatch?.seq).toBe(firstMove?.seq);
    expect(replay.mismatch?.actual?.time).toBe(1_400);
  });
});

const lineOf = (text: string, part: string) => text.split('\n').findIndex((line) => line.includes(part)) + 1;
