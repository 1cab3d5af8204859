/**
 * A `RealmFactory` over one QuickJS WebAssembly module whose heap is metered (`heap-meter.ts`):
 * load once (async, the wasm is fetched and compiled), then create realms synchronously.
 */
import releaseSync from '@jitl/quickjs-wasmfile-release-sync';
import { newQuickJSWASMModuleFromVariant, newVariant } from 'quickjs-emscripten-core';
import { HeapMeter } from './heap-meter';
import { QuickJSRealm } from './quickjs-realm';
import type { RealmFactory, ScriptLimits, ScriptRealm } from './realm';

export interface QuickJSLoadOptions {
  /** Where the `.wasm` file is served (the browser); Node reads it from `node_modules` by path. */
  readonly wasmLocation?: string;
  /** The most the heap of all realms together may grow to; WebAssembly's own cap is 2 GB. */
  readonly maxHeapBytes?: number;
}

const DEFAULT_MAX_HEAP_BYTES = 1024 * 1024 * 1024;

export async function loadQuickJSRealmFactory(options: QuickJSLoadOptions = {}): Promise<RealmFactory> {
  const meter = new HeapMeter(options.maxHeapBytes ?? DEFAULT_MAX_HEAP_BYTES);
  const variant = newVariant(releaseSync, {
    wasmMemory: meter.memory,
    ...(options.wasmLocation === undefined ? {} : { wasmLocation: options.wasmLocation }),
  });
  const module = await newQuickJSWASMModuleFromVariant(variant);
  return {
    create(limits: ScriptLimits): ScriptRealm {
      return new QuickJSRealm(module, meter, limits);
    },
  };
}
