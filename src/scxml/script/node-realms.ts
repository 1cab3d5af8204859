/**
 * The realm factory where the wasm file is read from `node_modules` by path (Node, Vitest, the
 * bench). The browser build passes the URL Vite serves it at: `browser-realms.ts`.
 */
import { loadQuickJSRealmFactory, type QuickJSRealmFactory } from './quickjs-factory';

export function loadRealmFactory(): Promise<QuickJSRealmFactory> {
  return loadQuickJSRealmFactory();
}
