import { type IdCounters, NO_IDS } from './ids';
import type { Category, MediaName } from './media';

/**
 * The object model the engine maintains and the inspector draws (spec "Words").
 * Records are immutable: every change replaces the record, so a reader (the store, a snapshot)
 * can keep the old one and compare by identity.
 */
export type SessionState = 'running' | 'ended';
export type InteractionState = 'queued' | 'routing' | 'handling' | 'ended';
type UdataValue = string | number | boolean;
export type Udata = Readonly<Record<string, UdataValue>>;

/** B2: the property that names the owner session. */
export const OP_SESSION_ID = 'OP-Session-ID';

/** X10: the session whose `<invoke>` started another, and the id of that invoke. */
export type Invoker = {
  readonly session: string;
  readonly invokeid: string;
};

export interface SessionRecord {
  readonly id: string;
  readonly state: SessionState;
  /** The SCXML document that runs the session (S1: mandatory for an explicit start). */
  readonly src: string;
  /** Absent for a session no `<invoke>` started. */
  readonly invoker?: Invoker;
  readonly startedAt: number;
  readonly endedAt: number | null;
  /** `_genesys.ixn.interactions`: the g_uids it owns, in join order (B3). */
  readonly interactions: readonly string[];
}

export interface InteractionRecord {
  readonly g_uid: string;
  readonly category: Category;
  readonly media: MediaName;
  readonly parentid: string | null;
  /** The interaction queue it was pulled from. */
  readonly queue: string;
  readonly udata: Udata;
  /** Holds `OP-Session-ID` while the interaction has an owner (B2). */
  readonly properties: Readonly<Record<string, string>>;
  readonly state: InteractionState;
  readonly owner: string | null;
  readonly createdAt: number;
  readonly endedAt: number | null;
}

/** An interaction as `interaction.created` announces it; `createdAt` is that event's time. */
export type InteractionInit = Omit<InteractionRecord, 'createdAt' | 'endedAt'>;

/** The whole engine state. The maps are mutated in place; the records in them are replaced. */
export interface Model {
  readonly sessions: Map<string, SessionRecord>;
  readonly interactions: Map<string, InteractionRecord>;
  /** How far generated ids have gone (ids.ts): replaced, like a record, when a record is created. */
  ids: IdCounters;
}

export function createModel(): Model {
  return { sessions: new Map(), interactions: new Map(), ids: NO_IDS };
}

/** A shallow copy that shares records: the copy can be changed without touching the original. */
export function copyModel(model: Model): Model {
  return { sessions: new Map(model.sessions), interactions: new Map(model.interactions), ids: model.ids };
}
