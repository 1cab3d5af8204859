/**
 * Copies values across the sandbox wall. Objects and arrays cross as JSON text, parsed on the other
 * side by that side's own `JSON`: no handle to a host object ever enters the realm, and nothing the
 * realm builds (getters, proxies, prototypes) runs in the host.
 */
import type { QuickJSContext, QuickJSHandle } from 'quickjs-emscripten-core';
import { PARSE_WITH_UNDEFINED, UNDEFINED_MARK } from './bootstrap';
import { ScriptError, type ScriptValue } from './realm';

/** The realm's own `JSON.parse` (keeping `undefined` fields) and `JSON.stringify`, made once per realm. */
export interface RealmJson {
  readonly parse: QuickJSHandle;
  readonly stringify: QuickJSHandle;
}

export function realmJson(ctx: QuickJSContext): RealmJson {
  const json = ctx.getProp(ctx.global, 'JSON');
  try {
    const parse = ctx.unwrapResult(ctx.evalCode(PARSE_WITH_UNDEFINED, 'realm-json.js', { type: 'global' }));
    return { parse, stringify: ctx.getProp(json, 'stringify') };
  } finally {
    json.dispose();
  }
}

/** A new handle in the realm holding a copy of `value`; the caller disposes it. */
export function toRealm(ctx: QuickJSContext, json: RealmJson, value: ScriptValue): QuickJSHandle {
  if (value === undefined) return ctx.undefined;
  if (value === null) return ctx.null;
  if (typeof value === 'boolean') return value ? ctx.true : ctx.false;
  if (typeof value === 'number') return ctx.newNumber(value);
  if (typeof value === 'string') return ctx.newString(value);
  const text = ctx.newString(JSON.stringify(value, keepUndefined));
  try {
    return ctx.unwrapResult(ctx.callFunction(json.parse, ctx.undefined, text));
  } finally {
    text.dispose();
  }
}

/**
 * A host copy of a realm value. Functions, symbols and bigints have no JSON form: they stay in the
 * realm (use `assignExpr` to move them between locations) and asking for one is a runtime error.
 */
export function toHost(ctx: QuickJSContext, json: RealmJson, handle: QuickJSHandle): ScriptValue {
  const type = ctx.typeof(handle);
  switch (type) {
    case 'undefined':
      return undefined;
    case 'boolean':
      return ctx.dump(handle) === true;
    case 'number':
      return ctx.getNumber(handle);
    case 'string':
      return ctx.getString(handle);
    case 'object': {
      const text = ctx.callFunction(json.stringify, ctx.undefined, handle);
      if (text.error) {
        const reason = ctx.dump(text.error);
        text.error.dispose();
        throw new ScriptError('runtime', `a value cannot leave the realm: ${messageOf(reason)}`);
      }
      const out = ctx.getString(text.value);
      text.value.dispose();
      return JSON.parse(out) as ScriptValue;
    }
    default:
      throw new ScriptError('runtime', `a ${type} cannot leave the realm; only JSON values and undefined do`);
  }
}

/** The message of a dumped realm error (`{name, message}`), or the thrown value as text. */
export function messageOf(dumped: unknown): string {
  if (typeof dumped === 'object' && dumped !== null && 'message' in dumped) {
    const name = 'name' in dumped ? `${String(dumped.name)}: ` : '';
    return `${name}${String(dumped.message)}`;
  }
  return String(dumped);
}

/** A `JSON.stringify` replacer marking `undefined` fields, which JSON would drop. */
function keepUndefined(_key: string, field: unknown): unknown {
  return field === undefined ? { [UNDEFINED_MARK]: 1 } : field;
}
