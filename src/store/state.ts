import type { ConnectionKind, ConnectionStatus } from '../connection/types';
import type { Model, Origin, StrategyCause } from '../engine';
import type { StrategyCatalog, StrategyLabel, TrafficStatus } from '../protocol/messages';
import type { Role } from '../protocol/role';
import type { LogBuffer } from './log-buffer';
import type { PageRecord } from './page-record';

/** What is selected on the graph (and filters the log to it). */
export type Selection = { readonly kind: 'session' | 'interaction'; readonly id: string } | null;

/** A change of owner, as the graph animates it and the details panel lists it. */
export interface Move {
  readonly seq: number;
  readonly time: number;
  readonly g_uid: string;
  readonly from: string | null;
  readonly to: string | null;
  readonly via: string;
  readonly origin: Origin;
  /** Where in a strategy the move was made (origin `strategy`). */
  readonly strategy?: StrategyCause;
}

/** An ended session or interaction, waiting to be forgotten by the page (see KEEP_ENDED_MS). */
export interface Ended {
  readonly kind: 'session' | 'interaction';
  readonly id: string;
  readonly time: number;
}

export interface LogFilters {
  /** Event names to show; empty shows all. */
  readonly names: readonly string[];
  readonly session: string;
  readonly interaction: string;
  readonly origin: Origin | '';
  /** A strategy's name: only what that strategy made. */
  readonly strategy: string;
  readonly text: string;
  /** A query in the log's query language (`docs/query.md`); one that does not parse filters nothing. */
  readonly query: string;
}

export const NO_FILTERS: LogFilters = {
  names: [],
  session: '',
  interaction: '',
  origin: '',
  strategy: '',
  text: '',
  query: '',
};

export interface Toast {
  readonly id: number;
  readonly tone: 'error' | 'info';
  readonly title: string;
  readonly text: string;
}

export interface InspectorState {
  readonly connection: {
    readonly kind: ConnectionKind;
    /** What the host granted; null until a host has answered (a URL that never did). */
    readonly role: Role | null;
    readonly status: ConnectionStatus;
  };
  /** One engine's life; a new epoch (a reset) clears everything. */
  readonly epoch: string | null;
  /** The last applied `seq`: the present, also while the past is on screen. */
  readonly seq: number;
  /**
   * The seq on screen; null: live (the present). While it is a number, `model`, `moves`,
   * `history`, `ended` and `strategies` are the state at that seq, the log shows its first
   * `logAt` rows, and live events go on into `record` (and the log) unseen until "Live".
   */
  readonly at: number | null;
  /** This epoch's base snapshot and every event since that the page holds, with checkpoints. */
  readonly record: PageRecord;
  /**
   * While a long recording's events fill the record in behind its final state (shown first): the
   * seq of that state, which the record reaches when they are all in, and the state itself (what
   * Live shows meanwhile). Null otherwise.
   */
  readonly filling: Filling | null;
  /** While `at` is set: how many log rows (numbered like LogBuffer.total) are at or before it. */
  readonly logAt: number | null;
  /** The log's row number (LogBuffer.total numbering) where the record's rows begin. */
  readonly recordRow: number;
  /** Sessions and interactions, kept by the engine's own reducer. */
  readonly model: Model;
  readonly log: LogBuffer;
  /** Bumped whenever rows are appended to `log`. */
  readonly logVersion: number;
  /**
   * Recent owner changes, newest last, for the graph to animate. After a jump in time, the ones it
   * passed over; backward, each reversed (store/time-travel.ts).
   */
  readonly moves: readonly Move[];
  /** Every owner change of each interaction, oldest first (the details panel). */
  readonly history: ReadonlyMap<string, readonly Move[]>;
  /** Ended records in the order they ended, oldest first. */
  readonly ended: readonly Ended[];
  /** Sessions running a strategy (or that ran one): its name and active states, by session id. */
  readonly strategies: ReadonlyMap<string, StrategyLabel>;
  /** The host's mapped queues and offered documents, as it last said; null from a host without strategies. */
  readonly catalog: StrategyCatalog | null;
  readonly selection: Selection;
  /** The interaction the graph follows (pans to its owner after each move); only the selected one. */
  readonly followed: string | null;
  readonly filters: LogFilters;
  /** The log follows the newest row; paused, it holds still and counts what arrives. */
  readonly follow: boolean;
  /** Log length when the log was paused. */
  readonly pausedAt: number;
  readonly traffic: TrafficStatus;
  readonly toasts: readonly Toast[];
  /** Commands in flight when the link dropped, oldest first: settled after the resync. */
  readonly unsettled: readonly Unsettled[];
}

/** The state on screen while the record fills in up to it (InspectorState.filling). */
export interface Filling {
  readonly to: number;
  readonly shown: Pick<InspectorState, 'model' | 'moves' | 'history' | 'ended' | 'strategies'>;
}

/** A command the engine may or may not have run: its reply was lost with the link. */
export interface Unsettled {
  readonly verb: string;
  /** Its `requestid` (actions carry one), by which the journal names its events; else null. */
  readonly requestid: string | null;
  /** The log's `total` when it was sent: its events, if any, come after. */
  readonly sentAt: number;
}

/**
 * Whether the page may change the engine: an operator, on a live link, with the present on
 * screen. Offline, nothing is queued to run later against an engine the user no longer sees; in
 * the past, a drag or a command would act on a state that is not the one drawn.
 */
export function canWrite(state: Pick<InspectorState, 'connection' | 'at'>): boolean {
  return (
    state.connection.role === 'operator' && state.connection.status.state === 'connected' && state.at === null
  );
}
