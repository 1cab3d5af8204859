import { describe, expect, it } from 'vitest';
import { fakesHost, strategy, taken } from './testing';

const submit = (targets: string, extra = '') =>
  strategy(`<datamodel><data id="req"/><data id="answer"/></datamodel>
    <state id="Route"><onentry>
      <queue:submit requestid="req" interactionid="'ixn-1'" queue="'VQ_Sales'" timeout="60" ${extra}>
        <queue:targets>${targets}</queue:targets>
      </queue:submit></onentry>
      <transition event="queue.submit.done" cond="_event.data.requestid === req" target="Routed">
        <assign location="answer" expr="_event.data"/></transition>
      <transition event="error.queue.submit" cond="_event.data.requestid === req" target="Failed"/>
      <transition event="error" target="Broken"/></state>
    <state id="Routed"/><state id="Failed"/><state id="Broken"/>`);

const THREE = `<queue:target name="'Agent1@StatServer.A'"/><queue:target name="'Agent2@StatServer.A'"/>
  <queue:target name="'Sales@StatServer.GA'"/>`;

describe('[X9] fake queue:submit', () => {
  it('[X9] answers queue.submit.done with requestid, the target picked, the virtual queue and its resource', async () => {
    const { host, records } = await fakesHost({
      seed: 7,
      resources: { 'Agent1@StatServer.A': '7001@sip.DN' },
    });
    const session = host.start(submit(`<queue:target name="'Agent1@StatServer.A'"/>`));
    expect(session.activeStates()).toEqual(['Routed']);
    const done = taken(records).find((e) => e.name === 'queue.submit.done');
    expect(done?.type).toBe('external');
    expect(done?.data).toEqual({
      requestid: expect.stringMatching(/^s1\./),
      interactionid: 'ixn-1',
      targetselected: 'Agent1@StatServer.A',
      vqselected: 'VQ_Sales',
      resource: '7001@sip.DN',
    });
  });

  it('[X2] requestid is a location written before the answer; without one the answer still carries an id', async () => {
    const { host, records } = await fakesHost({ seed: 1 });
    host.start(
      strategy(`<state id="s"><onentry><queue:submit interactionid="'i'"><queue:targets>
        <queue:target name="'A@S.A'"/></queue:targets></queue:submit></onentry></state>`),
    );
    const done = taken(records).find((e) => e.name === 'queue.submit.done');
    expect(done?.data).toMatchObject({ requestid: expect.stringMatching(/\S/), targetselected: 'A@S.A' });
  });

  it('[X9] the router is seeded: the same seed picks the same targets, each target gets picked, another seed differs', async () => {
    const picks = async (seed: number) => {
      const { host, records } = await fakesHost({ seed });
      for (let i = 0; i < 30; i++) host.start(submit(THREE));
      return taken(records)
        .filter((e) => e.name === 'queue.submit.done')
        .map((e) => (e.data as { targetselected: string }).targetselected);
    };
    const first = await picks(1);
    expect(first).toHaveLength(30);
    expect(await picks(1)).toEqual(first);
    expect(new Set(first)).toEqual(
      new Set(['Agent1@StatServer.A', 'Agent2@StatServer.A', 'Sales@StatServer.GA']),
    );
    expect(await picks(2)).not.toEqual(first);
  });

  it('[X9] a target the options do not place gets a DN in target format, the same for the same seed', async () => {
    const { host, records } = await fakesHost({ seed: 3 });
    host.start(submit(`<queue:target name="'Agent9@StatServer.A'"/>`));
    host.start(submit(`<queue:target name="'Agent9@StatServer.A'"/>`));
    const resources = taken(records)
      .filter((e) => e.name === 'queue.submit.done')
      .map((e) => (e.data as { resource: string }).resource);
    expect(resources[0]).toMatch(/^\d+@\.DN$/);
    expect(resources[1]).toBe(resources[0]);
  });

  it('[X9] no target is error.queue.submit with requestid, error and description', async () => {
    const { host, records } = await fakesHost({ seed: 1 });
    const session = host.start(submit(''));
    expect(session.activeStates()).toEqual(['Failed']);
    expect(taken(records).find((e) => e.name === 'error.queue.submit')?.data).toMatchObject({
      requestid: expect.any(String),
      error: 'invalidtarget',
      description: '<queue:submit> has no <queue:target> (the fake router picks among them)',
    });
  });

  it('[X9] a target whose name is not a string is error.queue.submit', async () => {
    const { host } = await fakesHost({ seed: 1 });
    expect(host.start(submit(`<queue:target name="42"/>`)).activeStates()).toEqual(['Failed']);
  });

  it('[X1] attributes are expressions: a bare word is a script error, not a queue name', async () => {
    const { host, records } = await fakesHost({ seed: 1 });
    const session = host.start(
      strategy(`<state id="s"><onentry><queue:submit queue="VQ_Sales"><queue:targets><queue:target name="'A@S.A'"/>
        </queue:targets></queue:submit></onentry><transition event="error.script.ReferenceError" target="reported"/></state>
        <state id="reported"/>`),
    );
    expect(session.activeStates()).toEqual(['reported']);
    expect(taken(records).some((e) => e.name === 'queue.submit.done')).toBe(false);
  });

  it('[X9] another queue action has no fake: error.unsupported.<name> in the session, a warning in the trace', async () => {
    const { host, records } = await fakesHost({ seed: 1 });
    const session = host.start(
      strategy(`<state id="s"><onentry><queue:cancel requestid="x"/></onentry>
        <transition event="error.unsupported.cancel" target="reported"/></state><state id="reported"/>`),
    );
    expect(session.activeStates()).toEqual(['reported']);
    expect(records.some((r) => r.kind === 'warning' && r.event === 'error.unsupported.cancel')).toBe(true);
  });
});
