import { defineConfig, devices } from '@playwright/test';

const chromium = {
  ...devices['Desktop Chrome'],
  launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium' },
};

/**
 * e2e in Debian's Chromium, against the built app (`vite preview` serves dist/) and, for the
 * scenarios tagged `@dev`, against the dev server too: React runs its development checks there
 * (StrictMode mounts every effect twice), which a build never does.
 */
export default defineConfig({
  testDir: './e2e',
  // Bounds on waiting, not speed budgets: CI shares two cores with a server, a preview and Chromium.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  workers: 1,
  reporter: [['list']],
  outputDir: 'test-results/e2e',
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
  projects: [
    { name: 'chromium', use: { ...chromium, baseURL: 'http://127.0.0.1:4173' } },
    // The dev server compiles each module on its first request: a first load takes longer.
    { name: 'dev', grep: /@dev/, timeout: 90_000, use: { ...chromium, baseURL: 'http://127.0.0.1:5173' } },
  ],
  webServer: [
    {
      command: 'node node_modules/vite/bin/vite.js preview --port 4173 --strictPort --host 127.0.0.1',
      url: 'http://127.0.0.1:4173/',
      reuseExistingServer: !process.env.CI,
    },
    {
      command:
        'node node_modules/vite/bin/vite.js --config e2e/vite-dev.config.ts --port 5173 --strictPort --host 127.0.0.1',
      url: 'http://127.0.0.1:5173/',
      reuseExistingServer: !process.env.CI,
    },
  ],
});
