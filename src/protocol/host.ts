import { Engine, type EngineEvent, type EngineOptions, TrafficGenerator } from '../engine';
import { wallClock } from '../scxml/clock';
import { type StrategyRuntime, type StrategySetup, strategyRuntime } from '../strategy';
import { findHistory, type HistoryArchive } from './history';
import {
  DEFAULT_TRAFFIC,
  type HostMessage,
  PROTOCOL_VERSION,
  type ProtocolError,
  parseRequest,
  type ReplyBody,
  type Request,
  type StrategyLabel,
  type TrafficStatus,
  type WireResult,
} from './messages';
import type { Role } from './role';
import { strategyCatalog } from './strategy-catalog';
import { answerStrategyRequest } from './strategy-requests';
import { StrategyWatch } from './strategy-watch';
import { TrafficPump } from './traffic-pump';

/** Someone the host talks to: the worker's page, or one socket.io client. */
export interface HostClient {
  send(message: HostMessage): void;
  /** Viewers may read but not write (issue 5); the in-browser page is an operator. */
  readonly role: Role;
}

export interface HostOptions {
  readonly traffic?: Partial<TrafficStatus>;
  readonly engine?: EngineOptions;
  /** How often pending events are sent to clients, in ms: batches, not one message per event. */
  readonly flushMs?: number;
  /** Sees every journaled event, in order (the server's journal file); `reset` starts it afresh. */
  readonly observer?: { events(events: readonly EngineEvent[]): void; reset(epoch: string): void };
  /**
   * Housekeeping: every `everyMs`, a `purge` command forgets what ended more than `keepMs` ago,
   * so a host left running for hours holds what is alive. Default: every 10 s, keep 60 s.
   */
  readonly purge?: { readonly everyMs: number; readonly keepMs: number };
  /** Events older than the engine keeps in memory, for `history` (the server's journal file). */
  readonly archive?: HistoryArchive;
  /** Builds the engine at start (e.g. rebuilt from a journal file) instead of an empty one. */
  readonly restore?: () => { engine: Engine; epoch: string } | null;
  /**
   * Runs ORS strategies in the engine (src/strategy): documents and provisioning come from the
   * host's owner (the worker's bundled and uploaded files, the server's strategy directory).
   * A queue that cannot be provisioned throws at construction: it is a configuration error.
   */
  readonly strategies?: StrategySetup;
  /**
   * Takes strategy documents from clients (`provision` with `text`): the in-browser worker, whose
   * page uploads its user's files. A server reads strategies only from its own directory.
   */
  readonly uploads?: boolean;
}

const WRITES: ReadonlySet<Request['type']> = new Set(['command', 'traffic', 'reset', 'provision']);

/**
 * Events per message, at most. A client validates a message in one task: a page catching up on a
 * second of 10,000 events/s (a stalled worker, a resume) would freeze for 50 ms or more in one.
 * Steady traffic stays well under it (40,000 events/s in 16 ms batches is 640 a message).
 */
export const MAX_EVENTS_PER_MESSAGE = 1000;

/** Sends `events` in order, in messages of at most MAX_EVENTS_PER_MESSAGE. */
function sendEvents(client: HostClient, events: readonly EngineEvent[]): void {
  for (let start = 0; start < events.length; start += MAX_EVENTS_PER_MESSAGE) {
    const chunk =
      events.length <= MAX_EVENTS_PER_MESSAGE ? events : events.slice(start, start + MAX_EVENTS_PER_MESSAGE);
    client.send({ v: PROTOCOL_VERSION, kind: 'events', events: chunk });
  }
}

/**
 * Hosts one engine and its traffic, and answers the protocol for any number of clients. The
 * worker hosts one for its page, the server one for all its sockets: same code, same answers.
 * Each client has its own `lastSeq`, so it never gets an event twice or misses one, whatever
 * the order of its sync and the host's flushes.
 */
export class EngineHost {
  private engine: Engine;
  private runtime: StrategyRuntime | null = null;
  /** The strategy sessions' traces and states for clients; one per runtime. */
  private watch: StrategyWatch | null = null;
  private readonly uploads: Map<string, string> | null;
  private generator: TrafficGenerator;
  private life: string;
  private traffic: TrafficStatus;
  private readonly pump = new TrafficPump();
  private readonly clients = new Map<HostClient, { lastSeq: number }>();
  private pending: EngineEvent[] = [];
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private unsubscribe: () => void = () => {};
  private readonly purgeTimer: ReturnType<typeof setInterval>;

  constructor(private readonly options: HostOptions = {}) {
    this.traffic = { ...DEFAULT_TRAFFIC, ...options.traffic };
    const restored = options.restore?.() ?? null;
    this.life = restored?.epoch ?? newEpoch();
    this.engine = restored?.engine ?? new Engine(options.engine);
    this.uploads = options.uploads === true ? new Map() : null;
    this.runtime = this.newRuntime();
    this.generator = this.newGenerator();
    this.attach();
    if (restored !== null) this.endStrandedStrategies();
    if (this.traffic.running) this.startTraffic();
    const { everyMs, keepMs } = options.purge ?? { everyMs: 10_000, keepMs: 60_000 };
    this.purgeTimer = setInterval(
      () => this.engine.execute({ verb: 'purge', before: Date.now() - keepMs, origin: 'housekeeping' }),
      everyMs,
    );
  }

  get seq(): number {
    return this.engine.seq;
  }

  /** The current engine life: it changes on reset. */
  get epoch(): string {
    return this.life;
  }

  /** For the host's owner (tests, the server's health endpoint); clients use the protocol. */
  get current(): Engine {
    return this.engine;
  }

  /** The strategy runtime of the current engine, when the host runs strategies (REST, replay). */
  get strategies(): StrategyRuntime | null {
    return this.runtime;
  }

  connect(client: HostClient): void {
    this.clients.set(client, { lastSeq: Number.POSITIVE_INFINITY });
  }

  disconnect(client: HostClient): void {
    this.clients.delete(client);
  }

  /** Takes one message from a client: anything at all; a bad one gets an error, never a throw. */
  receive(client: HostClient, input: unknown): void {
    const parsed = parseRequest(input);
    if (!parsed.ok) {
      this.fail(client, parsed.id, parsed.error);
      return;
    }
    const { request } = parsed;
    if (client.role === 'viewer' && WRITES.has(request.type)) {
      this.fail(client, request.id, {
        code: 'forbidden',
        field: 'type',
        reason: `a viewer may not send ${request.type}; an operator token is needed`,
      });
      return;
    }
    if (request.type === 'history') {
      void this.history(client, request);
      return;
    }
    if (request.type === 'strategy' || request.type === 'provision') {
      const answer = answerStrategyRequest(request, {
        runtime: this.runtime,
        watch: this.watch,
        uploads: this.uploads,
      });
      if ('code' in answer) this.fail(client, request.id, answer);
      else {
        this.reply(client, request.id, answer);
        if (answer.type === 'provision') this.sendCatalog();
      }
      return;
    }
    this.reply(client, request.id, this.answer(client, request));
  }

  stop(): void {
    this.pump.stop();
    this.runtime?.stop();
    clearInterval(this.purgeTimer);
    if (this.flushTimer !== null) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    this.unsubscribe();
  }

  private answer(
    client: HostClient,
    request: Exclude<Request, { type: 'history' | 'strategy' | 'provision' }>,
  ): ReplyBody {
    switch (request.type) {
      case 'command':
        return { type: 'command', result: this.command(request.command) };
      case 'traffic':
        this.setTraffic(request);
        return { type: 'traffic', traffic: this.traffic };
      case 'reset':
        this.reset(request.seed ?? this.traffic.seed);
        return { type: 'reset', seq: this.engine.seq };
      case 'sync':
        return this.sync(client, request.after, request.epoch);
    }
  }

  /** Answered later when the archive is read; the engine goes on meanwhile. */
  private async history(client: HostClient, request: Extract<Request, { type: 'history' }>): Promise<void> {
    const found = await findHistory(this.engine, this.life, request, this.options.archive ?? null);
    if ('code' in found) this.fail(client, request.id, found);
    else this.reply(client, request.id, { type: 'history', ...found });
  }

  private command(input: unknown): WireResult {
    const result = (this.runtime ?? this.engine).dispatch(input);
    if (!result.ok) return result;
    const first = result.events[0]?.seq ?? this.engine.seq;
    return { ok: true, command: result.command, firstSeq: first, lastSeq: this.engine.seq };
  }

  /** Resume after `after` when the journal still has those events, else start from a snapshot. */
  private sync(client: HostClient, after: number | undefined, epoch: string | undefined): ReplyBody {
    const state = this.clients.get(client) ?? { lastSeq: 0 };
    this.clients.set(client, state);
    const resumable =
      after !== undefined && after <= this.engine.seq && (epoch === undefined || epoch === this.life);
    const missed = resumable ? this.engine.eventsSince(after) : null;
    if (missed === null) {
      state.lastSeq = this.engine.seq;
      client.send(this.snapshotMessage());
      this.sendLabels(this.watch?.labels() ?? [], client);
      this.sendCatalog(client);
      return { type: 'sync', mode: 'snapshot', seq: state.lastSeq, role: client.role };
    }
    state.lastSeq = this.engine.seq;
    sendEvents(client, missed);
    client.send({ v: PROTOCOL_VERSION, kind: 'traffic', traffic: this.traffic });
    this.sendLabels(this.watch?.labels() ?? [], client);
    this.sendCatalog(client);
    return { type: 'sync', mode: 'resume', seq: state.lastSeq, role: client.role };
  }

  private setTraffic(change: Partial<TrafficStatus>): void {
    const previous = this.traffic;
    this.traffic = {
      running: change.running ?? previous.running,
      rate: change.rate ?? previous.rate,
      seed: change.seed ?? previous.seed,
      sessions: change.sessions ?? previous.sessions,
    };
    if (this.traffic.seed !== previous.seed || this.traffic.sessions !== previous.sessions) {
      // A new generator, fed from now on instead of the old one.
      this.unsubscribe();
      this.generator = this.newGenerator();
      this.attach();
    }
    if (this.traffic.running) this.startTraffic();
    else this.pump.stop();
    this.broadcast({ v: PROTOCOL_VERSION, kind: 'traffic', traffic: this.traffic });
  }

  /** A new, empty engine: a new epoch, so every client drops what it had. */
  private reset(seed: number): void {
    this.flush();
    this.unsubscribe();
    this.runtime?.stop();
    this.engine = new Engine(this.options.engine);
    this.runtime = this.newRuntime();
    this.life = newEpoch();
    this.traffic = { ...this.traffic, seed };
    this.generator = this.newGenerator();
    this.attach();
    this.options.observer?.reset(this.life);
    const message = this.snapshotMessage();
    for (const [client, state] of this.clients) {
      // Only clients that have synced get the new epoch; the others will ask for it.
      if (!Number.isFinite(state.lastSeq)) continue;
      state.lastSeq = 0;
      client.send(message);
    }
    // The new runtime is provisioned afresh (uploads stay): pages see its mapped queues.
    this.sendCatalog();
  }

  private snapshotMessage(): HostMessage {
    return {
      v: PROTOCOL_VERSION,
      kind: 'snapshot',
      epoch: this.life,
      snapshot: this.engine.snapshot(),
      traffic: this.traffic,
    };
  }

  private attach(): void {
    const engine = this.engine;
    const generator = this.generator;
    this.unsubscribe = engine.subscribe((events) => {
      generator.observe(events);
      this.options.observer?.events(events);
      for (const event of events) this.pending.push(event);
      this.scheduleFlush();
    });
  }

  private scheduleFlush(): void {
    this.flushTimer ??= setTimeout(() => this.flush(), this.options.flushMs ?? 16);
  }

  private flush(): void {
    if (this.flushTimer !== null) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    const batch = this.pending;
    this.pending = [];
    if (batch.length > 0) this.sendBatch(batch);
    // After the events: a label may name a session those events start.
    this.sendLabels(this.watch?.takeChanged() ?? []);
  }

  private sendBatch(batch: readonly EngineEvent[]): void {
    for (const [client, state] of this.clients) {
      // A client that synced after some of these events were journaled skips those.
      const fresh =
        batch[0] !== undefined && batch[0].seq > state.lastSeq
          ? batch
          : batch.filter((e) => e.seq > state.lastSeq);
      if (fresh.length === 0) continue;
      state.lastSeq = fresh[fresh.length - 1]?.seq ?? state.lastSeq;
      sendEvents(client, fresh);
    }
  }

  /** Strategy sessions' states, to every client that has synced (the others get all of them then). */
  private sendLabels(labels: readonly StrategyLabel[], to?: HostClient): void {
    if (labels.length === 0) return;
    const message: HostMessage = { v: PROTOCOL_VERSION, kind: 'strategies', labels };
    if (to !== undefined) to.send(message);
    else for (const [client, state] of this.clients) if (Number.isFinite(state.lastSeq)) client.send(message);
  }

  /** The strategy catalog, to one client or to every synced one; nothing where no strategies run. */
  private sendCatalog(to?: HostClient): void {
    if (this.runtime === null) return;
    const named = [...(this.options.strategies?.catalog ?? []), ...(this.uploads?.keys() ?? [])];
    const message: HostMessage = {
      v: PROTOCOL_VERSION,
      kind: 'catalog',
      catalog: strategyCatalog(this.runtime, named),
    };
    if (to !== undefined) to.send(message);
    else for (const [client, state] of this.clients) if (Number.isFinite(state.lastSeq)) client.send(message);
  }

  private startTraffic(): void {
    this.pump.start(
      () => this.engine,
      () => this.generator,
      () => this.traffic.rate,
    );
  }

  /** Strategies on the current engine, on the wall clock the engine's times come from. */
  private newRuntime(): StrategyRuntime | null {
    const setup = this.options.strategies;
    if (setup === undefined) return null;
    const watch = new StrategyWatch(() => this.engine.seq);
    const uploads = this.uploads;
    let runtime: StrategyRuntime | null = null;
    const made = strategyRuntime(this.engine, wallClock, {
      ...setup,
      documents: uploads === null ? setup.documents : (src) => uploads.get(src) ?? setup.documents(src),
      onTrace: (record) => {
        if (runtime !== null) watch.record(record, runtime);
        // A state change with no journaled event (a timer's step) still reaches the pages.
        if (record.kind === 'macrostep.end') this.scheduleFlush();
        setup.onTrace?.(record);
      },
    });
    if (!made.ok) throw new Error(`strategies: ${made.error.field} ${made.error.reason}`);
    runtime = made.value;
    this.watch = watch;
    return runtime;
  }

  /**
   * [choice] A strategy's state machine lives in memory only. After a restart from the journal, a
   * session that ran one is still running in the engine, but nothing drives it any more: it would
   * hold its interactions forever. Each is ended as `failed`, saying why, so its interactions go
   * back to Unowned where a supervisor sees them and can route them again. Rebuilding the machines
   * by replay would need each session's journal from its start, which compaction does not keep.
   */
  private endStrandedStrategies(): void {
    const runtime = this.runtime;
    if (runtime === null) return;
    for (const session of this.engine.state.sessions.values()) {
      if (session.state === 'ended' || !runtime.check(session.src).ok) continue;
      this.engine.execute({
        verb: 'endSession',
        session: session.id,
        reason: 'failed',
        detail: 'its strategy did not survive the server restart',
        origin: 'housekeeping',
      });
    }
  }

  private newGenerator(): TrafficGenerator {
    const generator = new TrafficGenerator({
      seed: this.traffic.seed,
      targetSessions: this.traffic.sessions,
    });
    // A generator picks from what it has seen: show it the state it starts from.
    generator.load(this.engine.snapshot());
    return generator;
  }

  private reply(client: HostClient, id: number, body: ReplyBody): void {
    client.send({ v: PROTOCOL_VERSION, kind: 'reply', id, ...body });
  }

  private fail(client: HostClient, id: number | null, error: ProtocolError): void {
    client.send({ v: PROTOCOL_VERSION, kind: 'error', id, error });
  }

  private broadcast(message: HostMessage): void {
    for (const client of this.clients.keys()) client.send(message);
  }
}

function newEpoch(): string {
  return `${Date.now().toString(36)}-${Math.floor(Math.random() * 36 ** 6).toString(36)}`;
}
