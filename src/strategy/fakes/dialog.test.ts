import { describe, expect, it } from 'vitest';
import { fakesHost, strategy, taken } from './testing';

describe('[X9] fake dialog:start', () => {
  it('[X9] acknowledges with dialog.start.done carrying the requestid and interactionid', async () => {
    const { host, records } = await fakesHost({ seed: 1 });
    const session = host.start(
      strategy(`<datamodel><data id="req"/></datamodel>
        <state id="Play"><onentry><dialog:start requestid="req" interactionid="'ixn-7'" type="'play'"/></onentry>
          <transition event="dialog.start.done" cond="_event.data.requestid === req" target="Played"/></state>
        <state id="Played"/>`),
    );
    expect(session.activeStates()).toEqual(['Played']);
    expect(taken(records).find((e) => e.name === 'dialog.start.done')?.data).toMatchObject({
      interactionid: 'ixn-7',
    });
  });

  it('[X1] a bad interactionid expression is error.script.<type>, and nothing is acknowledged', async () => {
    const { host, records } = await fakesHost({ seed: 1 });
    const session = host.start(
      strategy(`<state id="Play"><onentry><dialog:start interactionid="nobody.here"/></onentry>
        <transition event="error.script.ReferenceError" target="reported"/></state><state id="reported"/>`),
    );
    expect(session.activeStates()).toEqual(['reported']);
    expect(taken(records).some((e) => e.name === 'dialog.start.done')).toBe(false);
  });
});
