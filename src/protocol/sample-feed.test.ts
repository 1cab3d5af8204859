import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testRealms } from '../strategy/testing';
import { EngineHost } from './host';
import { runSamples, type SampleFeed } from './sample-feed';
import { parseSamples, SAMPLES_MANIFEST, samplesSetup } from './samples';

/** The default demo as the worker starts it: the files of public/strategies, the feed fast. */
const DIR = 'public/strategies';
const read = (src: string) => readFileSync(join(DIR, src), 'utf8');

let host: EngineHost | null = null;
let feed: SampleFeed | null = null;
afterEach(() => {
  feed?.stop();
  host?.stop();
});

async function samplesHost(everyMs: number) {
  const manifest = parseSamples(JSON.parse(read(SAMPLES_MANIFEST)));
  if (!manifest.ok) throw new Error(JSON.stringify(manifest.error));
  host = new EngineHost({
    traffic: { running: false },
    strategies: samplesSetup(manifest.value, read, await testRealms()),
  });
  feed = runSamples(host, manifest.value, everyMs);
  return { host, feed, queues: Object.keys(manifest.value.provisioning) };
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(check()).toBe(true);
};

const journal = (h: EngineHost) => h.current.eventsSince(0) ?? [];

/** The strategy each arrival-started session runs, in arrival order. */
const strategies = (h: EngineHost) =>
  journal(h)
    .filter((e) => e.name === 'session.started' && e.data.trigger === 'arrival')
    .map((e) => h.strategies?.query(e.session ?? '')?.strategy ?? `(ended ${e.session})`);

describe('the default demo: the samples run, fed by arrivals on their queues', () => {
  it('[X10] the desk session starts first; arrivals go to each provisioned queue in turn and start its sample, whose moves have the strategy as cause', async () => {
    const { host, queues } = await samplesHost(5);
    expect(host.strategies?.query('desk')?.strategy).toBe('AgentDesk');
    await until(() => strategies(host).length >= queues.length);
    const arrived = journal(host).flatMap((e) =>
      e.name === 'interaction.created' ? [e.data.interaction.queue] : [],
    );
    expect(arrived.slice(0, queues.length)).toEqual(queues);
    const moves = journal(host).filter((e) => e.cause.origin === 'strategy');
    expect(new Set(moves.map((e) => e.cause.strategy?.strategy))).toEqual(
      new Set(['GreetAndRoute', 'Transfer', 'Handoff', 'IpdWrapper', 'Fallback', 'AgentDesk']),
    );
  });

  it('stops at the first change of the traffic controls (an operator took over), and after a reset', async () => {
    const { host, feed } = await samplesHost(5);
    const client = { role: 'operator' as const, send: () => {} };
    host.receive(client, { v: 1, id: 1, type: 'traffic', running: false });
    expect(feed.running).toBe(false);
    const arrivals = journal(host).filter((e) => e.name === 'interaction.created').length;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(journal(host).filter((e) => e.name === 'interaction.created').length).toBe(arrivals);

    const again = await samplesHost(5);
    again.host.receive(client, { v: 1, id: 2, type: 'reset' });
    await until(() => !again.feed.running);
    expect(again.host.current.seq).toBe(0);
  });
});
