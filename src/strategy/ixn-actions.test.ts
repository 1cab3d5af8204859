import { describe, expect, it } from 'vitest';
import { arrive, arrivedRig, strategy, strategyRig } from './testing';

/** Takes the arriving interaction and moves it to the session named by `target`. */
const ROUTE = strategy(
  'route',
  `<datamodel><data id="target" expr="'S-T'"/><data id="req" expr="''"/></datamodel>
  <state id="waiting">
    <transition event="interaction.added" target="moving">
      <ixn:associate requestid="req" interactionid="_event.data.interactionid" sessionid="target"/>
      <log label="req" expr="req"/>
    </transition>
  </state>
  <state id="moving">
    <transition event="interaction.associate.done" cond="_event.data.requestid == req" target="moved"/>
    <transition event="error.interaction.associate" target="refused">
      <log label="error" expr="_event.data.requestid == req ? _event.data.error : 'other request'"/>
    </transition>
  </state>
  <state id="moved"/>
  <state id="refused"/>`,
);

/** Logs every event it takes. */
const LISTEN = strategy('listen', `<state id="idle"><transition event="*"/></state>`);

describe('ixn actions run the engine verbs', () => {
  it('[X7] the ORS events of an associate reach each session in seq order: added, present to the target; deleted, notcontrolled, associate.done to the source', async () => {
    const rig = await strategyRig({ 'route.scxml': ROUTE, 'listen.scxml': LISTEN });
    expect(rig.runtime.start('listen.scxml', undefined, { session: 'S-T' }).ok).toBe(true);
    rig.runtime.provision('sales', 'route.scxml');
    arrive(rig.engine, 'sales', 'G1', 'S-R');
    expect(rig.taken('S-T')).toEqual(['interaction.added', 'interaction.present']);
    expect(rig.taken('S-R')).toEqual([
      'interaction.added',
      'interaction.deleted',
      'interaction.notcontrolled',
      'interaction.associate.done',
    ]);
    expect(rig.engine.state.interactions.get('G1')?.owner).toBe('S-T');
    expect(rig.runtime.query('S-R')?.activeStates).toEqual(['moved']);
    expect(rig.eventData('S-R', 'interaction.deleted')).toEqual([
      { interactionid: 'G1', resultof: 'associate' },
    ]);
  });

  it('[X2] requestid is a location: a fresh id is written there before the action, and the completion event carries it', async () => {
    const rig = await strategyRig({ 'route.scxml': ROUTE });
    rig.engine.execute({ verb: 'startSession', src: 'plain', session: 'S-T' });
    rig.runtime.provision('sales', 'route.scxml');
    arrive(rig.engine, 'sales', 'G1', 'S-R');
    const [written] = rig.logs('S-R');
    expect(written).toMatch(/^req: SR\d+$/);
    const [done] = rig.eventData('S-R', 'interaction.associate.done');
    expect(done).toEqual({ requestid: written?.slice('req: '.length), interactionid: 'G1' });
  });

  it('[A6] a refused associate is error.interaction.associate in the session, with its requestid, error and description; nothing moves', async () => {
    const rig = await strategyRig({ 'route.scxml': ROUTE });
    rig.runtime.provision('sales', 'route.scxml');
    arrive(rig.engine, 'sales', 'G1', 'S-R'); // no session S-T: the target does not exist
    expect(rig.runtime.query('S-R')?.activeStates).toEqual(['refused']);
    expect(rig.logs('S-R')[1]).toBe('error: invaliddestination');
    const [error] = rig.eventData('S-R', 'error.interaction.associate');
    expect(error).toMatchObject({ error: 'invaliddestination', description: expect.stringContaining('S-T') });
    expect(rig.engine.state.interactions.get('G1')?.owner).toBe('S-R');
  });

  it('[X3] an ixn action without interactionid is an error in the session and runs no command', async () => {
    const doc = strategy(
      'no-id',
      `<state id="a"><transition event="interaction.added" target="b"><ixn:detach/></transition></state>
       <state id="b"><transition event="error" target="c"/></state><state id="c"/>`,
    );
    const rig = await arrivedRig(doc);
    const seq = rig.engine.seq;
    expect(rig.runtime.query('S-1')?.activeStates).toEqual(['c']);
    expect(rig.trace).toContainEqual(
      expect.objectContaining({
        kind: 'error',
        session: 'S-1',
        message: expect.stringContaining('interactionid is required'),
      }),
    );
    expect(rig.engine.seq).toBe(seq);
  });

  it('[I2] [I1] detach lets go (deleted with resultof detach, then detach.done); attach takes it back (added, then attach.done)', async () => {
    const doc = strategy(
      'handoff',
      `<datamodel><data id="id"/></datamodel>
       <state id="a"><transition event="interaction.added" target="b">
         <assign location="id" expr="_event.data.interactionid"/><ixn:detach interactionid="id"/></transition></state>
       <state id="b"><transition event="interaction.detach.done" target="c"><ixn:attach interactionid="id"/></transition></state>
       <state id="c"><transition event="interaction.attach.done" target="d"/></state><state id="d"/>`,
    );
    const rig = await arrivedRig(doc);
    expect(rig.taken('S-1')).toEqual([
      'interaction.added',
      'interaction.deleted',
      'interaction.detach.done',
      'interaction.added',
      'interaction.attach.done',
    ]);
    expect(rig.engine.state.interactions.get('G1')?.owner).toBe('S-1');
    expect(rig.runtime.query('S-1')?.activeStates).toEqual(['d']);
  });

  it('[I3] [I4] redirect takes its attributes as expressions; terminate ends the interaction and the session runs on (B4)', async () => {
    const doc = strategy(
      'redirect-terminate',
      `<state id="a"><transition event="interaction.added" target="b">
         <ixn:redirect interactionid="_event.data.interactionid" to="'9192340978'"/></transition></state>
       <state id="b"><transition event="interaction.redirect.done" target="c">
         <log label="dn" expr="_event.data.resource.dn + '/' + _event.data.resource.kind"/>
         <ixn:terminate interactionid="_event.data.interactionid" reason="'Auto-stop'"/></transition></state>
       <state id="c"><transition event="interaction.deleted" target="d"/></state><state id="d"/>`,
    );
    const rig = await arrivedRig(doc);
    expect(rig.taken('S-1')).toEqual([
      'interaction.added',
      'interaction.redirect.done',
      'interaction.terminate.done',
      'interaction.deleted',
    ]);
    expect(rig.logs('S-1')[0]).toMatch(/^dn: 9192340978\//);
    expect(rig.engine.state.interactions.get('G1')?.state).toBe('ended');
    expect(rig.engine.state.sessions.get('S-1')?.state).toBe('running');
    expect(rig.runtime.query('S-1')?.activeStates).toEqual(['d']);
  });

  it('[R3] a redirect to a malformed address is error.interaction.redirect in the session, naming the field', async () => {
    const doc = strategy(
      'bad-redirect',
      `<state id="a"><transition event="interaction.added" target="b">
         <ixn:redirect interactionid="_event.data.interactionid" to="({ type: 'XX', dn: '1' })"/></transition></state>
       <state id="b"><transition event="error.interaction.redirect" target="c">
         <log label="e" expr="_event.data.error + ' ' + _event.data.description"/></transition></state><state id="c"/>`,
    );
    const rig = await arrivedRig(doc);
    expect(rig.runtime.query('S-1')?.activeStates).toEqual(['c']);
    expect(rig.logs('S-1')[0]).toMatch(/^e: invaliddestination .*type/);
  });
});
