/**
 * What a test page (or its worker) sees of the browser's script realms: each entry is an observed
 * value, and `scxml-realm.spec.ts` says what it must be. Runs in the page and in a module worker.
 */
import { ScxmlHost } from '../../src/scxml/host';
import { loadRealmFactory } from '../../src/scxml/script/browser-realms';
import { ScriptError, type ScriptValue } from '../../src/scxml/script/realm';

export interface Observations {
  readonly where: 'page' | 'worker';
  /** A script's variable, read back. */
  readonly script: ScriptValue;
  /** `_event` bound read-only: its fields, and what writing it does. */
  readonly event: ScriptValue;
  readonly eventWrite: string;
  /** An endless loop: how the call ends, how the next call on that realm ends, a fresh realm after. */
  readonly loop: string;
  readonly afterLoop: string;
  readonly freshAfterLoop: ScriptValue;
  /** The host's globals, seen from inside: a marker the host set, and its usual names. */
  readonly hostMarker: ScriptValue;
  readonly hostNames: ScriptValue;
  readonly escapedGlobal: ScriptValue;
  /** A whole SCXML session whose guard reads `_event`, run on these realms. */
  readonly session: readonly string[];
}

declare global {
  // A marker on the host's global: a realm that could reach the host would see it.
  var scxmlRealmHostMarker: string | undefined;
}

const LIMITS = { stepMs: 250, memoryBytes: 8 * 1024 * 1024 };

function failureOf(call: () => unknown): string {
  try {
    call();
    return 'no error';
  } catch (error) {
    return error instanceof ScriptError ? `${error.kind}: ${error.message}` : `not a ScriptError: ${error}`;
  }
}

const DOCUMENT = `<scxml xmlns="http://www.w3.org/2005/07/scxml" version="1.0" datamodel="ecmascript" initial="waiting">
  <datamodel><data id="seen" expr="0"/></datamodel>
  <state id="waiting">
    <transition event="go" cond="_event.data.n &gt; 1" target="passed">
      <assign location="seen" expr="_event.data.n"/>
    </transition>
    <transition event="go" target="refused"/>
  </state>
  <state id="passed"/>
  <state id="refused"/>
</scxml>`;

export async function observe(): Promise<Observations> {
  globalThis.scxmlRealmHostMarker = 'host';
  const factory = await loadRealmFactory();
  const realm = factory.create(LIMITS);
  realm.run('var answer = 6 * 7;');
  realm.set('_event', { name: 'ping', data: { n: 3 } }, true);
  const event = realm.evaluate('[_event.name, _event.data.n]');
  const eventWrite = failureOf(() => realm.run('_event = 1;'));
  const hostMarker = realm.evaluate('typeof scxmlRealmHostMarker');
  const hostNames = realm.evaluate(
    '[typeof window, typeof self, typeof document, typeof fetch, typeof postMessage, typeof importScripts, typeof WebAssembly]',
  );
  const escapedGlobal = realm.evaluate(
    "typeof (function () {}).constructor.constructor('return this')().scxmlRealmHostMarker",
  );
  const script = realm.evaluate('answer');
  realm.dispose();

  const runaway = factory.create(LIMITS);
  const loop = failureOf(() => runaway.run('while (true) {}'));
  const afterLoop = failureOf(() => runaway.evaluate('1'));
  const fresh = factory.create(LIMITS);
  const freshAfterLoop = fresh.evaluate('1 + 1');
  fresh.dispose();

  const host = new ScxmlHost({ realms: factory });
  const session = host.start(DOCUMENT);
  session.send('go', { n: 2 });
  const states = session.activeStates();
  host.stop();

  return {
    where: typeof document === 'undefined' ? 'worker' : 'page',
    script,
    event,
    eventWrite,
    loop,
    afterLoop,
    freshAfterLoop,
    hostMarker,
    hostNames,
    escapedGlobal,
    session: states,
  };
}
