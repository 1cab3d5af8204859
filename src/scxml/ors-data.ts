/**
 * ORS's `_data` (8.1 SCXML Technical Reference, "Modularity"): the session's data items as one
 * object, so `_data.x` and `x` are the same variable. Each property reads and writes the global the
 * `<data>` declared; the object itself cannot be replaced or given new properties.
 */
export function dataObjectScript(ids: readonly string[]): string {
  return `(function (global, ids) {
  'use strict';
  var data = {};
  ids.forEach(function (id) {
    Object.defineProperty(data, id, {
      get: function () { return global[id]; },
      set: function (value) { global[id] = value; },
      enumerable: true,
    });
  });
  Object.defineProperty(global, '_data', { value: Object.freeze(data), writable: false, enumerable: true });
})(globalThis, ${JSON.stringify(ids)});`;
}
