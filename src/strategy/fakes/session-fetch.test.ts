import { describe, expect, it } from 'vitest';
import { fakesHost, strategy, taken } from './testing';

const fetching = (src: string) =>
  strategy(`<datamodel><data id="req"/><data id="config"/></datamodel>
    <state id="Fetch"><onentry><session:fetch requestid="req" srcexpr="${src}" method="'get'"/></onentry>
      <transition event="session.fetch.done" cond="_event.data.requestid === req" target="Fetched">
        <assign location="config" expr="_event.data.content"/></transition>
      <transition event="error.session.fetch" cond="_event.data.requestid === req" target="Failed"/></state>
    <state id="Fetched"><transition cond="config.vq === 'VQ_Gold'" target="Used"/></state>
    <state id="Used"/><state id="Failed"/>`);

describe('[X9] fake session:fetch', () => {
  it('[X9] answers session.fetch.done with the fixture for the URL as content', async () => {
    const { host } = await fakesHost({ seed: 1, fixtures: { 'http://crm/vip': { vq: 'VQ_Gold' } } });
    expect(host.start(fetching(`'http://crm/' + 'vip'`)).activeStates()).toEqual(['Used']);
  });

  it('[X9] a URL without a fixture is error.session.fetch naming the URL', async () => {
    const { host, records } = await fakesHost({ seed: 1, fixtures: {} });
    expect(host.start(fetching(`'http://crm/nobody'`)).activeStates()).toEqual(['Failed']);
    expect(taken(records).find((e) => e.name === 'error.session.fetch')?.data).toMatchObject({
      error: 'badfetch',
      description:
        'no fixture for "http://crm/nobody" (the fake session:fetch answers only from its fixtures)',
    });
  });

  it('[X9] a srcexpr that gives no URL is error.session.fetch', async () => {
    const { host } = await fakesHost({ seed: 1 });
    expect(host.start(fetching('null')).activeStates()).toEqual(['Failed']);
  });
});
