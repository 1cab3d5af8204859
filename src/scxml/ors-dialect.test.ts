import { describe, expect, it } from 'vitest';
import { refusal, scxml, testHost } from './testing';

const orsHost = () => testHost({ dialect: 'ors' });

describe('the ORS dialect: attributes written as expressions', () => {
  it('[X1] send@event and send@delay are expressions: event="\'Entry1.done\'" delay="\'200ms\'"', async () => {
    const { host, clock } = await orsHost();
    const session = host.start(
      scxml(`<state id="Entry1"><onentry><send event="'Entry1.done'" delay="'200ms'"/></onentry>
        <transition event="Entry1.done" target="Next"/></state><state id="Next"/>`),
    );
    clock.advance(199);
    expect(session.activeStates()).toEqual(['Entry1']);
    clock.advance(1);
    expect(session.activeStates()).toEqual(['Next']);
  });

  it('[X1] send@target is an expression', async () => {
    const { host } = await orsHost();
    const session = host.start(
      scxml(`<datamodel><data id="where" expr="'#_internal'"/></datamodel>
        <state id="s"><onentry><send event="'ext'"/><send event="'inner'" target="where"/></onentry>
        <transition event="inner" target="internalFirst"/><transition event="ext" target="wrong"/></state>
        <state id="internalFirst"/><state id="wrong"/>`),
    );
    expect(session.activeStates()).toEqual(['internalFirst']);
  });

  it('[X1] send@targettype (the May 2009 name of type) is an expression; an unknown type is error.send.targettypeinvalid', async () => {
    const { host } = await orsHost();
    const session = host.start(
      scxml(`<state id="Send"><onentry><send event="'ok'" targettype="'scxml'"/><send event="'x'" targettype="'sip'"/></onentry>
        <transition event="error.send.targettypeinvalid.Send" target="Refused"/></state>
        <state id="Refused"><transition event="ok" target="Both"/></state><state id="Both"/>`),
    );
    expect(session.activeStates()).toEqual(['Both']);
  });

  it('[X1] cancel@sendid is an expression, and ORS answers cancel.successful with the sendid', async () => {
    const { host, clock } = await orsHost();
    const session = host.start(
      scxml(`<datamodel><data id="timer"/></datamodel>
        <state id="s"><onentry><send event="'late'" delay="'1s'" idlocation="timer"/><cancel sendid="timer"/></onentry>
        <transition event="cancel.successful" cond="_event.data.sendid === timer" target="cancelled"/>
        <transition event="late" target="wrong"/></state>
        <state id="cancelled"><transition event="late" target="wrong"/></state><state id="wrong"/>`),
    );
    expect(session.activeStates()).toEqual(['cancelled']);
    clock.advance(2000);
    expect(session.activeStates()).toEqual(['cancelled']);
  });

  it('[6.3] in the ORS dialect, cancelling a send that is not pending answers error.cancel.notallowed', async () => {
    const { host } = await orsHost();
    const session = host.start(
      scxml(`<state id="s"><onentry><cancel sendid="'nothing'"/></onentry>
        <transition event="error.cancel.notallowed" cond="_event.sendid === 'nothing'" target="refused"/></state>
        <state id="refused"/>`),
    );
    expect(session.activeStates()).toEqual(['refused']);
  });

  it('[X1] an event attribute that is not a valid expression raises error.script.<type>, not a literal name', async () => {
    const { host } = await orsHost();
    const session = host.start(
      scxml(`<state id="s"><onentry><send event="Entry1.done"/></onentry>
        <transition event="error.script.ReferenceError" target="reported"/>
        <transition event="Entry1.done" target="wrong"/></state><state id="reported"/><state id="wrong"/>`),
    );
    expect(session.activeStates()).toEqual(['reported']);
  });

  it('[6.2] the W3C dialect keeps send@event a literal (the same document sends a name with quotes)', async () => {
    const { host } = await testHost();
    const session = host.start(
      scxml(`<state id="s"><onentry><send event="'quoted'"/></onentry>
        <transition event="quoted" target="wrong"/><transition event="*" target="literal"/></state>
        <state id="literal"/><state id="wrong"/>`),
    );
    expect(session.activeStates()).toEqual(['literal']);
  });
});

describe('the ORS dialect: raise, log, _data', () => {
  it('[4.2] <raise> with <param> puts the params in _event.data', async () => {
    const { host } = await orsHost();
    const session = host.start(
      scxml(`<state id="s"><onentry><raise event="go"><param name="n" expr="40 + 2"/><param name="who" expr="'me'"/></raise></onentry>
        <transition event="go" cond="_event.data.n === 42 &amp;&amp; _event.data.who === 'me'" target="ok"/></state>
        <state id="ok"/>`),
    );
    expect(session.activeStates()).toEqual(['ok']);
  });

  it('[4.2] the W3C dialect refuses <raise> with <param>, naming where', () => {
    const error = refusal(
      scxml(
        '<state id="s"><onentry>\n<raise event="go"><param name="n" expr="1"/></raise></onentry></state>',
      ),
      { dialect: 'w3c' },
    );
    expect(error.reason).toBe('<raise> takes no <param> in the W3C dialect (the ORS dialect allows it)');
    expect(error.position.line).toBe(2);
  });

  it('[4.7] <log level> is traced with its level', async () => {
    const { host, records } = await orsHost();
    host.start(
      scxml(`<state id="s"><onentry><log label="greeting" expr="'hello'" level="3"/></onentry></state>`),
    );
    expect(records.find((r) => r.kind === 'action' && r.action === 'log')).toMatchObject({
      detail: 'greeting: hello',
      level: 3,
    });
  });

  it('[4.7] a <log level> that is not a non-negative integer is refused with its line and column', () => {
    const error = refusal(
      scxml('<state id="s"><onentry>\n  <log expr="1" level="high"/></onentry></state>'),
      { dialect: 'ors' },
    );
    expect(error.reason).toBe('<log> level must be a non-negative integer, not "high"');
    expect(error.position).toEqual({ line: 2, column: 3 });
  });

  it('[5.10] _data holds the data items: _data.x and x are the same variable', async () => {
    const { host } = await orsHost();
    const session = host.start(
      scxml(`<datamodel><data id="count" expr="1"/><data id="name"/></datamodel>
        <state id="s"><onentry><assign location="_data.count" expr="_data.count + 1"/><assign location="name" expr="'ann'"/></onentry>
        <transition cond="count === 2 &amp;&amp; _data.name === 'ann'" target="ok"/></state><state id="ok"/>`),
    );
    expect(session.activeStates()).toEqual(['ok']);
  });

  it('[5.10] _data itself cannot be replaced: the assign fails as an illegal location', async () => {
    const { host } = await orsHost();
    const session = host.start(
      scxml(`<datamodel><data id="x" expr="1"/></datamodel>
        <state id="s"><onentry><assign location="_data" expr="5"/></onentry>
        <transition event="error.illegalloc" cond="_data.x === 1" target="kept"/></state><state id="kept"/>`),
    );
    expect(session.activeStates()).toEqual(['kept']);
  });

  it('[X1] the ORS dialect refuses datamodel="null" (ORS runs ECMAScript only)', () => {
    const error = refusal(
      '<scxml xmlns="http://www.w3.org/2005/07/scxml" version="1.0" datamodel="null"><state id="s"/></scxml>',
      { dialect: 'ors' },
    );
    expect(error.reason).toBe('ORS runs the ECMAScript datamodel only');
  });
});
