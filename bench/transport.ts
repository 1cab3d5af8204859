/**
 * Transport benchmark (issue 5): events per second from the server to a browser page, with no
 * event lost or doubled, and the latency from the server's `time` stamp to the page's receipt
 * (p50/p99), at fixed offered rates. Against a baseline measured in the same run: a bare
 * socket.io server emitting the very events our server sent, at the same rate and with the same
 * 16 ms batching, to the same page (bench/transport-page/), which only counts them. The ratio is
 * then what the engine, the host and the socket layer cost on top of socket.io itself.
 *
 * `time` is stamped per command by the engine (all events of a command share it), and per
 * production tick by the baseline: on both sides, when the event was made, before batching.
 */
import { readFile } from 'node:fs/promises';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus } from 'node:os';
import { type Browser, chromium, type Page } from '@playwright/test';
import { Server } from 'socket.io';
import type { EngineEvent } from '../src/engine';
import { pump, TrafficGenerator } from '../src/engine/traffic';
import { type HostMessage, PROTOCOL_VERSION, SOCKET_EVENT } from '../src/protocol/messages';
import { createServer } from '../src/server/create-server';
import { fmt, percentile, report } from './measure';

/** Offered rates in events/s; TRANSPORT_RATES=20000,40000,80000 to look for the ceiling. */
const RATES = (process.env.TRANSPORT_RATES ?? '20000,40000').split(',').map(Number);
const SECONDS = 8;
/** How often events are produced; the server's own traffic pump ticks every 50 ms, finer here. */
const TICK_MS = 5;
/** The host's batch cadence (HostOptions.flushMs): the baseline batches the same way. */
const FLUSH_MS = 16;
const TRAFFIC = { seed: 1, sessions: 200 };
/** Run before the first phase, so the population is in its steady state and the engine warm. */
const WARMUP_EVENTS = 20_000;
/** How long the page may take to receive the last event once production stops. */
const DRAIN_MS = 5_000;

/** What bench/transport-page/counter.js returns. */
interface Counted {
  readonly received: number;
  readonly gaps: number;
  readonly duplicates: number;
  readonly batches: number;
  readonly firstAt: number;
  readonly lastAt: number;
  readonly latencies: number[];
}

declare global {
  interface Window {
    transportCounter: {
      connect(url: string): Promise<void>;
      lastSeq(): number;
      stats(): Counted;
    };
  }
}

/** One side of the comparison: where the page connects, and how events are made and sent. */
interface Sender {
  readonly url: string;
  /** The last seq sent so far. */
  lastSeq(): number;
  /** Makes (at least) `n` events and queues them for sending; returns how many it made. */
  produce(n: number): number;
  /** True once this side has sent what it was asked to. */
  finished(startedAt: number): boolean;
}

interface Phase {
  readonly sent: number;
  readonly received: number;
  readonly lost: number;
  readonly duplicates: number;
  readonly batches: number;
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  /** Node's CPU while producing, in % of one core: the server's event loop. */
  readonly serverCpu: number;
  /** The page's main thread busy, in % of the time (CDP TaskDuration). */
  readonly pageCpu: number;
  /** The whole machine, in % of all its cores. */
  readonly machineCpu: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Calls `produce` every TICK_MS with the events due at `perSecond` until `finished`. Fractions
 * and overshoot carry over, and a late tick is made up, so the offered rate holds on average.
 */
function paced(perSecond: number, sender: Sender, startedAt: number): Promise<void> {
  return new Promise((resolve) => {
    let last = performance.now();
    let budget = 0;
    const timer = setInterval(() => {
      if (sender.finished(startedAt)) {
        clearInterval(timer);
        resolve();
        return;
      }
      const now = performance.now();
      budget += (perSecond * (now - last)) / 1000;
      last = now;
      if (budget >= 1) budget -= sender.produce(Math.floor(budget));
    }, TICK_MS);
  });
}

function machineTimes(): { busy: number; total: number } {
  let busy = 0;
  let total = 0;
  for (const { times } of cpus()) {
    const all = times.user + times.nice + times.sys + times.irq + times.idle;
    total += all;
    busy += all - times.idle;
  }
  return { busy, total };
}

async function runPhase(
  browser: Browser,
  pageUrl: string,
  sender: Sender,
  perSecond: number,
): Promise<Phase> {
  const page: Page = await browser.newPage();
  try {
    await page.goto(pageUrl);
    await page.evaluate((url) => window.transportCounter.connect(url), sender.url);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const pageBusy = async () =>
      (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;

    const firstSeq = sender.lastSeq();
    const busyBefore = await pageBusy();
    const machineBefore = machineTimes();
    const cpuBefore = process.cpuUsage();
    const startedAt = Date.now();
    await paced(perSecond, sender, startedAt);
    const producingMs = Date.now() - startedAt;
    const cpu = process.cpuUsage(cpuBefore);
    const machineAfter = machineTimes();
    const busy = (await pageBusy()) - busyBefore;

    const lastSeq = sender.lastSeq();
    const drainStart = Date.now();
    while (Date.now() - drainStart < DRAIN_MS) {
      if ((await page.evaluate(() => window.transportCounter.lastSeq())) >= lastSeq) break;
      await sleep(50);
    }
    const counted = await page.evaluate(() => window.transportCounter.stats());
    await cdp.detach();

    const sent = lastSeq - firstSeq;
    const sorted = [...counted.latencies].sort((a, b) => a - b);
    return {
      sent,
      received: counted.received,
      lost: sent - counted.received,
      duplicates: counted.duplicates,
      batches: counted.batches,
      perSecond: counted.received / ((counted.lastAt - startedAt) / 1000),
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      max: sorted[sorted.length - 1] ?? Number.NaN,
      serverCpu: ((cpu.user + cpu.system) / 1000 / producingMs) * 100,
      pageCpu: ((busy * 1000) / producingMs) * 100,
      machineCpu:
        ((machineAfter.busy - machineBefore.busy) / (machineAfter.total - machineBefore.total)) * 100,
    };
  } finally {
    await page.close();
  }
}

function listen(server: HttpServer): Promise<string> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    );
  });
}

/** Serves the page and socket.io's own browser build, from a local origin our server lets in. */
async function pageServer(): Promise<{ url: string; close: () => void }> {
  const files: Record<string, { path: URL; type: string }> = {
    '/': { path: new URL('./transport-page/index.html', import.meta.url), type: 'text/html' },
    '/counter.js': { path: new URL('./transport-page/counter.js', import.meta.url), type: 'text/javascript' },
    '/socket.io.min.js': {
      path: new URL('../node_modules/socket.io-client/dist/socket.io.min.js', import.meta.url),
      type: 'text/javascript',
    },
  };
  const server = createHttpServer((request, response) => {
    const file = files[request.url ?? ''];
    if (file === undefined) {
      response.writeHead(404).end();
      return;
    }
    readFile(file.path).then(
      (body) => response.writeHead(200, { 'content-type': file.type }).end(body),
      () => response.writeHead(500).end(),
    );
  });
  const url = await listen(server);
  return { url: `${url}/`, close: () => server.close() };
}

/**
 * The baseline: socket.io with nothing of ours. Answers any message with a sync reply, then
 * sends `payload` when paced: each event restamped with the time it is released, queued, and
 * emitted in batches every FLUSH_MS, as the host does.
 */
async function bareServer() {
  const httpServer = createHttpServer();
  const io = new Server(httpServer, { serveClient: false });
  let payload: readonly EngineEvent[] = [];
  let next = 0;
  let pending: EngineEvent[] = [];
  let flushing = false;
  const lastSeq = () => (next === 0 ? (payload[0]?.seq ?? 1) - 1 : (payload[next - 1]?.seq ?? 0));
  const flush = () => {
    flushing = false;
    io.emit(SOCKET_EVENT, { v: PROTOCOL_VERSION, kind: 'events', events: pending } satisfies HostMessage);
    pending = [];
  };
  io.on('connection', (socket) => {
    socket.on(SOCKET_EVENT, (message: { id?: number }) => {
      const reply: HostMessage = {
        v: PROTOCOL_VERSION,
        kind: 'reply',
        id: message.id ?? 0,
        type: 'sync',
        mode: 'snapshot',
        seq: lastSeq(),
        role: 'operator',
      };
      socket.emit(SOCKET_EVENT, reply);
    });
  });
  const url = await listen(httpServer);
  const sender = (events: readonly EngineEvent[]): Sender => {
    payload = events;
    next = 0;
    return {
      url,
      lastSeq,
      produce: (n) => {
        const time = Date.now();
        const end = Math.min(next + n, payload.length);
        const made = end - next;
        for (; next < end; next++) pending.push({ ...(payload[next] as EngineEvent), time });
        if (made > 0 && !flushing) {
          flushing = true;
          setTimeout(flush, FLUSH_MS);
        }
        return made;
      },
      finished: () => next >= payload.length,
    };
  };
  const close = () => new Promise<void>((resolve) => io.close(() => resolve()));
  return { sender, close };
}

/** Our server, its engine driven directly by a traffic generator (the protocol caps traffic at 10,000/s). */
async function realServer() {
  const server = await createServer({
    host: '127.0.0.1',
    port: 0,
    traffic: { running: false, ...TRAFFIC },
    // Enough to hand the baseline every event of the longest phase (the default keeps 200,000).
    retain: Math.max(...RATES) * SECONDS * 1.25,
  });
  const engine = server.host.current;
  const generator = new TrafficGenerator({ seed: TRAFFIC.seed, targetSessions: TRAFFIC.sessions });
  generator.load(engine.snapshot());
  pump(engine, generator, WARMUP_EVENTS);
  const sender = (ms: number): Sender => ({
    url: server.address.url,
    lastSeq: () => engine.seq,
    produce: (n) => pump(engine, generator, n).events,
    finished: (startedAt) => Date.now() - startedAt >= ms,
  });
  /** The events sent since `seq`, as the server sent them, for the baseline to send again. */
  const sentSince = (seq: number): readonly EngineEvent[] => {
    const events = engine.eventsSince(seq);
    if (events === null) throw new Error('journal too short for the phase: raise retain');
    return events;
  };
  return { sender, sentSince, close: () => server.close() };
}

const pct = (n: number) => `${fmt(n)}%`;

function lines(perSecond: number, real: Phase, base: Phase, bytesPerEvent: number): string[] {
  const k = `${perSecond / 1000}k ev/s`;
  return [
    report(
      `${k} received events/s`,
      fmt(real.perSecond),
      fmt(base.perSecond),
      real.perSecond / base.perSecond,
      'goal >= 20,000/s with no loss, ratio >= 0.5',
    ),
    report(`${k} latency p50 ms`, fmt(real.p50), fmt(base.p50), base.p50 / real.p50, ''),
    report(`${k} latency p99 ms`, fmt(real.p99), fmt(base.p99), base.p99 / real.p99, 'goal p99 < 100 ms'),
    `${`${k} lost / duplicated`.padEnd(34)} ${`${real.lost} / ${real.duplicates}`.padStart(18)}  baseline ${`${base.lost} / ${base.duplicates}`.padStart(18)}  (of ${fmt(real.sent)} / ${fmt(base.sent)} sent)`,
    `${''.padEnd(34)} ${fmt(real.batches)} batches of ~${fmt(real.received / real.batches)} events, ~${fmt(bytesPerEvent)} B JSON/event, ${fmt((real.perSecond * bytesPerEvent) / 1e6, 1)} MB/s; max latency ${fmt(real.max)} ms (baseline ${fmt(base.max)} ms)`,
    `${''.padEnd(34)} CPU: server ${pct(real.serverCpu)} of a core (baseline ${pct(base.serverCpu)}), page main thread ${pct(real.pageCpu)} (baseline ${pct(base.pageCpu)}), machine ${pct(real.machineCpu)} of ${cpus().length} cores (baseline ${pct(base.machineCpu)})`,
  ];
}

/** Says so when a figure may measure the machine rather than the code. */
function saturation(phases: readonly (readonly [string, Phase])[]): string[] {
  return phases.flatMap(([name, p]) => {
    const notes: string[] = [];
    if (p.serverCpu >= 90) notes.push(`server event loop at ${pct(p.serverCpu)} of a core`);
    if (p.machineCpu >= 90) notes.push(`machine at ${pct(p.machineCpu)}`);
    return notes.length === 0 ? [] : [`CPU-limited: ${name}: ${notes.join(', ')}`];
  });
}

export async function runTransportBench(): Promise<string[]> {
  const page = await pageServer();
  const real = await realServer();
  const bare = await bareServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium',
  });
  try {
    const out: string[] = [
      `transport: headless Chromium page counting over socket.io-client (websocket), ${SECONDS} s per rate, ${TICK_MS} ms production tick, ${FLUSH_MS} ms batches`,
      `  real = createServer (engine + traffic generator + EngineHost + serveSocket); baseline = bare socket.io server re-sending the same events`,
    ];
    const measured: [string, Phase][] = [];
    for (const perSecond of RATES) {
      // Real first, then the baseline with exactly what the real server sent.
      const sender = real.sender(SECONDS * 1000);
      const from = sender.lastSeq();
      const realPhase = await runPhase(browser, page.url, sender, perSecond);
      const sent = real.sentSince(from);
      const basePhase = await runPhase(browser, page.url, bare.sender(sent), perSecond);
      const sample = sent.slice(0, 2_000);
      const bytesPerEvent = JSON.stringify(sample).length / Math.max(1, sample.length);
      out.push(...lines(perSecond, realPhase, basePhase, bytesPerEvent));
      measured.push([`${perSecond / 1000}k real`, realPhase], [`${perSecond / 1000}k baseline`, basePhase]);
    }
    out.push(...saturation(measured));
    return out;
  } finally {
    await browser.close();
    await bare.close();
    await real.close();
    page.close();
  }
}
