/// <reference lib="webworker" />
/**
 * The in-browser engine: the engine, its strategies and its traffic run here, off the page's main
 * thread, and speak the protocol of docs/protocol.md to the page, exactly as the server does over
 * socket.io. It starts with the sample strategies running (`public/strategies/`, fed by
 * `SampleFeed`); random traffic waits for the traffic controls.
 */
import { EngineHost, type HostOptions } from '../../protocol/host';
import { runSamples } from '../../protocol/sample-feed';
import {
  parseSamples,
  SAMPLES_MANIFEST,
  type SamplesManifest,
  sampleSources,
  samplesSetup,
} from '../../protocol/samples';
import { loadRealmFactory } from '../../scxml/script/browser-realms';
import { type PortLike, servePort } from './serve-port';

// Keep the newest 200,000 events for resumes; older ones are only in the page's log.
const ENGINE = { retain: 200_000 };
const port = self as unknown as PortLike;

// The host needs the samples and the script engine first: the page's first requests wait here.
const early: MessageEvent[] = [];
port.onmessage = (event) => early.push(event);

start().then((host) => {
  servePort(port, host);
  for (const event of early.splice(0)) port.onmessage?.(event);
});

async function start(): Promise<EngineHost> {
  let samples: { manifest: SamplesManifest; options: HostOptions };
  try {
    samples = await loadSamples();
  } catch (error) {
    // Without them the page still works: random traffic, as before strategies existed.
    console.warn(
      `engine worker: the sample strategies did not load (${String(error)}); random traffic instead`,
    );
    return new EngineHost({ engine: ENGINE, uploads: true });
  }
  const host = new EngineHost(samples.options);
  runSamples(host, samples.manifest);
  return host;
}

/** The manifest and every document it names, from where Vite serves `public/strategies/`. */
async function loadSamples(): Promise<{ manifest: SamplesManifest; options: HostOptions }> {
  const base = `${import.meta.env.BASE_URL}strategies/`;
  const manifest = parseSamples(await (await fetched(`${base}${SAMPLES_MANIFEST}`)).json());
  if (!manifest.ok) throw new Error(`${manifest.error.field} ${manifest.error.reason}`);
  const texts = new Map<string, string>();
  for (const src of sampleSources(manifest.value))
    texts.set(src, await (await fetched(`${base}${src}`)).text());
  const setup = samplesSetup(manifest.value, (src) => texts.get(src) ?? null, await loadRealmFactory());
  return {
    manifest: manifest.value,
    options: { engine: ENGINE, uploads: true, traffic: { running: false }, strategies: setup },
  };
}

async function fetched(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response;
}
