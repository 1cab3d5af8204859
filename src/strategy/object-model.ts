import { MEDIA_NAMES } from '../engine';
import type { ScriptRealm, ScriptValue } from '../scxml/script/realm';
import type { InteractionView, ServerInfo } from './interaction-view';

/** What `_genesys.ixn` asks of the runtime, for the one session whose realm it lives in. */
export interface ObjectModelHost {
  /** The interaction as the session sees it, or null when it is not in its collection (X4). */
  interaction(id: string): InteractionView | null;
  /** The g_uids in the session's collection, in the order they joined it. */
  interactionIds(): readonly string[];
  /** I5 through the engine's verbs; throws with the engine's reason when refused. */
  setuData(udata: ScriptValue, id: ScriptValue): void;
  deleteuData(keys: ScriptValue, id: ScriptValue): void;
}

/**
 * The one host function behind `_genesys.ixn`, `(operation, a, b)`, as a global whose name no
 * script can write as an identifier (it holds a dot), read once by the bootstrap below. One, not
 * one per operation: each host function costs its realm about 45 µs to make, on every arrival.
 */
const HOST = '_genesys.ixn';

/**
 * Builds `_genesys` in the realm (X4-X6). `interactions` is a proxy that asks the host for one
 * interaction when a script reads it, so nothing is copied into 10,000 realms on every event.
 * Each read is a fresh copy: changing it changes neither the engine nor the next read. Every write
 * to the collection throws (in sloppy scripts too), and reading an interaction the session does
 * not have throws a TypeError naming it: an error event in the session.
 */
function bootstrap(server: ServerInfo): string {
  return `(function (global) {
  'use strict';
  var host = global[${JSON.stringify(HOST)}];
  var freeze = Object.freeze, proto = Object.prototype;
  function view(key) { return typeof key === 'string' ? host('interaction', key) : null; }
  function readOnly() { throw new TypeError('_genesys.ixn.interactions is read-only'); }
  var interactions = new Proxy({}, {
    get: function (target, key) {
      var found = view(key);
      if (found !== null) return found;
      if (typeof key !== 'string' || key in proto || key === 'toJSON') return proto[key];
      throw new TypeError('interaction ' + key + ' is not in _genesys.ixn.interactions of session ' + global._sessionid);
    },
    has: function (target, key) { return view(key) !== null; },
    ownKeys: function () { return host('ids'); },
    getOwnPropertyDescriptor: function (target, key) {
      var found = view(key);
      return found === null ? undefined : { value: found, writable: false, enumerable: true, configurable: true };
    },
    set: readOnly, defineProperty: readOnly, deleteProperty: readOnly, setPrototypeOf: readOnly,
    preventExtensions: readOnly
  });
  var media = ${JSON.stringify(MEDIA_NAMES)};
  var genesys = freeze({
    ixn: freeze({
      interactions: interactions,
      getMediaIntValue: function (name) { return media.indexOf(name); },
      setuData: function (data, id) { host('setuData', data, id); return true; },
      deleteuData: function (names, id) { host('deleteuData', names, id); return true; }
    }),
    session: freeze({
      server: freeze({ name: ${JSON.stringify(server.name)} }),
      tenant: ${JSON.stringify(server.tenant)},
      tenantid: ${JSON.stringify(server.tenantid)}
    })
  });
  Object.defineProperty(global, '_genesys', {
    get: function () { return genesys; },
    set: function () { throw new TypeError('_genesys is read-only'); },
    enumerable: true,
    configurable: false
  });
})(globalThis)`;
}

/** The `_genesys` of one realm, bound to its session through `host`. */
export function installObjectModel(realm: ScriptRealm, host: ObjectModelHost, server: ServerInfo): void {
  realm.define(HOST, (operation, a, b) => {
    switch (operation) {
      case 'interaction':
        return typeof a === 'string' ? viewValue(host.interaction(a)) : null;
      case 'ids':
        return [...host.interactionIds()];
      case 'setuData':
        host.setuData(a, b);
        return undefined;
      case 'deleteuData':
        host.deleteuData(a, b);
        return undefined;
      default:
        throw new Error(`no operation ${String(operation)}`);
    }
  });
  realm.run(bootstrap(server));
}

/** An interaction view is plain JSON; this says so to the type system without a cast. */
function viewValue(view: InteractionView | null): ScriptValue {
  if (view === null) return null;
  const { voice, msgbased, chat, ...rest } = view;
  const media = voice
    ? { voice: { ...voice } }
    : msgbased
      ? { msgbased: { ...msgbased } }
      : chat
        ? { chat: { ...chat } }
        : {};
  return { ...rest, udata: { ...rest.udata }, parties: [], location: {}, ...media };
}
