import { describe, expect, it } from 'vitest';
import { scxml, testHost } from './testing';
import type { TraceRecord } from './trace';

const LIMITS = { stepMs: 50, memoryBytes: 8 * 1024 * 1024 };

/** A parent invoking a child that runs `script` on entry; it logs what it heard of the child. */
const parent = (script: string) =>
  scxml(
    `<datamodel><data id="heard" expr="[]"/></datamodel>
    <state id="waiting">
      <invoke id="child" type="scxml"><content>
        <scxml xmlns="http://www.w3.org/2005/07/scxml" version="1.0" datamodel="ecmascript" initial="work">
          <state id="work"><onentry><script>${script}</script></onentry></state>
        </scxml>
      </content></invoke>
      <transition event="error.platform">
        <assign location="heard" expr="heard.concat([[_event.name, _event.type, _event.invokeid, _event.data.message]])"/>
      </transition>
      <transition event="done.invoke.child" target="after">
        <assign location="heard" expr="heard.concat([[_event.name, _event.type, _event.invokeid, _event.data]])"/>
      </transition>
    </state>
    <state id="after"><onentry><log label="heard" expr="JSON.stringify(heard)"/></onentry></state>`,
    'initial="waiting"',
  );

function heard(records: readonly TraceRecord[]): unknown {
  const log = records.find((r) => r.kind === 'action' && r.action === 'log');
  if (log?.kind !== 'action' || log.detail === undefined) throw new Error('the parent logged nothing');
  return JSON.parse(log.detail.slice('heard: '.length));
}

describe('[6.4] a child session that fails', () => {
  it.each([
    ['an endless loop', 'while (true) {}', /ran out of time/],
    [
      'a runaway allocation',
      'var a = []; while (true) a.push(new Array(100000).join("x") + a.length);',
      /ran out of memory/,
    ],
  ])(
    '[6.4] %s ends the child as failed; the parent hears error.platform, then done.invoke.<id> with no data, and goes on',
    async (_name, script, why) => {
      const { host, records } = await testHost({ limits: LIMITS });
      const session = host.start(parent(script));
      expect(session.activeStates()).toEqual(['after']);
      expect(session.status).toBe('running');
      const child = records.find((r) => r.kind === 'session.end' && r.session !== session.id);
      expect(child).toMatchObject({ kind: 'session.end', reason: 'failed' });
      const [error, done] = heard(records) as [unknown[], unknown[]];
      expect(error.slice(0, 3)).toEqual(['error.platform', 'platform', 'child']);
      expect(error[3]).toMatch(why);
      expect(done).toEqual(['done.invoke.child', 'external', 'child', null]);
      host.stop();
    },
  );

  it('[6.4] a child cancelled by its parent leaving the state sends nothing more', async () => {
    const { host, records } = await testHost({ limits: LIMITS });
    const session = host.start(
      scxml(
        `<state id="waiting">
          <invoke id="child" type="scxml"><content>
            <scxml xmlns="http://www.w3.org/2005/07/scxml" version="1.0" datamodel="ecmascript"><state id="idle"/></scxml>
          </content></invoke>
          <transition event="leave" target="left"/>
        </state>
        <state id="left"><transition event="*" target="wrong"/></state>
        <state id="wrong"/>`,
        'initial="waiting"',
      ),
    );
    session.send('leave');
    expect(session.activeStates()).toEqual(['left']);
    expect(
      records.filter((r) => r.kind === 'session.end').map((r) => r.kind === 'session.end' && r.reason),
    ).toEqual(['cancelled']);
    host.stop();
  });
});

describe('an invoked child whose invoker leaves, by dialect', () => {
  const CHILD = `<content><scxml xmlns="http://www.w3.org/2005/07/scxml" version="1.0" datamodel="ecmascript">
    <state id="c"><onexit><log label="child exit" expr="'c'"/></onexit></state></scxml></content>`;
  const PARENT = scxml(
    `<state id="p"><invoke id="kid">${CHILD}</invoke><transition event="go" target="q"/></state><state id="q"/>`,
  );
  const childExits = (records: readonly TraceRecord[]) =>
    records.filter((r) => r.kind === 'action' && r.action === 'log' && r.detail === 'child exit: c').length;

  it('[X11] ORS dialect: the child ends as terminated from outside, running its onexit; childId names it', async () => {
    const named: string[] = [];
    const { host, records } = await testHost({
      dialect: 'ors',
      childId: ({ parent, invokeId }) => {
        named.push(`${parent}/${invokeId}`);
        return 'CHILD-1';
      },
    });
    const parent = host.start(PARENT, { id: 'P' });
    expect(named).toEqual(['P/kid']);
    expect(host.lookup('CHILD-1')?.activeStates()).toEqual(['c']);
    parent.send('go');
    expect(childExits(records)).toBe(1);
    expect(records).toContainEqual({ kind: 'session.end', session: 'CHILD-1', reason: 'cancelled' });
  });

  it('[6.4] [D] W3C dialect: a cancelled child runs its onexit (exitInterpreter after the cancel) and ends cancelled', async () => {
    const { host, records } = await testHost();
    host.start(PARENT, { id: 'P' }).send('go');
    expect(childExits(records)).toBe(1);
    const ended = records.find((r) => r.kind === 'session.end' && r.session !== 'P');
    expect(ended).toMatchObject({ reason: 'cancelled' });
  });

  it.each(['w3c', 'ors'] as const)(
    '[6.4] %s dialect: a host stopping cancels its sessions and their children without running any onexit',
    async (dialect) => {
      const { host, records } = await testHost({ dialect });
      host.start(PARENT);
      host.stop();
      expect(childExits(records)).toBe(0);
      expect(host.size).toBe(0);
    },
  );

  it('[X10] a childId that throws fails the <invoke>: an error event in the invoker, no child', async () => {
    const { host } = await testHost({
      dialect: 'ors',
      childId: () => {
        throw new Error('refused');
      },
    });
    const parent = host.start(
      scxml(
        `<state id="p"><invoke id="kid">${CHILD}</invoke><transition event="error.execution" target="failed"/></state><state id="failed"/>`,
      ),
    );
    expect(parent.activeStates()).toEqual(['failed']);
    expect(host.size).toBe(1);
  });
});
