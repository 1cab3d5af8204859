import { z } from 'zod';
import {
  type CommandError,
  type EngineEvent,
  type InteractionRecord,
  LIMITS,
  type SessionRecord,
  type Snapshot,
} from '../engine';
import type { Role } from './role';

/**
 * The wire protocol between the UI and an engine host (the in-browser worker or the socket.io
 * server): one versioned envelope, the same messages over `postMessage` and over socket.io.
 * See docs/protocol.md. Requests carry an `id`; the host answers each with one `reply`.
 */
export const PROTOCOL_VERSION = 1;

export const TRAFFIC_RATE = { min: 1, max: 10_000 } as const;
export const TRAFFIC_SESSIONS = { min: 1, max: 5_000 } as const;

export interface TrafficStatus {
  readonly running: boolean;
  /** Events per second the generator aims for. */
  readonly rate: number;
  readonly seed: number;
  /** Running sessions the generator aims for: how busy the contact center is. */
  readonly sessions: number;
}

/** socket.io carries the envelope on this one event, both ways (docs/server.md). */
export const SOCKET_EVENT = 'ors';

/** The socket.io handshake `auth`: a role token, needed only when the server has tokens. */
export interface HandshakeAuth {
  readonly token?: string;
}

/** What a host starts with when it is not told otherwise: gentle live traffic, seed 1. */
export const DEFAULT_TRAFFIC: TrafficStatus = { running: true, rate: 20, seed: 1, sessions: 40 };

/** The result of a command as the wire carries it: its events arrive in the event stream. */
export type WireResult =
  | {
      readonly ok: true;
      readonly command: number | null;
      readonly firstSeq: number;
      readonly lastSeq: number;
    }
  | { readonly ok: false; readonly error: CommandError };

const requestId = z.number().int().nonnegative();
const sessionId = z.string().min(1, 'must not be empty').max(LIMITS.id);

/** Bounds of `provision`: a document's name and its text. */
export const STRATEGY_LIMITS = { src: 200, document: 512 * 1024 } as const;
/** A document's name: a relative path of plain segments, ending in `.scxml`. */
const DOCUMENT_SRC = /^[\w.-]+(\/[\w.-]+)*\.scxml$/;
const version = z.literal(PROTOCOL_VERSION);
const seed = z
  .number()
  .int()
  .nonnegative()
  .max(2 ** 32 - 1);

/**
 * Requests are validated here; the command inside is only checked to be an object, because the
 * engine validates commands itself (E1) and answers with its own typed error. It is passed on as
 * sent, not copied: zod's record would drop a `__proto__` key, which the engine must see to refuse.
 */
const requestSchema = z.discriminatedUnion('type', [
  z
    .object({
      v: version,
      type: z.literal('command'),
      id: requestId,
      command: z.custom<object>(
        (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
        'must be a JSON object',
      ),
    })
    .strict(),
  z
    .object({
      v: version,
      type: z.literal('traffic'),
      id: requestId,
      running: z.boolean().optional(),
      rate: z.number().int().min(TRAFFIC_RATE.min).max(TRAFFIC_RATE.max).optional(),
      seed: seed.optional(),
      sessions: z.number().int().min(TRAFFIC_SESSIONS.min).max(TRAFFIC_SESSIONS.max).optional(),
    })
    .strict(),
  z
    .object({
      v: version,
      type: z.literal('reset'),
      id: requestId,
      seed: seed.optional(),
    })
    .strict(),
  /**
   * Asks for a fresh start (a snapshot), or for the events after `after` (a resume). A resume
   * holds only within the engine life (`epoch`) the client's state comes from: after a reset or a
   * crash while it was away, the same seqs name other events, and the host sends a snapshot.
   */
  z
    .object({
      v: version,
      type: z.literal('sync'),
      id: requestId,
      after: z.number().int().nonnegative().optional(),
      epoch: z.string().max(100).optional(),
    })
    .strict(),
  /** The journaled events of one interaction (`target` is its g_uid) or one session. */
  z
    .object({
      v: version,
      type: z.literal('history'),
      id: requestId,
      of: z.enum(['interaction', 'session']),
      target: z.string().min(1).max(LIMITS.id),
    })
    .strict(),
  /** What a session's strategy is doing: its statechart, datamodel and trace (read). */
  z
    .object({
      v: version,
      type: z.literal('strategy'),
      id: requestId,
      session: sessionId,
    })
    .strict(),
  /**
   * Arrivals on `queue` run the strategy `src` names (write). With `text`, the document is
   * uploaded first under `src` (only where the host takes uploads: the in-browser worker).
   */
  z
    .object({
      v: version,
      type: z.literal('provision'),
      id: requestId,
      queue: z.string().min(1, 'must not be empty').max(LIMITS.id),
      src: z
        .string()
        .max(STRATEGY_LIMITS.src)
        .regex(DOCUMENT_SRC, 'must be a relative file name (letters, digits, _ . - and /, no ..)')
        .refine((src) => !src.split('/').includes('..'), 'must not climb out of its directory'),
      text: z.string().max(STRATEGY_LIMITS.document, 'is too large a document').optional(),
    })
    .strict(),
]);

export type Request = z.infer<typeof requestSchema>;

export type HistoryQuery = Pick<Extract<Request, { type: 'history' }>, 'of' | 'target'>;

/**
 * What the journal still holds of one interaction or session. `events` are every journaled event
 * that concerns it, oldest first, from seq `from` on (older ones are no longer kept); `complete`
 * says they reach back to its creation. `record` is its latest state: the engine's while it
 * holds it, after a purge the one the journal rebuilds (null when it cannot).
 */
export type History = HistoryOf<'interaction', InteractionRecord> | HistoryOf<'session', SessionRecord>;

interface HistoryOf<Of extends HistoryQuery['of'], R> {
  readonly of: Of;
  readonly target: string;
  readonly record: R | null;
  readonly events: readonly EngineEvent[];
  readonly from: number;
  readonly complete: boolean;
}

/** One state of a strategy's statechart, children in document order: what the details panel draws. */
export interface ChartState {
  readonly id: string;
  readonly kind: 'scxml' | 'state' | 'parallel' | 'final' | 'history';
  readonly children: readonly ChartState[];
}

/**
 * One step of a strategy session's trace as the wire carries it: the event it took, a
 * transition, an action (with its line), an error or warning, its end. `seq` is the journal's
 * last seq when it happened, so the page interleaves it with the ORS events the session received.
 */
export interface TraceEntry {
  readonly seq: number;
  readonly kind: 'event' | 'transition' | 'action' | 'error' | 'warning' | 'end';
  readonly text: string;
  readonly line?: number;
}

/** Trace records a host keeps per strategy session, the newest: enough to see why it did what it did. */
export const TRACE_KEPT = 200;

/** A value of a strategy's datamodel, as JSON carries it. */
export type DatamodelValue = z.infer<ReturnType<typeof z.json>>;

/** What the `strategy` request answers about one session that runs (or ran) a strategy. */
export interface StrategyInspection {
  readonly session: string;
  /** The document's `name`, or its `src`. */
  readonly strategy: string;
  readonly src: string;
  readonly running: boolean;
  /** Active atomic states (the last ones, once it ended). */
  readonly activeStates: readonly string[];
  readonly chart: ChartState;
  /** Top-level data ids and their values; null when the host cannot read them (the session ended). */
  readonly datamodel: Readonly<Record<string, DatamodelValue>> | null;
  /** Oldest first; `complete` is false when older entries were dropped. */
  readonly trace: readonly TraceEntry[];
  readonly complete: boolean;
}

/** A queue and the strategy an arrival there runs (X10). */
export interface QueueMapping {
  readonly queue: string;
  readonly src: string;
  /** The document's name, or its src when it has none. */
  readonly strategy: string;
}

/**
 * What strategies a host offers, for the page's Strategies menu: each mapped queue, and the
 * documents a client may name (bundled samples and uploads), both sorted.
 */
export interface StrategyCatalog {
  readonly queues: readonly QueueMapping[];
  readonly documents: readonly string[];
}

/** What a session's node shows of its strategy: its name and active states. */
export interface StrategyLabel {
  readonly session: string;
  readonly strategy: string;
  readonly states: readonly string[];
}

/** The error a host sends for a message it cannot take: it names the field and the reason. */
export interface ProtocolError {
  /**
   * `unknown`: a `history` target the journal has nothing of, a session that runs no strategy, a
   * `src` that names no document. `baddocument`: a strategy that does not compile (`position`).
   */
  readonly code: 'badmessage' | 'toolarge' | 'forbidden' | 'busy' | 'unknown' | 'baddocument';
  readonly field: string;
  readonly reason: string;
  /** Where in a document the error is (1-based). */
  readonly position?: { readonly line: number; readonly column: number };
}

export type ReplyBody =
  | { readonly type: 'command'; readonly result: WireResult }
  | { readonly type: 'traffic'; readonly traffic: TrafficStatus }
  | { readonly type: 'reset'; readonly seq: number }
  | ({ readonly type: 'history' } & History)
  | ({ readonly type: 'strategy' } & StrategyInspection)
  | { readonly type: 'provision'; readonly queue: string; readonly src: string; readonly strategy: string }
  /** `role` is what this client may do: a viewer reads, an operator also writes. */
  | {
      readonly type: 'sync';
      readonly mode: 'snapshot' | 'resume';
      readonly seq: number;
      readonly role: Role;
    };

/** Host → client. */
export type HostMessage =
  | ({ readonly v: 1; readonly kind: 'reply'; readonly id: number } & ReplyBody)
  | { readonly v: 1; readonly kind: 'error'; readonly id: number | null; readonly error: ProtocolError }
  /**
   * The whole state at `snapshot.seq`; the events that follow start at `seq + 1`. `epoch` names
   * one engine's life: it changes on reset (the journal starts again at seq 1), not on a resync.
   */
  | {
      readonly v: 1;
      readonly kind: 'snapshot';
      readonly epoch: string;
      readonly snapshot: Snapshot;
      readonly traffic: TrafficStatus;
    }
  /** A batch of journaled events, `seq` contiguous, continuing the previous batch or snapshot. */
  | { readonly v: 1; readonly kind: 'events'; readonly events: readonly EngineEvent[] }
  | { readonly v: 1; readonly kind: 'traffic'; readonly traffic: TrafficStatus }
  /**
   * Strategy sessions whose active states changed since the last message (after a `sync`: all
   * running ones). A label with no states: the session's strategy ended.
   */
  | { readonly v: 1; readonly kind: 'strategies'; readonly labels: readonly StrategyLabel[] }
  /** The host's strategy catalog: after a sync, and to everyone after it changes (a provision, a reset). */
  | { readonly v: 1; readonly kind: 'catalog'; readonly catalog: StrategyCatalog };

export type ParsedRequest =
  | { ok: true; request: Request }
  | { ok: false; error: ProtocolError; id: number | null };

/** Validates anything a client sent. Never throws. */
export function parseRequest(input: unknown): ParsedRequest {
  const id = readId(input);
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return {
      ok: false,
      id,
      error: { code: 'badmessage', field: 'message', reason: 'must be a JSON object' },
    };
  }
  const parsed = requestSchema.safeParse(input);
  if (parsed.success) return { ok: true, request: parsed.data };
  const issue = parsed.error.issues[0];
  const path = issue?.path.map(String).join('.') ?? '';
  const field = issue?.code === 'unrecognized_keys' ? (issue.keys[0] ?? 'message') : path || 'message';
  const reason =
    issue?.code === 'unrecognized_keys'
      ? 'is not a field of this message'
      : (issue?.message ?? 'is not valid');
  return { ok: false, id, error: { code: 'badmessage', field: field.slice(0, 80), reason } };
}

function readId(input: unknown): number | null {
  if (typeof input !== 'object' || input === null) return null;
  const id = (input as { id?: unknown }).id;
  return typeof id === 'number' && Number.isInteger(id) && id >= 0 ? id : null;
}

/**
 * The envelope of what a host sends, checked by the client before it acts on it. Event and
 * snapshot bodies are the engine's own output, so only what the client relies on is checked:
 * the version, the kind, the request id, and that each event has a numeric `seq`.
 */
const trafficStatus = z.looseObject({
  running: z.boolean(),
  rate: z.number(),
  seed: z.number(),
  sessions: z.number(),
});
const eventEnvelope = z.looseObject({ seq: z.number().int().positive(), name: z.string() });
const strategyLabel = z.object({ session: z.string(), strategy: z.string(), states: z.array(z.string()) });
const hostMessageSchema = z.discriminatedUnion('kind', [
  z.looseObject({ v: version, kind: z.literal('reply'), id: requestId, type: z.string() }),
  z.looseObject({
    v: version,
    kind: z.literal('error'),
    id: requestId.nullable(),
    error: z.object({
      code: z.string(),
      field: z.string(),
      reason: z.string(),
      position: z.object({ line: z.number().int(), column: z.number().int() }).optional(),
    }),
  }),
  z.looseObject({
    v: version,
    kind: z.literal('snapshot'),
    epoch: z.string(),
    snapshot: z.looseObject({
      seq: z.number().int().nonnegative(),
      sessions: z.array(z.unknown()),
      interactions: z.array(z.unknown()),
    }),
    traffic: trafficStatus,
  }),
  z.looseObject({ v: version, kind: z.literal('events'), events: z.array(eventEnvelope) }),
  z.looseObject({
    v: version,
    kind: z.literal('traffic'),
    traffic: trafficStatus,
  }),
  z.looseObject({ v: version, kind: z.literal('strategies'), labels: z.array(strategyLabel) }),
  z.looseObject({
    v: version,
    kind: z.literal('catalog'),
    catalog: z.object({
      queues: z.array(z.object({ queue: z.string(), src: z.string(), strategy: z.string() })),
      documents: z.array(z.string()),
    }),
  }),
]);

/**
 * A `history` reply, checked before the details panel reads it: the fields it relies on, and
 * the same envelope for each event as the stream has. Records are the engine's own output.
 */
const historyRecord = z.looseObject({ state: z.string() }).nullable();
const historyReplySchema = z.looseObject({
  type: z.literal('history'),
  of: z.enum(['interaction', 'session']),
  target: z.string(),
  record: historyRecord,
  events: z.array(eventEnvelope),
  from: z.number().int().positive(),
  complete: z.boolean(),
});

/** A history reply, or null for a reply that is not one. */
export function parseHistoryReply(input: unknown): History | null {
  return historyReplySchema.safeParse(input).success ? (input as History) : null;
}

/** A host message, or null for anything that is not one (a client ignores those). */
export function parseHostMessage(input: unknown): HostMessage | null {
  return hostMessageSchema.safeParse(input).success ? (input as HostMessage) : null;
}

/** A `strategy` reply, checked whole before the details panel draws it (it is small). */
const chartState: z.ZodType<ChartState> = z.lazy(() =>
  z.object({
    id: z.string(),
    kind: z.enum(['scxml', 'state', 'parallel', 'final', 'history']),
    children: z.array(chartState),
  }),
);
const strategyReplySchema = z.object({
  type: z.literal('strategy'),
  session: z.string(),
  strategy: z.string(),
  src: z.string(),
  running: z.boolean(),
  activeStates: z.array(z.string()),
  chart: chartState,
  datamodel: z.record(z.string(), z.json()).nullable(),
  trace: z.array(
    z.object({
      seq: z.number().int().nonnegative(),
      kind: z.enum(['event', 'transition', 'action', 'error', 'warning', 'end']),
      text: z.string(),
      line: z.number().int().nonnegative().optional(),
    }),
  ),
  complete: z.boolean(),
});

/** A strategy reply, or null for a reply that is not one. */
export function parseStrategyReply(input: unknown): StrategyInspection | null {
  const parsed = strategyReplySchema.safeParse(input);
  if (!parsed.success) return null;
  const { type: _type, ...inspection } = parsed.data;
  return inspection;
}
