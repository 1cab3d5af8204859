/**
 * Loads the realm factory where the wasm file can be read from `node_modules` by path (Node, Vitest).
 * The browser build loads it from a URL Vite serves: `browser-realms.ts`.
 */
import releaseSync from '@jitl/quickjs-wasmfile-release-sync';
import { newQuickJSWASMModuleFromVariant } from 'quickjs-emscripten-core';
import { quickJSRealmFactory } from './quickjs-factory';
import type { RealmFactory } from './realm';

export async function loadRealmFactory(): Promise<RealmFactory> {
  return quickJSRealmFactory(await newQuickJSWASMModuleFromVariant(releaseSync));
}
