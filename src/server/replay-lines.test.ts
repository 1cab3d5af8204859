import { describe, expect, it } from 'vitest';
import { testRealms } from '../strategy/testing';
import { runStrategyLines, type StrategyRunLine } from './replay-strategies';

const GREET = `<scxml xmlns="http://www.w3.org/2005/07/scxml" version="1.0" datamodel="ecmascript" name="greet">
  <datamodel><data id="greeting" expr="'hello'"/><data id="wait" expr="'2s'"/></datamodel>
  <state id="a">
    <onentry><send event="'tick'" delay="wait"/></onentry>
    <transition event="tick" target="b"><raise event="ticked"/></transition>
    <transition event="poke" target="c"><log expr="greeting + ' ' + _event.data.x"/></transition>
  </state>
  <state id="b"><transition event="ticked" target="end"/></state>
  <state id="c"/>
  <final id="end"/>
</scxml>`;

async function run(lines: string[], documents: Record<string, string> = { 'greet.scxml': GREET }) {
  const options = { realms: await testRealms(), documents: (src: string) => documents[src] ?? null, time: 1 };
  return [...runStrategyLines(options, lines)];
}

const summaries = (out: StrategyRunLine[]) => out.filter((l) => l.type === 'session');

describe('npm run replay: engine command lines', () => {
  it('prints every event and every refusal in order, and goes on after a bad line', async () => {
    const out = await run([
      '{"verb":"arrive","media":"TMediaVoice","session":"S-A","g_uid":"G1"}',
      '',
      '{"verb":"startSession","src":"x","session":"S-B"',
      '{"verb":"teleport"}',
      '{"verb":"associate","session":"S-B","interactionid":"G1","sessionid":"S-A"}',
      '{"verb":"detach","session":"S-A","interactionid":"G1","origin":"api"}',
    ]);
    expect(
      out.map((l) =>
        l.type === 'event'
          ? `${l.seq} ${l.name}`
          : l.type === 'error'
            ? `line ${l.line} ${l.error.code} ${l.error.field}`
            : l.type,
      ),
    ).toEqual([
      '1 interaction.created',
      '2 session.started',
      '3 interaction.owner.changed',
      '4 interaction.added',
      '5 interaction.state.changed',
      'line 3 badcommand line',
      'line 4 badcommand verb',
      'line 5 unknown session',
      '6 interaction.owner.changed',
      '7 interaction.deleted',
      '8 interaction.detach.done',
    ]);
    const origins = out.flatMap((l) => (l.type === 'event' ? [l.cause.origin] : []));
    expect(origins).toEqual([...Array(5).fill('replay'), ...Array(3).fill('api')]);
  });

  it('refuses a __proto__ udata key with badcommand, naming the key', async () => {
    const out = await run([
      '{"verb":"arrive","media":"TMediaVoice","session":"S-A","g_uid":"G1","udata":{"__proto__":"x","lang":"fr"}}',
      '{"verb":"arrive","media":"TMediaVoice","session":"S-A","g_uid":"G1","udata":{"constructor":"c","lang":"fr"}}',
    ]);
    expect(
      out.flatMap((l) => (l.type === 'error' ? [`line ${l.line} ${l.error.code} ${l.error.field}`] : [])),
    ).toEqual(['line 1 badcommand udata.__proto__']);
    const created = out.find((l) => l.type === 'event' && l.name === 'interaction.created');
    expect(
      created?.type === 'event' && created.name === 'interaction.created' && created.data.interaction.udata,
    ).toEqual({
      constructor: 'c',
      lang: 'fr',
    });
  });
});

describe('npm run replay: strategy lines', () => {
  it('[X10] start with parameters: a parameter overrides the <data> of the same id', async () => {
    const out = await run([
      '{"start":"greet.scxml","session":"S-1","params":{"greeting":"bonjour"}}',
      '{"send":"poke","session":"S-1","data":{"x":7}}',
    ]);
    expect(out.find((l) => l.type === 'event')).toMatchObject({
      name: 'session.started',
      session: 'S-1',
      data: { src: 'greet.scxml', trigger: 'start', params: { greeting: 'bonjour' } },
    });
    expect(out.filter((l) => l.type === 'received')).toEqual([
      { type: 'received', session: 'S-1', time: 1, name: 'poke', queue: 'external', data: { x: 7 } },
    ]);
    expect(summaries(out)).toEqual([
      {
        type: 'session',
        session: 'S-1',
        strategy: 'greet',
        received: ['poke'],
        activeStates: ['c'],
        final: null,
      },
    ]);
  });

  it('advance moves the virtual clock: a <send> timer fires, a raised event is received, the final state is named', async () => {
    const out = await run(['{"start":"greet.scxml","session":"S-1"}', '{"advance":1999}', '{"advance":1}']);
    expect(
      out
        .filter((l) => l.type === 'received')
        .map((l) => l.type === 'received' && `${l.time} ${l.queue} ${l.name}`),
    ).toEqual(['2001 external tick', '2001 internal ticked']);
    expect(out.find((l) => l.type === 'event' && l.name === 'session.ended')).toMatchObject({
      time: 2001,
      data: { reason: 'done.scxml' },
    });
    expect(summaries(out)).toEqual([
      {
        type: 'session',
        session: 'S-1',
        strategy: 'greet',
        received: ['tick', 'ticked'],
        activeStates: [],
        final: 'end',
      },
    ]);
  });

  it('the summary names a final state that is the initial state', async () => {
    const done = `<scxml xmlns="http://www.w3.org/2005/07/scxml" version="1.0" datamodel="ecmascript" name="done" initial="over"><final id="over"/></scxml>`;
    const out = await run(['{"start":"done.scxml","session":"S-1"}'], { 'done.scxml': done });
    expect(summaries(out)).toEqual([
      { type: 'session', session: 'S-1', strategy: 'done', received: [], activeStates: [], final: 'over' },
    ]);
  });

  it('a raised event no transition takes is printed where the machine took it off its queue', async () => {
    const unheard = `<scxml xmlns="http://www.w3.org/2005/07/scxml" version="1.0" datamodel="ecmascript" name="unheard">
      <state id="a">
        <onentry><raise event="nobody.listens"/><raise event="go"/><raise event="after"/></onentry>
        <transition event="go" target="b"/>
      </state>
      <state id="b"/>
    </scxml>`;
    const out = await run(['{"start":"unheard.scxml","session":"S-1"}'], { 'unheard.scxml': unheard });
    expect(out.flatMap((l) => (l.type === 'received' ? [`${l.queue} ${l.name}`] : []))).toEqual([
      'internal nobody.listens',
      'internal go',
      'internal after',
    ]);
    expect(summaries(out)).toMatchObject([
      { received: ['nobody.listens', 'go', 'after'], activeStates: ['b'] },
    ]);
  });

  it('[X10] an arrival on a provisioned queue starts its strategy, which receives interaction.added; another queue does not', async () => {
    const out = await run([
      '{"provision":"sales","src":"greet.scxml"}',
      '{"verb":"arrive","media":"TMediaVoice","queue":"sales","g_uid":"G1","session":"S-1"}',
      '{"verb":"arrive","media":"TMediaVoice","queue":"other","g_uid":"G2","session":"S-2"}',
    ]);
    expect(summaries(out)).toEqual([
      {
        type: 'session',
        session: 'S-1',
        strategy: 'greet',
        received: ['interaction.added'],
        activeStates: ['a'],
        final: null,
      },
    ]);
  });

  it('[E1] a bad line is a typed error naming what is wrong, and changes nothing', async () => {
    const out = await run([
      '{"advance":-5}',
      '{"start":"missing.scxml"}',
      '{"send":"poke","session":"S-9"}',
      '{"provision":"","src":"greet.scxml"}',
      '{"teleport":1}',
      '[1]',
    ]);
    expect(out.map((l) => l.type === 'error' && `${l.line} ${l.error.code} ${l.error.field}`)).toEqual([
      '1 badcommand advance',
      '2 unknown src',
      '3 unknown session',
      '4 badcommand provision',
      '5 badcommand line',
      '6 badcommand line',
    ]);
  });
});
