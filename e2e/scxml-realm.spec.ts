import { resolve } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { build, type PreviewServer, preview } from 'vite';
import type { Observations } from './scxml-realm/observe';

/**
 * The SCXML datamodel's sandbox in real Chromium, in the page and in a module worker, as the dev
 * server serves it (project `dev`: sources compiled on request, the wasm served from
 * `node_modules`) and as a production build ships it (project `chromium`: the probe page is built
 * with the app's Vite config, hashed assets and all, and served by `vite preview`).
 */

const PROBE = resolve('e2e/scxml-realm');
const BUILT = resolve('test-results/scxml-realm-dist');
let built: PreviewServer | null = null;
let probeUrl = '';

test.beforeAll(async ({ browserName: _ }, testInfo) => {
  if (testInfo.project.name === 'dev') {
    probeUrl = new URL('/e2e/scxml-realm/index.html', String(testInfo.project.use.baseURL)).href;
    return;
  }
  testInfo.setTimeout(180_000);
  await build({
    configFile: resolve('vite.config.ts'),
    root: PROBE,
    logLevel: 'warn',
    build: { outDir: BUILT, emptyOutDir: true },
  });
  built = await preview({
    configFile: resolve('vite.config.ts'),
    root: PROBE,
    logLevel: 'warn',
    build: { outDir: BUILT },
    preview: { host: '127.0.0.1', port: 4190, strictPort: false },
  });
  const url = built.resolvedUrls?.local[0];
  if (url === undefined) throw new Error('vite preview did not say where it listens');
  probeUrl = new URL('index.html', url).href;
});

test.afterAll(async () => {
  await built?.close();
  built = null;
});

async function openProbe(page: Page): Promise<string[]> {
  const wasm: string[] = [];
  // The wasm itself, fetched by the module loader (the dev server also serves its `?url` as a script).
  page.on('request', (request) => {
    if (request.resourceType() === 'fetch' && new URL(request.url()).pathname.endsWith('.wasm'))
      wasm.push(request.url());
  });
  await page.goto(probeUrl);
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  return wasm;
}

function expectSandboxed(seen: Observations): void {
  expect(seen.script).toBe(42);
  expect(seen.event).toEqual(['ping', 3]);
  expect(seen.eventWrite).toMatch(/^runtime: .*read-only/);
  expect(seen.loop).toMatch(/^timeout: /);
  expect(seen.afterLoop).toMatch(/^timeout: /);
  expect(seen.freshAfterLoop).toBe(2);
  expect(seen.hostMarker).toBe('undefined');
  expect(seen.hostNames).toEqual(Array(7).fill('undefined'));
  expect(seen.escapedGlobal).toBe('undefined');
  expect(seen.session).toEqual(['passed']);
}

test.describe('SCXML realms in the browser', { tag: '@dev' }, () => {
  test('the wasm is fetched only when a realm is first needed, and once', async ({ page }) => {
    const wasm = await openProbe(page);
    expect(wasm).toEqual([]);
    await page.evaluate(() => window.scxmlRealmProbe?.inPage());
    expect(wasm).toHaveLength(1);
    await page.evaluate(() => window.scxmlRealmProbe?.inPage());
    expect(wasm).toHaveLength(1);
  });

  for (const [where, probe] of [
    ['page', 'inPage'],
    ['worker', 'inWorker'],
  ] as const) {
    test(`in the ${where}: a script runs, _event binds read-only, an endless loop times out, the host is out of reach`, async ({
      page,
    }) => {
      await openProbe(page);
      const seen = await page.evaluate((name) => window.scxmlRealmProbe?.[name](), probe);
      if (seen === undefined) throw new Error('the probe page has no probe');
      expect(seen.where).toBe(where);
      expectSandboxed(seen);
    });
  }
});
