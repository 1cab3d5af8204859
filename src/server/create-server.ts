import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Socket } from 'socket.io';
import { Engine, type EngineEvent } from '../engine';
import { EngineHost } from '../protocol/host';
import { DEFAULT_TRAFFIC, type TrafficStatus } from '../protocol/messages';
import type { Role } from '../protocol/role';
import { runSamples } from '../protocol/sample-feed';
import { samplesProvisioning } from '../protocol/samples';
import { newEpoch } from './epoch';
import { allowedOrigin, type Health, httpRoutes, LOCAL_ORIGIN } from './http-routes';
import { JournalFile } from './journal-file';
import { journalArchive } from './journal-history';
import { restRoutes } from './rest-routes';
import { type RoleTokens, roleFor } from './roles';
import { serveSocket, WIRE_LIMITS, type WireLimits } from './serve-socket';
import { SessionRequests } from './session-requests';
import { staticRoot } from './static-files';
import { StrategyDirectory } from './strategy-directory';
import { readSamples } from './strategy-samples';
import { DEFAULT_REALM_POOL, strategySetup } from './strategy-setup';

export interface ServerOptions {
  /** 3001 unless told; 0 picks a free port (tests). */
  readonly port?: number;
  readonly host?: string;
  readonly traffic?: Partial<TrafficStatus>;
  /** A JSON-lines journal file to restore from and append to; without one, state is in memory only. */
  readonly journal?: string;
  /** Journal lines between compactions of the file (COMPACT_AFTER unless told). */
  readonly compactAfter?: number;
  /** Without tokens, every client is an operator. */
  readonly tokens?: RoleTokens;
  /** A directory to serve the built app from (`dist`). */
  readonly staticDir?: string;
  /**
   * The strategy directory (`--strategies DIR`): the only place documents are read from. Without
   * one the server runs no strategies and its REST interface answers `unavailable`.
   */
  readonly strategies?: string;
  /** Script realms kept made ahead in idle time (DEFAULT_REALM_POOL unless told; 0: none). */
  readonly realmPool?: number;
  /** How long a REST `request/<name>` waits for the session's `<ws:response>` (REQUEST_TIMEOUT_MS unless told). */
  readonly requestTimeoutMs?: number;
  /** Events kept in memory for resumes; a client further behind gets a snapshot. */
  readonly retain?: number;
  readonly limits?: Partial<WireLimits>;
  /** Where warnings and errors go (stderr unless told). */
  readonly log?: (line: string) => void;
}

export interface RunningServer {
  readonly httpServer: HttpServer;
  readonly io: Server;
  readonly host: EngineHost;
  readonly address: { readonly host: string; readonly port: number; readonly url: string };
  /** Stops traffic, disconnects every client, and flushes and closes the journal. */
  close(): Promise<void>;
}

export const DEFAULT_PORT = 3001;
export const DEFAULT_HOST = '127.0.0.1';
/** A request's answer waits this long for the session; an HTTP client's own timeout is usually longer. */
export const REQUEST_TIMEOUT_MS = 5000;
const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|::1|\[::1\])$/;

/**
 * One process, one engine: an EngineHost behind socket.io (docs/server.md), its journal on disk,
 * `/health`, and optionally the built app, so a page and its engine come from one origin.
 */
export async function createServer(options: ServerOptions = {}): Promise<RunningServer> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const limits = { ...WIRE_LIMITS, ...options.limits };
  const tokens = options.tokens ?? {};
  const engineOptions = { retain: options.retain ?? 200_000 };
  const root = options.staticDir === undefined ? null : await staticRoot(options.staticDir);
  const directory =
    options.strategies === undefined ? null : await StrategyDirectory.open(options.strategies);
  const samples = directory === null ? null : readSamples(directory);
  const requests = new SessionRequests(options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS);
  const strategies =
    directory === null
      ? undefined
      : await strategySetup(directory, {
          seed: options.traffic?.seed ?? DEFAULT_TRAFFIC.seed,
          pool: options.realmPool ?? DEFAULT_REALM_POOL,
          requests,
          ...(samples === null ? {} : { provisioning: samplesProvisioning(samples) }),
          warn: log,
        });
  const opened =
    options.journal === undefined
      ? null
      : await JournalFile.open(options.journal, {
          engine: engineOptions,
          warn: log,
          ...(options.compactAfter === undefined ? {} : { compactAfter: options.compactAfter }),
        });
  const journal = opened?.journal ?? null;
  const start = opened ?? { engine: new Engine(engineOptions), epoch: newEpoch() };

  const host = new EngineHost({
    engine: engineOptions,
    // With the samples running (the default demo), random traffic waits for the traffic controls.
    traffic: { running: samples === null, ...options.traffic },
    restore: () => start,
    ...(strategies === undefined ? {} : { strategies }),
    ...(options.journal === undefined ? {} : { archive: journalArchive(options.journal) }),
    observer: {
      events: (events: readonly EngineEvent[]) => journal?.append(events, () => host.current.snapshot()),
      reset: (next: string) => journal?.reset(next),
    },
  });

  // The default demo, as in the browser: the samples' sessions, then arrivals on their queues.
  const feed = samples === null ? null : runSamples(host, samples);

  const hostName = options.host ?? DEFAULT_HOST;
  const loopback = LOOPBACK.test(hostName);
  const startedAt = Date.now();
  const health = (): Health => {
    const error = journal?.error ?? null;
    return {
      ok: error === null,
      seq: host.seq,
      epoch: host.epoch,
      clients: io.of('/').sockets.size,
      uptime: Math.round((Date.now() - startedAt) / 1000),
      journal: options.journal ?? null,
      realms: strategies?.realms.pooled() ?? null,
      ...(error === null ? {} : { error: `journal: ${error}` }),
    };
  };
  const rest = restRoutes({
    host,
    directory,
    requests,
    ...(opened === null
      ? {}
      : {
          schedule: { journal: opened.journal, waiting: opened.scheduled, given: opened.scheduledIds },
        }),
    tokens,
    loopback,
    bodyBytes: limits.messageChars,
    rate: { perSecond: limits.ratePerSecond, burst: limits.burst },
    log,
  });
  const httpServer = createHttpServer(httpRoutes(health, root, rest));
  const io = new Server(httpServer, {
    serveClient: false,
    maxHttpBufferSize: limits.packetBytes,
    cors: { origin: LOCAL_ORIGIN },
    allowRequest: (req, answer) =>
      answer(null, allowedOrigin(req.headers.origin, req.headers.host, loopback)),
    // A dead link shows within 10 s, on both ends, instead of socket.io's 45 s.
    pingInterval: 5000,
    pingTimeout: 5000,
  });
  const roles = new WeakMap<Socket, Role>();
  io.use((socket, next) => {
    const role = roleFor(tokens, (socket.handshake.auth as { token?: unknown }).token);
    if (role === null) {
      next(new Error('unauthorized'));
      return;
    }
    roles.set(socket, role);
    next();
  });
  io.on('connection', (socket) => {
    serveSocket(socket, host, { role: roles.get(socket) ?? 'viewer', limits, log });
  });

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      // REST requests first: one waiting for its session holds its connection open, and io.close()
      // waits for every connection, so it is answered 503 now rather than at its timeout. Then the
      // clients, so no message reaches the engine once it stops; the journal last.
      rest.stop();
      await new Promise<void>((resolve) => io.close(() => resolve()));
      httpServer.closeAllConnections();
      feed?.stop();
      host.stop();
      await journal?.close();
    })();
    return closing;
  };

  try {
    await listen(httpServer, options.port ?? DEFAULT_PORT, hostName);
  } catch (error) {
    await close();
    throw error;
  }
  const { address, port } = httpServer.address() as AddressInfo;
  const urlHost = address.includes(':') ? `[${address}]` : address;
  return { httpServer, io, host, close, address: { host: address, port, url: `http://${urlHost}:${port}` } };
}

function listen(server: HttpServer, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
