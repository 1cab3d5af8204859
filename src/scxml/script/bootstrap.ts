/**
 * Realm-side helpers, compiled once per realm. They capture `Object.freeze` and friends when the
 * realm is made, so a script that replaces them later cannot change what the host's calls do.
 */

/** A function returning the value of `expr`, evaluated in the global scope. */
export function expressionSource(expr: string): string {
  // The newlines keep a trailing `//` comment in `expr` from swallowing the closing parenthesis.
  // Documents often end an expression with `;` (W3C test 452: `expr="new testobject();"`).
  return `(function () { return (\n${expr.replace(/;\s*$/, '')}\n); })`;
}

/** A function returning the truth of `expr` (`cond`): the test happens inside, in one call. */
export function conditionSource(expr: string): string {
  return `(function () { return !!(\n${expr.replace(/;\s*$/, '')}\n); })`;
}

/** Marks an `undefined` field in JSON, which has no undefined: `_event.origin` is one (test 330). */
export const UNDEFINED_MARK = '\u0000undefined';

/**
 * `(text, absent)`: the realm's `JSON.parse`, turning marked fields back into `undefined`, and the
 * top-level fields named in `absent` (JSON, `encodeForRealm`). Text with no mark is parsed as it
 * is: the walk costs more than the parse, in QuickJS's interpreter.
 */
export const PARSE_WITH_UNDEFINED = `(function (parse) {
  'use strict';
  var mark = ${JSON.stringify(UNDEFINED_MARK)};
  var marked = ${JSON.stringify(JSON.stringify(UNDEFINED_MARK))};
  function restore(value) {
    if (value !== null && typeof value === 'object') {
      for (var key in value) {
        var field = value[key];
        if (field !== null && typeof field === 'object' && field[mark] === 1) value[key] = undefined;
        else restore(field);
      }
    }
    return value;
  }
  return function (text, absent) {
    var value = text.indexOf(marked) === -1 ? parse(text) : restore(parse(text));
    if (absent !== undefined) {
      var names = parse(absent);
      for (var i = 0; i < names.length; i++) value[names[i]] = undefined;
    }
    return value;
  };
})(JSON.parse)`;

/**
 * A function storing its argument at `location`. Strict, so that assigning an undeclared name
 * throws (SCXML 5.4: assignment to an undeclared location is an error) instead of creating a
 * global; the parentheses refuse anything that is not a single assignable location.
 */
export function locationSource(location: string): string {
  return `(function () { 'use strict'; (\n${location}\n) = arguments[0]; })`;
}

/**
 * The realm's two helpers, made in one compile (compiling is most of what a realm costs to make):
 * `[defineGlobal, parse]`, `parse` as `PARSE_WITH_UNDEFINED` describes it.
 *
 * `defineGlobal(name, value, readOnly, isJson, absent)` binds a global. A read-only global is an accessor whose setter
 * throws, so writing it fails in sloppy scripts too (where a non-writable property would be skipped
 * silently) and the interpreter sees the error; its value is deep-frozen, so `_event.name = 'x'`
 * does not change it either. The host may rebind it (each event gets a new `_event`). With
 * `isJson`, `value` is JSON text parsed here first (`absent` as `parse` takes it): one call into the realm per binding, which is
 * what every event costs (`_event`).
 */
export const REALM_HELPERS = `(function (global, parse) {
  'use strict';
  var freeze = Object.freeze, isFrozen = Object.isFrozen, keys = Object.keys, defineProperty = Object.defineProperty;
  var slots = Object.create(null);
  function deepFreeze(value) {
    if (value !== null && typeof value === 'object' && !isFrozen(value)) {
      freeze(value);
      var own = keys(value);
      for (var i = 0; i < own.length; i++) deepFreeze(value[own[i]]);
    }
    return value;
  }
  function defineGlobal(name, value, readOnly, isJson, absent) {
    if (isJson) value = parse(value, absent);
    if (!readOnly) {
      global[name] = value;
      return;
    }
    if (!(name in slots)) {
      defineProperty(global, name, {
        get: function () { return slots[name]; },
        set: function () { throw new TypeError(name + ' is read-only'); },
        enumerable: true,
        configurable: false,
      });
    }
    slots[name] = deepFreeze(value);
  }
  return [defineGlobal, parse];
})(globalThis, ${PARSE_WITH_UNDEFINED})`;
