import { z } from 'zod';
import { EVENT_NAMES, MEDIA_NAMES, ORIGINS } from '../../engine';
import { RECORDING_FORMAT } from './recording';

/**
 * The zod schemas of a recording's lines. A file is someone's upload, not the engine's own
 * output, so every field the page's reducer (applyEvent) and its views read is checked; a field
 * they do not read (an ORS event's extras) is let through as it is.
 */
const count = z.number().int().nonnegative();
const id = z.string().min(1, 'must not be empty');
const time = z.number().nonnegative();
const interactionState = z.enum(['queued', 'routing', 'handling', 'ended']);
const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const params = z.record(z.string(), z.union([scalar, z.array(scalar), z.record(z.string(), scalar)]));
const udata = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));

const invoker = z.looseObject({ session: id, invokeid: z.string() });

const sessionRecord = z.looseObject({
  id,
  state: z.enum(['running', 'ended']),
  src: z.string(),
  invoker: invoker.optional(),
  startedAt: time,
  endedAt: time.nullable(),
  interactions: z.array(id),
});

const interactionInit = z.looseObject({
  g_uid: id,
  category: z.enum(['voice', 'msgbased', 'chat']),
  media: z.enum(MEDIA_NAMES),
  parentid: id.nullable(),
  queue: z.string(),
  udata,
  properties: z.record(z.string(), z.string()),
  state: interactionState,
  owner: id.nullable(),
});

const interactionRecord = interactionInit.extend({ createdAt: time, endedAt: time.nullable() });

export const snapshotSchema = z.looseObject({
  seq: count,
  commands: count,
  ids: z.looseObject({ sessions: count, interactions: count }),
  sessions: z.array(sessionRecord),
  interactions: z.array(interactionRecord),
});

export const trafficSchema = z.object({
  running: z.boolean(),
  rate: z.number().positive(),
  seed: count,
  sessions: count,
});

export const labelSchema = z.object({ session: id, strategy: z.string(), states: z.array(z.string()) });

/** The first line of a recording: what it is, the state its events start from and the one they end in. */
export const headerSchema = z.object({
  format: z.literal(RECORDING_FORMAT),
  version: z.number().int().positive(),
  epoch: z.string().min(1).max(100),
  exported: time,
  traffic: trafficSchema,
  base: snapshotSchema,
  /** The state after the last event: the page shows it while the events are still being read. */
  final: snapshotSchema,
  /** How many event lines follow. */
  events: count,
  labels: z.array(labelSchema),
});

const ixn = { interactionid: id };
const request = { ...ixn, requestid: z.string() };

/** Each event's `data`, by its name: what applyEvent and the views read of it. */
const DATA: Record<(typeof EVENT_NAMES)[number], z.ZodType> = {
  'session.started': z.looseObject({
    src: z.string(),
    trigger: z.enum(['start', 'arrival', 'invoke']),
    params: params.optional(),
    invoker: invoker.optional(),
  }),
  'session.ended': z.looseObject({
    reason: z.enum(['done.scxml', 'terminated', 'failed']),
    detail: z.string().optional(),
  }),
  'interaction.created': z.looseObject({ interaction: interactionInit }),
  'interaction.state.changed': z.looseObject({ ...ixn, from: interactionState, to: interactionState }),
  'interaction.owner.changed': z.looseObject({
    ...ixn,
    from: id.nullable(),
    to: id.nullable(),
    via: z.enum(['arrival', 'associate', 'attach', 'detach', 'redirect', 'terminate', 'release']),
  }),
  'interaction.ended': z.looseObject({ ...ixn, reason: z.string() }),
  'session.purged': z.looseObject({}),
  'session.event': z.looseObject({ event: z.string(), data: params.optional() }),
  'interaction.purged': z.looseObject(ixn),
  'interaction.added': z.looseObject(ixn),
  'interaction.present': z.looseObject(ixn),
  'interaction.deleted': z.looseObject(ixn),
  'interaction.notcontrolled': z.looseObject(ixn),
  'interaction.associate.done': z.looseObject(request),
  'interaction.attach.done': z.looseObject(request),
  'interaction.detach.done': z.looseObject(request),
  'interaction.redirect.done': z.looseObject({ ...request, resource: z.looseObject({}) }),
  'interaction.terminate.done': z.looseObject(request),
  'interaction.udata.changed': z.looseObject({
    ...ixn,
    udata,
    changed: z.array(z.string()),
    deleted: z.array(z.string()),
  }),
};

const cause = z.looseObject({
  command: count,
  verb: z.string(),
  origin: z.enum(ORIGINS),
  requestid: z.string().optional(),
  strategy: z
    .looseObject({ strategy: z.string(), state: z.string(), element: z.string(), line: count })
    .optional(),
});

/**
 * The envelope every event has. Its `data` is checked by the event's name (`eventData`), in a
 * second step, so that an error names the field inside the data of that one kind of event.
 */
export const envelopeSchema = z.looseObject({
  seq: z.number().int().positive(),
  time,
  name: z.enum(EVENT_NAMES),
  session: id.nullable(),
  data: z.looseObject({}),
  cause,
});

/** The schema of an event's `data`, by its name. */
export function eventData(name: (typeof EVENT_NAMES)[number]): z.ZodType {
  return DATA[name];
}
