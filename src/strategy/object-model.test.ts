import { describe, expect, it } from 'vitest';
import { arrivedRig, strategy } from './testing';

/** Logs `expr` when the session starts and again when it takes interaction.added. */
const probe = (expr: string, onAdded = expr) =>
  strategy(
    'probe',
    `<state id="a">
       <onentry><log label="start" expr="${expr}"/></onentry>
       <transition event="interaction.added" target="b"><log label="added" expr="${onAdded}"/></transition>
     </state>
     <state id="b"><transition event="error" target="failed"><log label="error" expr="_event.data.description"/></transition></state>
     <state id="failed"/>`,
  );

const arrived = (document: string, udata: Record<string, string> = {}) =>
  arrivedRig(document, { media: 'TMediaEMail', udata });

describe('_genesys: the object model strategies see', () => {
  it('[X4] a session started by an arrival starts with no interaction and gains it when it takes interaction.added', async () => {
    const rig = await arrived(probe('Object.keys(_genesys.ixn.interactions).join()'));
    expect(rig.logs('S-1')).toEqual(['start: ', 'added: G1']);
  });

  it('[X4] reading an interaction the session does not have is an error event in the session, not a crash', async () => {
    const rig = await arrived(
      strategy(
        'early',
        `<state id="a">
           <onentry><log label="early" expr="_genesys.ixn.interactions['G1'].g_uid"/></onentry>
           <transition event="error" target="b"><log label="error" expr="_event.data.description"/></transition>
         </state><state id="b"/>`,
      ),
    );
    expect(rig.logs('S-1')).toEqual([
      expect.stringMatching(/^error: .*interaction G1 is not in _genesys\.ixn\.interactions/),
    ]);
    expect(rig.runtime.query('S-1')?.activeStates).toEqual(['b']);
    expect(rig.engine.state.sessions.get('S-1')?.state).toBe('running');
  });

  it('[X4] scripts cannot change the view: frozen fields ignore writes (sloppy scripts), the collection and _genesys refuse them', async () => {
    const rig = await arrived(
      strategy(
        'writer',
        `<datamodel><data id="errors" expr="[]"/></datamodel>
         <state id="a"><transition event="interaction.added" target="b">
           <script>
             var tries = [
               function () { _genesys.ixn.interactions['G1'].udata.x = 1; },
               function () { _genesys.ixn.interactions['G2'] = {}; },
               function () { delete _genesys.ixn.interactions['G1']; },
               function () { _genesys.ixn = {}; },
               function () { _genesys = {}; }
             ];
             for (var i = 0; i &lt; tries.length; i++) { try { tries[i](); } catch (e) { errors.push(i); } }
           </script>
           <log label="refused" expr="errors.join()"/>
           <log label="still" expr="_genesys.ixn.interactions['G1'].udata.x === undefined &amp;&amp; typeof _genesys.ixn.setuData"/>
         </transition></state><state id="b"/>`,
      ),
    );
    expect(rig.logs('S-1')).toEqual(['refused: 1,2,4', 'still: function']);
  });

  it('[X5] an interaction carries g_uid, category, parentid, udata, tenantid, parties, location and its media object', async () => {
    const rig = await arrived(
      probe("''", 'JSON.stringify(_genesys.ixn.interactions[_event.data.interactionid])'),
      {
        subject: 'Hello',
      },
    );
    const text = rig.logs('S-1')[1]?.slice('added: '.length) ?? '';
    expect(JSON.parse(text)).toEqual({
      g_uid: 'G1',
      category: 'msgbased',
      parentid: '',
      udata: { subject: 'Hello' },
      tenantid: 1,
      parties: [],
      location: {},
      msgbased: { queue: 'q', type: 'inbound', media: 'email' },
    });
  });

  it('[X6] [I6] getMediaIntValue, _sessionid and _genesys.session', async () => {
    const rig = await arrived(
      probe(
        "[_genesys.ixn.getMediaIntValue('TMediaChat'), _genesys.ixn.getMediaIntValue('TMediaSMS'), _genesys.ixn.getMediaIntValue('nope'), _sessionid, _genesys.session.server.name, _genesys.session.tenant, _genesys.session.tenantid].join()",
      ),
    );
    expect(rig.logs('S-1')[0]).toBe('start: 5,17,-1,S-1,ors-inspector,Environment,1');
  });

  it('[X6] [I5] setuData and deleteuData go through the engine: journaled, the owner is told, and the view shows it', async () => {
    const rig = await arrived(
      strategy(
        'udata',
        `<state id="a"><transition event="interaction.added" target="b">
           <script>_genesys.ixn.setuData({ tier: 'gold', keep: 1 }); _genesys.ixn.deleteuData('subject', _event.data.interactionid);</script>
         </transition></state>
         <state id="b"><transition event="interaction.udata.changed" cond="_event.data.deleted.length > 0" target="c">
           <log label="udata" expr="JSON.stringify(_genesys.ixn.interactions['G1'].udata)"/></transition></state>
         <state id="c"/>`,
      ),
      { subject: 'Hello' },
    );
    expect(rig.taken('S-1')).toEqual([
      'interaction.added',
      'interaction.udata.changed',
      'interaction.udata.changed',
    ]);
    expect(rig.logs('S-1')).toEqual(['udata: {"tier":"gold","keep":1}']);
    const changes = rig.journal.filter((e) => e.name === 'interaction.udata.changed');
    expect(changes.map((e) => [e.cause.origin, e.cause.verb])).toEqual([
      ['strategy', 'setuData'],
      ['strategy', 'deleteuData'],
    ]);
  });

  it('[E1] setuData with a value the engine refuses is an error event naming the field; nothing changes', async () => {
    const rig = await arrived(
      strategy(
        'bad-udata',
        `<state id="a"><transition event="interaction.added" target="b">
           <script>_genesys.ixn.setuData({ nested: { no: 1 } });</script></transition></state>
         <state id="b"><transition event="error" target="c"><log label="error" expr="_event.data.description"/></transition></state>
         <state id="c"/>`,
      ),
      { subject: 'Hello' },
    );
    expect(rig.logs('S-1')).toEqual([expect.stringMatching(/^error: .*udata\.nested/)]);
    expect(rig.engine.state.interactions.get('G1')?.udata).toEqual({ subject: 'Hello' });
  });
});
