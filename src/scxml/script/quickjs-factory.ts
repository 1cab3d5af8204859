/**
 * A `RealmFactory` over QuickJS WebAssembly modules whose heaps are metered (`heap-meter.ts`):
 * load once (async, the wasm is fetched and compiled), then create realms synchronously.
 *
 * A module in which a realm ran out of memory is retired: new realms go to a fresh module, and the
 * retired one is dropped with its last realm, with everything it held. Two things make this
 * necessary (docs/scxml-sandbox.md, "After a runaway"). QuickJS's out-of-memory paths are not all
 * sound: after some runaways (nested arrays, maps of small objects) the context's reference count
 * has gone below zero, freeing it fails an assertion at its first line, and the realm's memory stays
 * taken for good. And a runaway first takes every free block of the heap, which the meter cannot
 * see, then grows it, by at least 5% at a time: each runaway leaves a larger heap behind.
 */
import releaseSync from '@jitl/quickjs-wasmfile-release-sync';
import { newQuickJSWASMModuleFromVariant, newVariant, type QuickJSWASMModule } from 'quickjs-emscripten-core';
import { CheckedSyntax } from './checked-syntax';
import { HeapMeter } from './heap-meter';
import { QuickJSRealm } from './quickjs-realm';
import type { RealmFactory, ScriptLimits, ScriptRealm } from './realm';

export interface QuickJSLoadOptions {
  /** Where the `.wasm` file is served (the browser); Node reads it from `node_modules` by path. */
  readonly wasmLocation?: string;
  /** The most the heap of one module may grow to; WebAssembly's own cap is 2 GB. */
  readonly maxHeapBytes?: number;
}

export interface QuickJSRealmFactory extends RealmFactory {
  /**
   * Settles once no fresh module is loading. Until one is ready, realms are made in the retired
   * module; a host that can wait (a test running runaways in a row) waits for this.
   */
  settled(): Promise<void>;
}

const DEFAULT_MAX_HEAP_BYTES = 1024 * 1024 * 1024;

interface Loaded {
  readonly module: QuickJSWASMModule;
  readonly meter: HeapMeter;
  retired: boolean;
}

async function loadModule(options: QuickJSLoadOptions): Promise<Loaded> {
  const meter = new HeapMeter(options.maxHeapBytes ?? DEFAULT_MAX_HEAP_BYTES);
  const variant = newVariant(releaseSync, {
    wasmMemory: meter.memory,
    ...(options.wasmLocation === undefined ? {} : { wasmLocation: options.wasmLocation }),
  });
  return { module: await newQuickJSWASMModuleFromVariant(variant), meter, retired: false };
}

export async function loadQuickJSRealmFactory(
  options: QuickJSLoadOptions = {},
): Promise<QuickJSRealmFactory> {
  let current = await loadModule(options);
  let loading: Promise<void> | null = null;
  const checkedSyntax = new CheckedSyntax();

  const replace = (): Promise<void> => {
    loading ??= loadModule(options).then(
      (fresh) => {
        current = fresh;
        loading = null;
      },
      () => {
        // The retired module goes on serving; the next runaway tries again.
        loading = null;
      },
    );
    return loading;
  };

  return {
    create(limits: ScriptLimits): ScriptRealm {
      const home = current;
      return new QuickJSRealm(home.module, home.meter, limits, checkedSyntax, () => {
        if (home.retired) return;
        home.retired = true;
        void replace();
      });
    },
    settled: () => loading ?? Promise.resolve(),
  };
}
