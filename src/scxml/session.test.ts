import { describe, expect, it } from 'vitest';
import { ActionRegistry } from './actions';
import { scxml, testHost } from './testing';

const IXN = 'urn:example:ixn';

describe('states and transitions', () => {
  it('[3.4] a parallel state enters every region, and done.state fires when all regions are final', async () => {
    const { host } = await testHost();
    const session = host.start(
      scxml(`<parallel id="p">
        <state id="r1"><state id="a"><transition event="go" target="af"/></state><final id="af"/></state>
        <state id="r2"><state id="b"><transition event="go" target="bf"/></state><final id="bf"/></state>
        <transition event="done.state.p" target="out"/>
      </parallel><state id="out"/>`),
    );
    expect(session.activeStates()).toEqual(['a', 'b']);
    session.send('go');
    expect(session.activeStates()).toEqual(['out']);
  });

  it('[3.13] of two conflicting transitions the one in the deeper state wins', async () => {
    const { host } = await testHost();
    const session = host.start(
      scxml(`<state id="s"><transition event="e" target="fromParent"/>
        <state id="inner"><transition event="e" target="fromChild"/></state></state>
        <state id="fromParent"/><state id="fromChild"/>`),
    );
    session.send('e');
    expect(session.activeStates()).toEqual(['fromChild']);
  });

  it('[3.13] an eventless transition is taken as soon as its cond holds, before any event', async () => {
    const { host } = await testHost();
    const session = host.start(
      scxml(`<datamodel><data id="n" expr="0"/></datamodel>
        <state id="loop"><onentry><assign location="n" expr="n + 1"/></onentry>
          <transition cond="n &lt; 3" target="loop"/><transition cond="n === 3" target="done"/></state>
        <state id="done"/>`),
    );
    expect(session.activeStates()).toEqual(['done']);
  });

  it('[3.10] shallow history re-enters the child last active; deep history the atomic states', async () => {
    const { host } = await testHost();
    const session = host.start(
      scxml(`<state id="s"><history id="h" type="deep"><transition target="a"/></history>
          <state id="a"><transition event="next" target="b"/></state>
          <state id="b" initial="b1"><state id="b1"><transition event="next" target="b2"/></state><state id="b2"/></state>
          <transition event="leave" target="away"/></state>
        <state id="away"><transition event="back" target="h"/></state>`),
    );
    session.send('next');
    session.send('next');
    session.send('leave');
    expect(session.activeStates()).toEqual(['away']);
    session.send('back');
    expect(session.activeStates()).toEqual(['b2']);
  });

  it('[3.7] reaching a top-level final state ends the session', async () => {
    const { host } = await testHost();
    const session = host.start(
      scxml('<state id="a"><transition event="stop" target="end"/></state><final id="end"/>'),
    );
    session.send('stop');
    expect(session.status).toBe('done');
    expect(session.activeStates()).toEqual(['end']);
    expect(host.lookup(session.id)).toBeUndefined();
  });
});

describe('events and data', () => {
  it('[4.2] raised events are taken in order, before external ones', async () => {
    const { host } = await testHost();
    const session = host.start(
      scxml(`<state id="s0"><onentry><send event="ext"/><raise event="first"/><raise event="second"/></onentry>
          <transition event="first" target="s1"/></state>
        <state id="s1"><transition event="second" target="s2"/><transition event="*" target="wrong"/></state>
        <state id="s2"><transition event="ext" target="ok"/></state><state id="ok"/><state id="wrong"/>`),
    );
    expect(session.activeStates()).toEqual(['ok']);
  });

  it("[5.3] with late binding a state's data is bound when the state is first entered", async () => {
    const { host } = await testHost();
    const session = host.start(
      scxml(
        `<state id="s0"><transition cond="typeof late === 'undefined'" target="s1"/></state>
         <state id="s1"><datamodel><data id="late" expr="42"/></datamodel>
           <transition cond="late === 42" target="ok"/></state><state id="ok"/>`,
        'binding="late"',
      ),
    );
    expect(session.activeStates()).toEqual(['ok']);
  });

  it('[5.9] an error in executable content raises error.execution and stops the rest of the block', async () => {
    const { host, records } = await testHost();
    const session = host.start(
      scxml(`<datamodel><data id="after" expr="false"/></datamodel>
        <state id="s"><onentry><assign location="nothing.here" expr="1"/><assign location="after" expr="true"/></onentry>
        <transition event="error.execution" cond="after === false" target="ok"/></state><state id="ok"/>`),
    );
    expect(session.activeStates()).toEqual(['ok']);
    expect(records.some((r) => r.kind === 'error' && r.error === 'execution' && r.position?.line === 2)).toBe(
      true,
    );
  });

  it('[5.10] _sessionid, _name and _ioprocessors are bound; In() reads the configuration', async () => {
    const { host } = await testHost();
    const session = host.start(
      scxml(
        `<parallel id="p"><state id="a"><transition
          cond="_name === 'machine' &amp;&amp; _ioprocessors.scxml.location === '#_scxml_' + _sessionid &amp;&amp; In('b')"
          target="ok"/></state><state id="b"/></parallel><state id="ok"/>`,
        'name="machine"',
      ),
    );
    expect(session.activeStates()).toEqual(['ok']);
  });
});

describe('time, sessions and invoke', () => {
  it('[6.2] a delayed send waits on the clock; [6.3] cancel stops it', async () => {
    const { host, clock } = await testHost();
    const session = host.start(
      scxml(`<state id="s"><onentry><send event="late" delay="1s"/><send id="x" event="never" delay="500ms"/>
          <cancel sendid="x"/></onentry>
        <transition event="never" target="wrong"/><transition event="late" target="ok"/></state>
        <state id="ok"/><state id="wrong"/>`),
    );
    clock.advance(999);
    expect(session.activeStates()).toEqual(['s']);
    clock.advance(1);
    expect(session.activeStates()).toEqual(['ok']);
  });

  it('[6.2.4] sessions reach each other through #_scxml_<sessionid>; an unknown one is error.communication', async () => {
    const { host } = await testHost();
    const receiver = host.start(
      scxml(
        '<state id="wait"><transition event="hello" cond="_event.data.n === 7" target="ok"/></state><state id="ok"/>',
      ),
    );
    const sender = host.start(
      scxml(`<datamodel><data id="to" expr="'#_scxml_${receiver.id}'"/></datamodel>
        <state id="s"><onentry><send event="hello" targetexpr="to"><param name="n" expr="7"/></send>
          <send event="lost" target="#_scxml_nobody"/></onentry>
        <transition event="error.communication" target="noted"/></state><state id="noted"/>`),
    );
    expect(receiver.activeStates()).toEqual(['ok']);
    expect(sender.activeStates()).toEqual(['noted']);
  });

  it('[6.4] an invoked scxml child runs, talks to its parent, and its end is done.invoke', async () => {
    const { host } = await testHost();
    const parent = host.start(
      scxml(`<state id="s"><invoke id="kid" type="scxml"><content>
          <scxml xmlns="http://www.w3.org/2005/07/scxml" version="1.0" datamodel="ecmascript">
            <state id="c"><onentry><send target="#_parent" event="hi"/></onentry><transition event="bye" target="cf"/></state>
            <final id="cf"/></scxml></content></invoke>
          <transition event="hi" cond="_event.invokeid === 'kid'"><send target="#_kid" event="bye"/></transition>
          <transition event="done.invoke.kid" target="ok"/></state><state id="ok"/>`),
    );
    expect(parent.activeStates()).toEqual(['ok']);
    expect(host.size).toBe(1);
  });

  it('[6.4] an invoke of a type other than scxml is refused with error.execution', async () => {
    const { host, records } = await testHost();
    const session = host.start(
      scxml(`<state id="s"><invoke type="http://example.com/other"/>
        <transition event="error.execution" target="refused"/></state><state id="refused"/>`),
    );
    expect(session.activeStates()).toEqual(['refused']);
    expect(
      records.some(
        (r) => r.kind === 'error' && /type "http:\/\/example.com\/other" is not supported/.test(r.message),
      ),
    ).toBe(true);
  });
});

describe('action registry and trace', () => {
  it("[4.1] a registered namespaced action runs with the session's datamodel", async () => {
    const actions = new ActionRegistry();
    actions.register(IXN, 'associate', (element, context) => {
      context.assign('result', `${element.attributes.get('to')}:${String(context.evaluate('1 + 1'))}`);
    });
    const { host } = await testHost({ actions });
    const session = host.start(
      scxml(`<datamodel><data id="result"/></datamodel>
        <state id="s"><onentry><ixn:associate xmlns:ixn="${IXN}" to="queue"/></onentry>
        <transition cond="result === 'queue:2'" target="ok"/></state><state id="ok"/>`),
    );
    expect(session.activeStates()).toEqual(['ok']);
  });

  it('[4.1] an unknown namespaced element raises error.execution and is traced as a warning, never skipped', async () => {
    const { host, records } = await testHost();
    const session = host.start(
      scxml(`<state id="s"><onentry><ixn:teleport xmlns:ixn="${IXN}"/></onentry>
        <transition event="error.execution" target="reported"/></state><state id="reported"/>`),
    );
    expect(session.activeStates()).toEqual(['reported']);
    const warning = records.find((r) => r.kind === 'warning');
    expect(warning).toMatchObject({
      event: 'error.execution',
      message: `no action is registered for <teleport> in namespace "${IXN}"`,
    });
  });

  it('[3.13] every macrostep is traced: the event, its microsteps with states exited and entered, the end configuration', async () => {
    const { host, records } = await testHost();
    const session = host.start(
      scxml('<state id="a"><transition event="go" target="b"/></state><state id="b"/>'),
    );
    records.length = 0;
    session.send('go');
    expect(records.map((r) => r.kind)).toEqual(['macrostep.start', 'microstep', 'macrostep.end']);
    expect(records[1]).toMatchObject({
      transitions: [{ source: 'a', event: ['go'], targets: ['b'] }],
      exited: ['a'],
      entered: ['b'],
    });
    expect(records[2]).toMatchObject({ configuration: ['b'] });
  });
});
