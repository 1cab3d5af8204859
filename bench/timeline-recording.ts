/**
 * Opening a recording of 1,000,000 events (issue 13: at most 2 s to the first interactive frame),
 * in headless Chromium against the built app: the page is opened on `?recording=URL`, the file
 * (gzipped JSON lines, docs/recordings.md) served as a file of the build, made of
 * bench/timeline.ts's world of traffic events (this is one of its figures). Baseline, in the same
 * run: the same page opening a recording of 1,000 events, the page's load and little else.
 *
 * "First interactive frame": measured from the navigation's start (the page's timeOrigin) to the
 * first animation frame after the store holds the recording's last event (its final state drawn
 * on that frame), and a task after it: the main thread is free to take input. A recording this
 * long shows its final state from its first line, so that is the frame measured; its events are
 * read and checked after it (docs/recordings.md).
 */
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { writeRecording } from '../src/connection/recording/write-recording';
import { fmt, report } from './measure';
import { startPreview } from './serve';
import type { TimelineFigure, TimelineWorld } from './timeline';

const EVENTS = 1_000_000;
const BASELINE_EVENTS = 1_000;
const ROUNDS = 3;
const GOAL_MS = 2_000;
const PORT = 4181;
/** Served from the build, not through a Playwright route: a route sends the body over CDP. */
const SERVED_NAME = 'bench-recording.json.gz';
const SERVED = `dist/${SERVED_NAME}`;

/** The world's first `count` events from its base, as the file the page exports. */
async function recordingOf(world: TimelineWorld, count: number): Promise<Buffer> {
  const file = await writeRecording({
    epoch: `bench-${count}`,
    source: 'recording',
    exported: null,
    traffic: world.base.traffic,
    base: world.base.snapshot,
    events: world.events.slice(0, count),
    labels: [],
  });
  return Buffer.from(await file.arrayBuffer());
}

/** Runs in the page: resolves, in ms since the navigation started, at the first interactive frame. */
const FIRST_INTERACTIVE_FRAME = `(last) => new Promise((resolve) => {
  function check() {
    const state = window.__inspector?.store.getState();
    if (state?.seq === last) {
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0));
      return;
    }
    setTimeout(check, 5);
  }
  check();
})`;

/** Opens the page on the recording and returns ms from navigation start to the first interactive frame. */
async function open(page: Page, url: string, last: number): Promise<number> {
  await page.goto(`${url}/?recording=/${SERVED_NAME}`, { waitUntil: 'commit' });
  return page.evaluate(`(${FIRST_INTERACTIVE_FRAME})(${last})`) as Promise<number>;
}

/** Serves `body` as the built app's file (vite preview serves dist/ as it is) and opens it ROUNDS times. */
async function measure(url: string, body: Buffer, last: number): Promise<number[]> {
  writeFileSync(SERVED, body);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium',
  });
  try {
    const times: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const page = await browser.newPage();
      times.push(await open(page, url, last));
      await page.close();
    }
    return times;
  } finally {
    await browser.close();
  }
}

export const timelineRecordingFigure: TimelineFigure = async (world) => {
  const build = spawnSync('node', ['node_modules/vite/bin/vite.js', 'build'], { stdio: 'ignore' });
  if (build.status !== 0) throw new Error('vite build failed');
  const events = Math.min(EVENTS, world.events.length);
  const [big, small] = [await recordingOf(world, events), await recordingOf(world, BASELINE_EVENTS)];
  const preview = await startPreview(PORT);
  try {
    const last = world.base.snapshot.seq;
    const opened = Math.min(...(await measure(preview.url, big, last + events)));
    const baseline = Math.min(...(await measure(preview.url, small, last + BASELINE_EVENTS)));
    return [
      `recording of ${fmt(events)} events: ${fmt(big.length / 1e6, 1)} MB gzipped; best of ${ROUNDS} rounds`,
      report(
        'open 1M-event recording',
        `${fmt(opened)} ms`,
        `${fmt(baseline)} ms`,
        opened / baseline,
        `goal ≤ ${fmt(GOAL_MS)} ms: ${opened <= GOAL_MS ? 'met' : 'NOT met'}`,
      ),
    ];
  } finally {
    preview.stop();
    rmSync(SERVED, { force: true });
  }
};
