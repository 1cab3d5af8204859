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
import { RealmPool, type RealmPoolOptions } from './realm-pool';

export interface QuickJSLoadOptions {
  /** Where the `.wasm` file is served (the browser); Node reads it from `node_modules` by path. */
  readonly wasmLocation?: string;
  /** The most the heap of one module may grow to; WebAssembly's own cap is 2 GB. */
  readonly maxHeapBytes?: number;
  /** Realms made ahead in idle time (`realm-pool.ts`); none by default. */
  readonly pool?: RealmPoolOptions;
}

export interface QuickJSRealmFactory extends RealmFactory {
  /**
   * Settles once no fresh module is loading. Until one is ready, realms are made in the retired
   * module; a host that can wait (a test running runaways in a row) waits for this.
   */
  settled(): Promise<void>;
  /** Realms made ahead and waiting in the pool (each holds its heap). */
  pooled(): number;
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
  const homes = new WeakMap<QuickJSRealm, Loaded>();

  const replace = (): Promise<void> => {
    loading ??= loadModule(options).then(
      (fresh) => {
        current = fresh;
        loading = null;
        pool?.prune();
      },
      () => {
        // The retired module goes on serving; the next runaway tries again.
        loading = null;
      },
    );
    return loading;
  };

  const make = (limits: ScriptLimits): QuickJSRealm => {
    const home = current;
    const realm = new QuickJSRealm(home.module, home.meter, limits, checkedSyntax, () => {
      if (home.retired) return;
      home.retired = true;
      pool?.prune();
      void replace();
    });
    homes.set(realm, home);
    return realm;
  };

  const pool =
    options.pool === undefined || options.pool.size === 0
      ? null
      : new RealmPool<QuickJSRealm>(options.pool, {
          // Not in a retired module: the pool waits for the fresh one (`prune` refills it then).
          make: (limits) => {
            if (current.retired) throw new Error('the module is retired');
            return make(limits);
          },
          usable: (realm) => homes.get(realm)?.retired === false,
          discard: (realm) => realm.dispose(),
        });
  pool?.refill();

  return {
    create: (limits: ScriptLimits): ScriptRealm => pool?.take(limits) ?? make(limits),
    settled: () => loading ?? Promise.resolve(),
    pooled: () => pool?.size ?? 0,
  };
}
