import type { Command, EngineEvent, Snapshot } from '../engine';
import type {
  History,
  HistoryQuery,
  StrategyCatalog,
  StrategyInspection,
  StrategyLabel,
  TrafficStatus,
  WireResult,
} from '../protocol/messages';
import type { Role } from '../protocol/role';

/**
 * The one interface the UI talks to an engine through. Three adapters implement it: the
 * in-browser worker, the socket.io client and a recording (read-only); all pass
 * src/connection/contract.ts.
 */
export type ConnectionStatus =
  | { readonly state: 'connecting' }
  | { readonly state: 'connected'; readonly role: Role }
  | { readonly state: 'reconnecting'; readonly attempt: number }
  | { readonly state: 'closed'; readonly reason: string };

/**
 * Which adapter carries a connection: the in-browser Web Worker, socket.io to a server, or a
 * recording read from a file (read-only, docs/recordings.md).
 */
export type ConnectionKind = 'worker' | 'socket' | 'recording';

export interface SnapshotMessage {
  readonly epoch: string;
  readonly snapshot: Snapshot;
  readonly traffic: TrafficStatus;
  /**
   * Set when the page already shows the state at this seq (a long recording's final state, shown
   * first): the events up to it follow this snapshot, and the page keeps showing that state while
   * they fill its record in.
   */
  readonly fillTo?: number;
}

/**
 * What a connection tells its user. Events come as the host sends them, in order; pacing them to
 * the page's frames is the page's business (store/bind-connection.ts).
 */
export interface ConnectionListener {
  /** A whole state: the first one, after a reset (new epoch), or a resync from scratch. */
  snapshot(message: SnapshotMessage): void;
  /** Journaled events, `seq` contiguous with what came before. */
  events(events: readonly EngineEvent[]): void;
  traffic(status: TrafficStatus): void;
  status(status: ConnectionStatus): void;
  /** After a reconnect: whether missed events were replayed or a new snapshot sent, and from where. */
  resynced(info: ResyncInfo): void;
  /**
   * Strategy sessions whose active states changed (after a snapshot: every running one). A label
   * with no states: that session's strategy ended.
   */
  strategies(labels: readonly StrategyLabel[]): void;
  /** The host's mapped queues and the documents it offers; a host without strategies sends none. */
  catalog(catalog: StrategyCatalog): void;
}

/** Arrivals on `queue` run the document `src`; `text` uploads it first (where the host takes uploads). */
export interface ProvisionRequest {
  readonly queue: string;
  readonly src: string;
  readonly text?: string;
}

/** After a reconnect: resumed after `after` (what we held) up to `seq`, or a snapshot at `seq`. */
export interface ResyncInfo {
  readonly mode: 'snapshot' | 'resume';
  readonly seq: number;
  readonly after: number;
}

export type TrafficChange = Partial<TrafficStatus>;

export interface Connection {
  readonly kind: ConnectionKind;
  /** What the host lets this client do; known once connected (`connected` status carries it too). */
  readonly role: Role;
  /** Connects and resolves once the first snapshot has been delivered to the listener. */
  start(listener: ConnectionListener): Promise<void>;
  stop(): void;
  /** Sends a command; resolves with the engine's result (its events arrive in the stream). */
  command(command: Command): Promise<WireResult>;
  traffic(change: TrafficChange): Promise<TrafficStatus>;
  reset(seed?: number): Promise<void>;
  /**
   * The journaled events of one interaction or session, as far back as the host still has them
   * (docs/protocol.md); rejects with a ConnectionError `unknown` when it has nothing of it.
   */
  history(query: HistoryQuery): Promise<History>;
  /**
   * One strategy session's statechart, datamodel and trace; asked for the selected session only.
   * Rejects with a ConnectionError `unknown` for a session that runs no strategy.
   */
  strategy(session: string): Promise<StrategyInspection>;
  /**
   * Maps a queue to a strategy document. Rejects with a ConnectionError: `baddocument` (with the
   * document's `position`), `unknown` (no such document), `forbidden` (a viewer; an upload to a host
   * that reads only its own directory), `badmessage` (naming the field).
   */
  provision(request: ProvisionRequest): Promise<{ readonly queue: string; readonly strategy: string }>;
  /**
   * A fresh snapshot of the whole state; the listener gets it too, so both stay in step. A
   * recording answers its final state, which its listener already holds (its events fold to it).
   */
  snapshot(): Promise<Snapshot>;
}

/** Thrown (as a rejected promise) when the host refuses a message or the connection is gone. */
export class ConnectionError extends Error {
  constructor(
    readonly code: string,
    readonly field: string,
    readonly reason: string,
    /** Where in a strategy document the error is (`baddocument`). */
    readonly position?: { readonly line: number; readonly column: number },
  ) {
    super(`${code}: ${field} ${reason}`);
    this.name = 'ConnectionError';
  }
}
