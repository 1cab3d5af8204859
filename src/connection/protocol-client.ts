import type { Command, EngineEvent, Snapshot } from '../engine';
import {
  type History,
  type HistoryQuery,
  type HostMessage,
  PROTOCOL_VERSION,
  parseHistoryReply,
  parseHostMessage,
  parseStrategyReply,
  type ReplyBody,
  type StrategyInspection,
  type TrafficStatus,
  type WireResult,
} from '../protocol/messages';
import type { Role } from '../protocol/role';
import {
  type Connection,
  ConnectionError,
  type ConnectionKind,
  type ConnectionListener,
  type ProvisionRequest,
  type TrafficChange,
} from './types';

type Pending = { resolve: (body: ReplyBody) => void; reject: (error: ConnectionError) => void };
type RequestBody =
  | { type: 'command'; command: Command }
  | { type: 'traffic'; running?: boolean; rate?: number; seed?: number }
  | { type: 'reset'; seed?: number }
  | { type: 'sync'; after?: number; epoch?: string }
  | ({ type: 'history' } & HistoryQuery)
  | { type: 'strategy'; session: string }
  | ({ type: 'provision' } & ProvisionRequest);

/**
 * The protocol side of every connection: request ids and replies, the `seq` bookkeeping that
 * keeps the stream gap-free and duplicate-free. An adapter adds only its transport: `post` a
 * message, call `receive` with what arrives, `resume` on reconnect.
 */
export abstract class ProtocolClient implements Connection {
  abstract readonly kind: ConnectionKind;
  /** Until the host says otherwise; the host's sync reply names the role it grants. */
  role: Role = 'viewer';
  protected listener: ConnectionListener | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private lastSeq = -1;
  /** The engine life our state comes from: a resume only holds within it. */
  private epoch: string | null = null;
  private readonly snapshotWaiters: ((snapshot: Snapshot) => void)[] = [];

  protected abstract post(message: unknown): void;
  /** Whether a message posted now goes out now (not into a buffer that sends it later). */
  protected abstract linked(): boolean;
  protected abstract open(): void;
  protected abstract close(): void;

  async start(listener: ConnectionListener): Promise<void> {
    this.listener = listener;
    listener.status({ state: 'connecting' });
    this.open();
    await this.snapshot();
    listener.status({ state: 'connected', role: this.role });
  }

  stop(): void {
    this.close();
    this.failAll('closed', 'the connection was stopped');
    this.listener?.status({ state: 'closed', reason: 'stopped' });
    this.listener = null;
  }

  async command(command: Command): Promise<WireResult> {
    const reply = await this.write({ type: 'command', command });
    if (reply.type !== 'command') throw unexpected(reply);
    return reply.result;
  }

  async traffic(change: TrafficChange): Promise<TrafficStatus> {
    const reply = await this.write({ type: 'traffic', ...change });
    if (reply.type !== 'traffic') throw unexpected(reply);
    return reply.traffic;
  }

  async reset(seed?: number): Promise<void> {
    await this.write(seed === undefined ? { type: 'reset' } : { type: 'reset', seed });
  }

  async history(query: HistoryQuery): Promise<History> {
    const reply = await this.request({ type: 'history', of: query.of, target: query.target });
    const history = parseHistoryReply(reply);
    if (history === null) throw unexpected(reply);
    return history;
  }

  async strategy(session: string): Promise<StrategyInspection> {
    const reply = await this.request({ type: 'strategy', session });
    const inspection = parseStrategyReply(reply);
    if (inspection === null) throw unexpected(reply);
    return inspection;
  }

  async provision(request: ProvisionRequest): Promise<{ readonly queue: string; readonly strategy: string }> {
    const reply = await this.write({ type: 'provision', ...request });
    if (reply.type !== 'provision') throw unexpected(reply);
    return { queue: reply.queue, strategy: reply.strategy };
  }

  snapshot(): Promise<Snapshot> {
    const arrived = new Promise<Snapshot>((resolve) => this.snapshotWaiters.push(resolve));
    return this.request({ type: 'sync' }).then((reply) => {
      if (reply.type === 'sync') this.role = reply.role;
      return arrived;
    });
  }

  /** After the transport came back: ask for what was missed since the last event we hold. */
  protected async resume(): Promise<void> {
    const held = this.lastSeq;
    const reply = await this.request(
      this.epoch === null ? { type: 'sync' } : { type: 'sync', after: this.lastSeq, epoch: this.epoch },
    );
    if (reply.type !== 'sync') throw unexpected(reply);
    this.role = reply.role;
    this.listener?.resynced({ mode: reply.mode, seq: reply.seq, after: held });
    this.listener?.status({ state: 'connected', role: this.role });
  }

  /** The transport lost its link: what is in flight will get no reply. */
  protected interrupted(reason: string): void {
    this.failAll('disconnected', reason);
  }

  protected receive(input: unknown): void {
    const message = parseHostMessage(input);
    if (message === null) return;
    this.handle(message);
  }

  private handle(message: HostMessage): void {
    switch (message.kind) {
      case 'reply': {
        const { v: _v, kind: _kind, id, ...body } = message;
        this.settle(id)?.resolve(body);
        return;
      }
      case 'error':
        if (message.id !== null) {
          const { code, field, reason, position } = message.error;
          this.settle(message.id)?.reject(new ConnectionError(code, field, reason, position));
        }
        return;
      case 'snapshot':
        // Events after it continue from its seq.
        this.lastSeq = message.snapshot.seq;
        this.epoch = message.epoch;
        this.listener?.snapshot({
          epoch: message.epoch,
          snapshot: message.snapshot,
          traffic: message.traffic,
        });
        for (const resolve of this.snapshotWaiters.splice(0)) resolve(message.snapshot);
        return;
      case 'events':
        this.events(message.events);
        return;
      case 'traffic':
        this.listener?.traffic(message.traffic);
        return;
      case 'strategies':
        this.listener?.strategies(message.labels);
        return;
      case 'catalog':
        this.listener?.catalog(message.catalog);
        return;
    }
  }

  private events(events: readonly EngineEvent[]): void {
    const first = events[0];
    if (first === undefined || this.lastSeq < 0) return;
    if (first.seq !== this.lastSeq + 1) {
      // A gap (or a repeat) means this stream cannot be trusted: start again from what we hold.
      const fresh = events.filter((e) => e.seq > this.lastSeq);
      if (fresh[0]?.seq !== this.lastSeq + 1) {
        void this.resume().catch(() => {});
        return;
      }
      this.events(fresh);
      return;
    }
    this.lastSeq = events[events.length - 1]?.seq ?? this.lastSeq;
    this.listener?.events(events);
  }

  /**
   * A request that changes the engine goes out now or not at all: held back while the link is
   * down, it would run later, against an engine the user no longer sees.
   */
  private write(body: RequestBody): Promise<ReplyBody> {
    if (!this.linked()) {
      return Promise.reject(
        new ConnectionError('offline', 'connection', 'not connected to the engine: nothing was sent'),
      );
    }
    return this.request(body);
  }

  private request(body: RequestBody): Promise<ReplyBody> {
    const id = this.nextId++;
    return new Promise<ReplyBody>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.post({ v: PROTOCOL_VERSION, id, ...body });
    });
  }

  private settle(id: number): Pending | undefined {
    const pending = this.pending.get(id);
    this.pending.delete(id);
    return pending;
  }

  private failAll(code: string, reason: string): void {
    for (const { reject } of this.pending.values()) reject(new ConnectionError(code, 'connection', reason));
    this.pending.clear();
  }
}

function unexpected(reply: ReplyBody): ConnectionError {
  return new ConnectionError('badreply', 'type', `unexpected reply of type ${reply.type}`);
}
