/**
 * The realm factory where the wasm file is read from `node_modules` by path (Node, Vitest, the
 * bench). The browser build passes the URL Vite serves it at: `browser-realms.ts`.
 */
import { loadQuickJSRealmFactory, type QuickJSRealmFactory } from './quickjs-factory';
import type { ScriptLimits } from './realm';

/** With `pool`, that many realms of `limits` are kept made ahead, refilled when Node is idle (`setImmediate`). */
export function loadRealmFactory(pool?: {
  readonly size: number;
  readonly limits: ScriptLimits;
}): Promise<QuickJSRealmFactory> {
  return loadQuickJSRealmFactory(
    pool === undefined ? {} : { pool: { ...pool, idle: (task) => setImmediate(task) } },
  );
}
