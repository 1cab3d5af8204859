/**
 * The realm factory for the browser (the page and its Web Workers), in the dev server and in the
 * production build alike: Vite serves the QuickJS `.wasm` file and gives its URL (`?url`), which
 * the module loader fetches instead of looking next to its own script (a pre-bundled or hashed
 * script is not where the wasm is). Node reads the file by path instead: `node-realms.ts`.
 *
 * Nothing is fetched until a realm is first needed: the QuickJS glue is a chunk of its own, loaded
 * with the wasm on the first call, so a page or worker that runs no script pays nothing at startup.
 * All realms of one page (or one worker) share one module and its metered heap.
 */
import wasmLocation from '@jitl/quickjs-wasmfile-release-sync/wasm?url';
import type { QuickJSRealmFactory } from './quickjs-factory';

let loading: Promise<QuickJSRealmFactory> | null = null;

export function loadRealmFactory(): Promise<QuickJSRealmFactory> {
  if (loading === null) {
    const started = import('./quickjs-factory').then(({ loadQuickJSRealmFactory }) =>
      loadQuickJSRealmFactory({ wasmLocation }),
    );
    // A failed load (the network, a missing file) is not kept: the next session tries again.
    started.catch(() => {
      if (loading === started) loading = null;
    });
    loading = started;
  }
  return loading;
}
