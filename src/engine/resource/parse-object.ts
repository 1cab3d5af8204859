/**
 * The object form of spec R: a `_data.res`-style object. Checks run in the order a reader would fix
 * them: the shape (unknown or non-string properties), the `type` code, whether the media has that
 * kind at all (R2), then the fields the kind needs and their formats (R3).
 * E-mail addresses and web users have no object form, so no object ever parses as one of them.
 */
import { isOneOf, listCodes, OBJECT_TYPES, type ObjectType, WB_TYPES } from './codes';
import type { MediaClass } from './media-class';
import { accepted, malformed, notSupported } from './result';
import { DIGITS, quote, textProblem, typeName } from './text';
import type { MediaContext, ResourceKind, ResourceObject, ResourceParse } from './types';

type Field = keyof ResourceObject;
/** The kinds an object can be: e-mail, web user, target and a bare id are strings only. */
type ObjectKind = Exclude<ResourceKind, 'agentOrPlace' | 'email' | 'webUser' | 'target'>;
type Fields = Partial<Record<Field, string>>;

const FIELDS: readonly Field[] = ['type', 'agent', 'place', 'dn', 'switch', 'id', 'wb_type', 'wb_owner'];

const KIND_OF_TYPE: Readonly<Record<ObjectType, ObjectKind>> = {
  A: 'agent',
  AP: 'place',
  GA: 'agentGroup',
  GP: 'placeGroup',
  Q: 'dn',
  RP: 'dn',
  DN: 'dn',
  IQ: 'interactionQueue',
  WB: 'workbin',
};

/** Per kind: the fields it needs, and every field it may carry (`type` included where it has one). */
const SHAPE: Readonly<Record<ObjectKind, { required: readonly Field[]; allowed: readonly Field[] }>> = {
  agent: { required: ['agent'], allowed: ['type', 'agent'] },
  agentGroup: { required: ['agent'], allowed: ['type', 'agent'] },
  place: { required: ['place'], allowed: ['type', 'place'] },
  placeGroup: { required: ['place'], allowed: ['type', 'place'] },
  dn: { required: ['dn'], allowed: ['type', 'dn', 'switch'] },
  customerNumber: { required: ['dn'], allowed: ['dn'] },
  interactionQueue: { required: ['id'], allowed: ['type', 'id'] },
  workbin: { required: ['id'], allowed: ['type', 'id', 'wb_type', 'wb_owner'] },
};

/** Longest unknown property name reported as the `field` itself. */
const MAX_FIELD_NAME = 64;

const SIP_CHAT_HINT = 'SIP chat addresses DNs: give the DN number, or an object with dn';
const MULTIMEDIA_ONLY_HINT = 'it exists for multimedia (Interaction Server) interactions only';

/** The media classes each object kind is allowed for, and what to write instead elsewhere. */
const SUPPORT: Readonly<Record<ObjectKind, Partial<Record<MediaClass, true>>>> = {
  agent: { voice: true, multimedia: true },
  place: { voice: true, multimedia: true },
  agentGroup: { voice: true },
  placeGroup: { voice: true },
  dn: { voice: true, sipChat: true },
  customerNumber: { multimedia: true },
  interactionQueue: { multimedia: true },
  workbin: { multimedia: true },
};

function hintFor(kind: ObjectKind, cls: MediaClass): string {
  if (cls === 'sipChat') return SIP_CHAT_HINT;
  if (kind === 'agentGroup' || kind === 'placeGroup') {
    return 'for multimedia address one agent (type A) or place (type AP), or the group as a target format address such as name@.GA';
  }
  if (kind === 'dn')
    return 'for multimedia a number is a customer number: give the digits, or an object with only dn';
  return MULTIMEDIA_ONLY_HINT;
}

export function parseObject(input: unknown, ctx: MediaContext, cls: MediaClass): ResourceParse {
  if (!isPlainObject(input)) {
    return malformed(
      'address',
      'object',
      ctx,
      `a resource must be a string or an object, got ${typeName(input)}`,
    );
  }
  const read = readFields(input, ctx);
  if (!read.ok) return read.error;
  const f = read.fields;

  const kind = kindOf(f, cls);
  if (kind === undefined) {
    const reason =
      f.type === undefined
        ? `type is missing; an object without dn needs a type, one of ${listCodes(OBJECT_TYPES)}`
        : `type ${quote(f.type)} is not a resource type; expected one of ${listCodes(OBJECT_TYPES)}`;
    return malformed('type', 'object', ctx, reason);
  }
  if (!SUPPORT[kind][cls]) {
    return notSupported(kind, 'object', f.type === undefined ? 'dn' : 'type', ctx, hintFor(kind, cls));
  }
  return checkShape(kind, f, ctx);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

type Read = { ok: true; fields: Fields } | { ok: false; error: ResourceParse };

/** Copies the known string fields out; `undefined` counts as absent (an optional TS property). */
function readFields(input: Record<string, unknown>, ctx: MediaContext): Read {
  const fields: Fields = {};
  for (const key of Object.keys(input)) {
    if (!isOneOf(FIELDS, key)) {
      const reason = `unknown property ${quote(key)}; a resource object has only ${listCodes(FIELDS)}`;
      return { ok: false, error: malformed(unknownField(key), 'object', ctx, reason) };
    }
    const value = input[key];
    if (value === undefined) continue;
    if (typeof value !== 'string') {
      return {
        ok: false,
        error: malformed(key, 'object', ctx, `${key} must be a string, got ${typeName(value)}`),
      };
    }
    const problem = textProblem(key, value);
    if (problem) return { ok: false, error: malformed(key, 'object', ctx, problem) };
    fields[key] = value;
  }
  return { ok: true, fields };
}

/**
 * The `field` of an unknown property is its name, unless the name could not serve as one (empty,
 * huge, invisible characters): then the whole object, `'address'`, is at fault and the reason quotes it.
 */
function unknownField(key: string): string {
  return textProblem('key', key) === undefined && key.length <= MAX_FIELD_NAME ? key : 'address';
}

/**
 * Without `type`, an object with `dn` is a DN; for multimedia a lone `dn` (no `switch`) is a customer
 * number ([choice]: `dn` with `switch` still names a switch DN, which multimedia does not have).
 */
function kindOf(f: Fields, cls: MediaClass): ObjectKind | undefined {
  if (f.type !== undefined) return isOneOf(OBJECT_TYPES, f.type) ? KIND_OF_TYPE[f.type] : undefined;
  if (f.dn === undefined) return undefined;
  return cls === 'multimedia' && f.switch === undefined ? 'customerNumber' : 'dn';
}

function checkShape(kind: ObjectKind, f: Fields, ctx: MediaContext): ResourceParse {
  const shape = SHAPE[kind];
  const bad = (field: string, reason: string) => malformed(field, 'object', ctx, reason, kind);
  const typeWords = f.type === undefined ? '' : ` (type ${f.type})`;

  for (const field of shape.required) {
    if (f[field] === undefined) return bad(field, `${field} is missing; it is required${typeWords}`);
  }
  for (const field of FIELDS) {
    if (f[field] !== undefined && !shape.allowed.includes(field)) {
      return bad(field, `${field} does not belong here${typeWords}; allowed: ${listCodes(shape.allowed)}`);
    }
  }
  if (f.dn !== undefined && !DIGITS.test(f.dn)) return bad('dn', `dn must be digits, got ${quote(f.dn)}`);
  if (f.wb_type !== undefined && !isOneOf(WB_TYPES, f.wb_type)) {
    return bad(
      'wb_type',
      `wb_type ${quote(f.wb_type)} is not an owner type; expected one of ${listCodes(WB_TYPES)}`,
    );
  }
  // [choice] an owner name alone cannot say whether it is an agent, a place or a group.
  if (f.wb_owner !== undefined && f.wb_type === undefined) {
    return bad(
      'wb_type',
      `wb_type is missing; wb_owner ${quote(f.wb_owner)} needs wb_type, one of ${listCodes(WB_TYPES)}`,
    );
  }
  return accepted({ kind, form: 'object', ...f });
}
