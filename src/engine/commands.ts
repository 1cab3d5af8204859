import { z } from 'zod';
import { ORIGINS, SESSION_END_REASONS } from './events';
import { CATEGORIES, MEDIA_NAMES } from './media';

/**
 * Every command the engine takes, as a zod schema: the same plain JSON object travels from the
 * worker, over socket.io and from `npm run replay`, and is checked here before anything runs (E1).
 * Limits on lengths and counts keep one command from holding the engine hostage.
 */
export const LIMITS = {
  id: 64,
  text: 1024,
  udataKeys: 256,
  udataKey: 128,
  udataValue: 4096,
} as const;

const id = z
  .string()
  .min(1, 'must not be empty')
  .max(LIMITS.id, `must be at most ${LIMITS.id} characters`)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'may hold only letters, digits and _ . : -');
const text = z.string().max(LIMITS.text, `must be at most ${LIMITS.text} characters`);
const origin = z.enum(ORIGINS);
const udataValue = z.union([
  z.string().max(LIMITS.udataValue, `must be at most ${LIMITS.udataValue} characters`),
  z.number().finite(),
  z.boolean(),
]);
/**
 * [choice] `__proto__` is refused as a key name, never stored: on the way to the page a key-value
 * object passes through code that would read it as the object's prototype, not as a key.
 */
const RESERVED_KEY = '__proto__';
const RESERVED_REASON = `'${RESERVED_KEY}' is reserved and cannot be a key`;
const udataKey = z
  .string()
  .min(1, 'must not be empty')
  .max(LIMITS.udataKey)
  .refine((key) => key !== RESERVED_KEY, RESERVED_REASON);

/** zod's record skips a `__proto__` key without a word, so the input is looked at before it. */
function keyValues<V extends z.ZodType>(value: V) {
  return z
    .unknown()
    .check((ctx) => {
      if (typeof ctx.value === 'object' && ctx.value !== null && Object.hasOwn(ctx.value, RESERVED_KEY))
        ctx.issues.push({ code: 'custom', input: ctx.value, path: [RESERVED_KEY], message: RESERVED_REASON });
    })
    .pipe(z.record(udataKey, value));
}

const udata = keyValues(udataValue).refine(
  (value) => Object.keys(value).length <= LIMITS.udataKeys,
  `must have at most ${LIMITS.udataKeys} keys`,
);
const hints = keyValues(text);

/** Spec R: a string, or a resource object; parseResource() checks the content per media. */
export const resourceSchema = z.union([
  z.string().min(1, 'must not be empty').max(512, 'must be at most 512 characters'),
  z
    .object({
      type: text.optional(),
      agent: text.optional(),
      place: text.optional(),
      dn: text.optional(),
      switch: text.optional(),
      id: text.optional(),
      wb_type: text.optional(),
      wb_owner: text.optional(),
    })
    .strict(),
]);

/** Where in a strategy a command was made (events.ts `StrategyCause`); only with origin `strategy`. */
const strategyCause = z
  .object({
    strategy: text.min(1, 'must not be empty'),
    session: id,
    state: text,
    within: text,
    element: text,
    line: z.number().int().nonnegative(),
    event: text.optional(),
  })
  .strict();

/**
 * A start parameter's value: a scalar, or a list or a map of scalars. ORS takes them form-encoded
 * (strings); JSON adds one level of structure. Not deeper: a recursive type here is one the
 * command's users (Playwright's typed evaluate) cannot instantiate.
 */
const scalar = z.union([udataValue, z.null()]);
const paramValue = z.union([
  scalar,
  z.array(scalar).max(LIMITS.udataKeys),
  keyValues(scalar).refine((value) => Object.keys(value).length <= LIMITS.udataKeys, 'has too many keys'),
]);

/** Start parameters (X10): JSON values under keys, as many as user data may hold. */
const params = keyValues(paramValue).refine(
  (value) => Object.keys(value).length <= LIMITS.udataKeys,
  `must have at most ${LIMITS.udataKeys} keys`,
);

const base = { origin: origin.optional(), strategy: strategyCause.optional() };
const action = { ...base, session: id, interactionid: id, requestid: id.optional() };

export const commandSchema = z.discriminatedUnion('verb', [
  z
    .object({
      verb: z.literal('startSession'),
      ...base,
      src: text.min(1, 'must not be empty'),
      session: id.optional(),
      params: params.optional(),
      /** X10: the session whose `<invoke>` starts this one, and that invoke's id. */
      invoker: z
        .object({ session: id, invokeid: text.min(1, 'must not be empty') })
        .strict()
        .optional(),
    })
    .strict(),
  z
    .object({
      verb: z.literal('endSession'),
      ...base,
      session: id,
      reason: z.enum(SESSION_END_REASONS).optional(),
      detail: text.optional(),
    })
    .strict(),
  z
    .object({
      verb: z.literal('arrive'),
      ...base,
      media: z.enum(MEDIA_NAMES),
      category: z.enum(CATEGORIES).optional(),
      queue: id.optional(),
      g_uid: id.optional(),
      parentid: id.optional(),
      udata: udata.optional(),
      session: id.optional(),
      src: text.min(1).optional(),
    })
    .strict(),
  z.object({ verb: z.literal('associate'), ...action, sessionid: id }).strict(),
  z.object({ verb: z.literal('attach'), ...action }).strict(),
  z.object({ verb: z.literal('detach'), ...action }).strict(),
  z
    .object({
      verb: z.literal('redirect'),
      ...action,
      to: resourceSchema,
      from: text.optional(),
      type: text.optional(),
      hints: hints.optional(),
      detach: z.boolean().optional(),
    })
    .strict(),
  z
    .object({
      verb: z.literal('terminate'),
      ...action,
      reason: text.optional(),
      resource: resourceSchema.optional(),
      hints: hints.optional(),
    })
    .strict(),
  z.object({ verb: z.literal('setuData'), ...base, session: id, interactionid: id, udata }).strict(),
  z
    .object({
      verb: z.literal('deleteuData'),
      ...base,
      session: id,
      interactionid: id,
      keys: z.array(udataKey).max(LIMITS.udataKeys).optional(),
    })
    .strict(),
  /** X13: an event for a session's state machine; `data` becomes `_event.data`. */
  z
    .object({
      verb: z.literal('sendEvent'),
      ...base,
      session: id,
      event: text
        .min(1, 'must not be empty')
        .regex(/^[^\s.]\S*[^\s.]$|^[^\s.]$/, 'must be tokens separated by dots, without spaces'),
      data: params.optional(),
    })
    .strict(),
  /** Housekeeping [choice]: forget what ended before `before` (ms since the epoch). */
  z.object({ verb: z.literal('purge'), ...base, before: z.number().int().nonnegative() }).strict(),
]);

export type Command = z.infer<typeof commandSchema>;
export type Verb = Command['verb'];
export type CommandOf<V extends Verb> = Extract<Command, { verb: V }>;
export const VERBS: readonly Verb[] = commandSchema.options.map((option) => option.shape.verb.value);
