/**
 * Copies values across the sandbox wall. Objects and arrays cross as JSON text, parsed on the other
 * side by that side's own `JSON`: no handle to a host object ever enters the realm, and nothing the
 * realm builds (getters, proxies, prototypes) runs in the host.
 */
import type { QuickJSContext, QuickJSHandle } from 'quickjs-emscripten-core';
import { UNDEFINED_MARK } from './bootstrap';
import { ScriptError, type ScriptValue } from './realm';

/** The realm's own `JSON.parse` (keeping `undefined` fields) and `JSON.stringify`, taken once per realm. */
export interface RealmJson {
  readonly parse: QuickJSHandle;
  readonly stringify: QuickJSHandle;
}

/** `parse` is the realm's `PARSE_WITH_UNDEFINED` (made with its other helpers, `REALM_HELPERS`). */
export function realmJson(ctx: QuickJSContext, parse: QuickJSHandle): RealmJson {
  const json = ctx.getProp(ctx.global, 'JSON');
  try {
    return { parse, stringify: ctx.getProp(json, 'stringify') };
  } finally {
    json.dispose();
  }
}

/** A new handle in the realm holding a copy of `value`; the caller disposes it. */
export function toRealm(ctx: QuickJSContext, json: RealmJson, value: ScriptValue): QuickJSHandle {
  const encoded = encodeForRealm(ctx, value);
  if (!encoded.isJson) return encoded.handle;
  try {
    return ctx.unwrapResult(ctx.callFunction(json.parse, ctx.undefined, encoded.handle, encoded.absent));
  } finally {
    disposeEncoded(encoded);
  }
}

/**
 * `value` on its way into the realm: a primitive as a handle, an object or array as JSON text that
 * the realm's `parse` turns into a copy (by `toRealm`, or by a realm helper that parses and uses it
 * in the same call), with `absent` naming its top-level `undefined` fields as a JSON array (or the
 * realm's `undefined` when there are none). Free both with `disposeEncoded`.
 *
 * Top-level `undefined` fields are common (`_event.sendid`, `origin`...: W3C test 330 wants them
 * present) and are named apart, rather than marked in the text, because restoring marks means a
 * walk over the whole value in QuickJS's interpreter: with them, binding `_event` took twice as long.
 */
export interface Encoded {
  readonly handle: QuickJSHandle;
  readonly absent: QuickJSHandle;
  readonly isJson: boolean;
}

export function encodeForRealm(ctx: QuickJSContext, value: ScriptValue): Encoded {
  const plain = (handle: QuickJSHandle): Encoded => ({ handle, absent: ctx.undefined, isJson: false });
  if (value === undefined) return plain(ctx.undefined);
  if (value === null) return plain(ctx.null);
  if (typeof value === 'boolean') return plain(value ? ctx.true : ctx.false);
  if (typeof value === 'number') return plain(ctx.newNumber(value));
  if (typeof value === 'string') return plain(ctx.newString(value));
  const absent: string[] = [];
  const text = JSON.stringify(value, function (this: unknown, key: string, field: unknown) {
    if (field !== undefined) return field;
    if (this !== value || Array.isArray(value)) return { [UNDEFINED_MARK]: 1 };
    absent.push(key);
    return null;
  });
  return {
    handle: ctx.newString(text),
    absent: absent.length === 0 ? ctx.undefined : ctx.newString(JSON.stringify(absent)),
    isJson: true,
  };
}

export function disposeEncoded(encoded: Encoded): void {
  encoded.handle.dispose();
  encoded.absent.dispose();
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
