import type { InteractionInit, InteractionState, Invoker, Udata } from './model';
import type { Resource } from './resource';

/**
 * Everything the engine journals. ORS events (spec A, I) are addressed to the session that
 * receives them (`session`); lifecycle events are the inspector's own record of state changes.
 * Only lifecycle events change the model (see apply.ts); ORS events are what a session is told.
 */
/**
 * `housekeeping`: the host's own upkeep (its periodic purge; ending strategy sessions a restart
 * stranded), so that `api` holds only what someone sent.
 * `strategy`: an ORS application (an SCXML document) made the command; its cause says where.
 */
export type Origin = 'traffic' | 'drag' | 'keyboard' | 'api' | 'replay' | 'housekeeping' | 'strategy';
export const ORIGINS: readonly Origin[] = [
  'traffic',
  'drag',
  'keyboard',
  'api',
  'replay',
  'housekeeping',
  'strategy',
];

/** Where in a strategy a command was made: what the log filters on and the move history shows. */
export interface StrategyCause {
  /** The document's `name`, or the `src` it was loaded from when it has none. */
  readonly strategy: string;
  readonly session: string;
  /** The state whose transition, `onentry` or `onexit` holds the element. */
  readonly state: string;
  /** `transition`, `onentry`, `onexit` (or `script` for the document's top-level script). */
  readonly within: string;
  /** The element that made the command, as written (`ixn:associate`, `script`...), and its line. */
  readonly element: string;
  readonly line: number;
  /** The event the session was taking, if any. */
  readonly event?: string;
}

/** Why an event happened: the accepted command that produced it. */
export interface Cause {
  /** Number of the accepted command (1, 2, ...); all events of one command share it. */
  readonly command: number;
  readonly verb: string;
  readonly origin: Origin;
  readonly requestid?: string;
  /** Set when `origin` is `strategy`; older journals have none. */
  readonly strategy?: StrategyCause;
}

export type SessionEndReason = 'done.scxml' | 'terminated' | 'failed';
export const SESSION_END_REASONS: readonly SessionEndReason[] = ['done.scxml', 'terminated', 'failed'];

/** Start parameters (X10): scalars, or lists or maps of scalars (commands.ts says why no deeper). */
type ParamScalar = string | number | boolean | null;
export type ParamValue = ParamScalar | readonly ParamScalar[] | Readonly<Record<string, ParamScalar>>;
export type StartParams = Readonly<Record<string, ParamValue>>;

/** Why an interaction changed owner. */
export type OwnerChange =
  | 'arrival'
  | 'associate'
  | 'attach'
  | 'detach'
  | 'redirect'
  | 'terminate'
  | 'release';

interface Ixn {
  readonly interactionid: string;
}
interface Request extends Ixn {
  readonly requestid: string;
}

/** Event name → its `data`. */
export interface EventDataMap {
  // Lifecycle
  'session.started': {
    readonly src: string;
    readonly trigger: 'start' | 'arrival' | 'invoke';
    /** Start parameters (X10), given to the session's document; absent when there were none. */
    readonly params?: StartParams;
    /** X10: with trigger `invoke`, the session whose `<invoke>` started it. */
    readonly invoker?: Invoker;
  };
  /** `failed`: the session's strategy ran out of time or memory, and `detail` says how. */
  'session.ended': { readonly reason: SessionEndReason; readonly detail?: string };
  'interaction.created': { readonly interaction: InteractionInit };
  'interaction.state.changed': Ixn & { readonly from: InteractionState; readonly to: InteractionState };
  'interaction.owner.changed': Ixn & {
    readonly from: string | null;
    readonly to: string | null;
    readonly via: OwnerChange;
  };
  'interaction.ended': Ixn & { readonly reason: string };
  'session.purged': Record<string, never>;
  /** X13: an event sent to a session from outside (REST, the UI), journaled so a replay sends it again. */
  'session.event': { readonly event: string; readonly data?: StartParams };
  'interaction.purged': Ixn;
  // ORS
  'interaction.added': Ixn;
  'interaction.present': Ixn;
  'interaction.deleted': Ixn & { readonly resultof?: 'associate' | 'detach' };
  'interaction.notcontrolled': Ixn;
  'interaction.associate.done': Request;
  'interaction.attach.done': Request;
  'interaction.detach.done': Request;
  'interaction.redirect.done': Request & { readonly resource: Resource };
  'interaction.terminate.done': Request;
  'interaction.udata.changed': Ixn & {
    readonly udata: Udata;
    readonly changed: readonly string[];
    readonly deleted: readonly string[];
  };
}

export type EventName = keyof EventDataMap;

export const LIFECYCLE_EVENTS = [
  'session.started',
  'session.ended',
  'interaction.created',
  'interaction.state.changed',
  'interaction.owner.changed',
  'interaction.ended',
  'session.purged',
  'interaction.purged',
] as const satisfies readonly EventName[];

export const ORS_EVENTS = [
  'interaction.added',
  'interaction.present',
  'interaction.deleted',
  'interaction.notcontrolled',
  'interaction.associate.done',
  'interaction.attach.done',
  'interaction.detach.done',
  'interaction.redirect.done',
  'interaction.terminate.done',
  'interaction.udata.changed',
] as const satisfies readonly EventName[];

/** What someone told a session: it changes no record, the session's state machine takes it. */
const INPUT_EVENTS = ['session.event'] as const satisfies readonly EventName[];

export const EVENT_NAMES: readonly EventName[] = [...LIFECYCLE_EVENTS, ...ORS_EVENTS, ...INPUT_EVENTS];

/** A journaled event: a draft with its global `seq` (S3), its `time` and its `cause`. */
export type EngineEvent = {
  [N in EventName]: {
    readonly seq: number;
    readonly time: number;
    readonly name: N;
    readonly session: string | null;
    readonly data: EventDataMap[N];
    readonly cause: Cause;
  };
}[EventName];

export type EventOf<N extends EventName> = Extract<EngineEvent, { name: N }>;

/** The `interactionid` an event concerns, if any. */
export function eventInteraction(event: EngineEvent): string | null {
  if (event.name === 'interaction.created') return event.data.interaction.g_uid;
  if ('interactionid' in event.data) return event.data.interactionid;
  return null;
}
