/** A `RealmFactory` over one loaded QuickJS WebAssembly module: load once (async), then create realms synchronously. */
import type { QuickJSWASMModule } from 'quickjs-emscripten-core';
import { QuickJSRealm } from './quickjs-realm';
import type { RealmFactory, ScriptLimits, ScriptRealm } from './realm';

export function quickJSRealmFactory(module: QuickJSWASMModule): RealmFactory {
  return {
    create(limits: ScriptLimits): ScriptRealm {
      return new QuickJSRealm(module, limits);
    },
  };
}
