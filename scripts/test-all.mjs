#!/usr/bin/env node
/**
 * `npm test`: everything, in the order a failure is cheapest to find. Typecheck, lint, unit
 * tests, build, e2e in Debian Chromium (installed first when missing and we may). Ends with one
 * line `N passed, N failed`, the line CI reads; typecheck and lint count as one check each.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
const results = { passed: 0, failed: 0 };

function sh(label, command, args, env = {}) {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const run = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return run.status === 0;
}

function check(label, command, args) {
  if (sh(label, command, args)) results.passed += 1;
  else results.failed += 1;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

function ensureChromium() {
  if (existsSync(CHROMIUM)) return true;
  if (process.getuid?.() !== 0) {
    console.error(
      `Chromium is missing at ${CHROMIUM}: run "sudo apt-get install -y chromium" or set CHROMIUM_PATH.`,
    );
    return false;
  }
  return sh('chromium', 'bash', [
    '-c',
    'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium',
  ]);
}

rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });

check('typecheck', 'node', ['node_modules/typescript/bin/tsc', '--noEmit', '-p', 'tsconfig.json']);
check('lint', 'node', ['node_modules/@biomejs/biome/bin/biome', 'check', '.']);

sh('unit tests', 'node', [
  'node_modules/vitest/vitest.mjs',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile=test-results/vitest.json',
]);
const unit = readJson('test-results/vitest.json');
if (unit === null) results.failed += 1;
else {
  results.passed += unit.numPassedTests;
  results.failed += unit.numFailedTests + (unit.success ? 0 : unit.numFailedTests === 0 ? 1 : 0);
}

const browser = ensureChromium();
const built = browser && sh('build', 'node', ['node_modules/vite/bin/vite.js', 'build']);
if (!built) results.failed += 1;
else {
  sh('e2e', 'node', ['node_modules/@playwright/test/cli.js', 'test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: 'test-results/playwright.json',
  });
  const e2e = readJson('test-results/playwright.json');
  if (e2e === null) results.failed += 1;
  else {
    results.passed += e2e.stats.expected;
    results.failed += e2e.stats.unexpected + (e2e.errors?.length ?? 0);
  }
}

console.log(`\n${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed === 0 ? 0 : 1);
