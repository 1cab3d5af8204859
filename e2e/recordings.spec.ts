import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { HEAD_FIRST } from '../src/connection/recording/recording-connection';
import { writeRecording } from '../src/connection/recording/write-recording';
import { Engine, type EngineEvent, pump, type Snapshot, TrafficGenerator } from '../src/engine';
import { expect, test } from './fixtures';

/**
 * Recordings (docs/recordings.md): export what the page holds, open it again after a reload from
 * the file picker, open one by `?recording=URL`, and refuse a bad file without changing anything.
 */

/**
 * What the user sees of the state: sessions, who owns each interaction, and the log's events;
 * with `exporting`, read in the same task as the click on Export, so both see the same state.
 */
function seen(page: Page, exporting = false) {
  return page.evaluate((click) => {
    const state = window.__inspector?.store.getState();
    if (state === undefined) throw new Error('no test API');
    if (click) document.querySelector<HTMLButtonElement>('[data-testid="recording-export"]')?.click();
    return {
      seq: state.seq,
      sessions: [...state.model.sessions.keys()].sort(),
      owners: [...state.model.interactions.values()].map((i) => [i.g_uid, i.owner]).sort(),
      log: state.log.rows.flatMap((row) => (row.kind === 'event' ? [[row.event.seq, row.event.name]] : [])),
    };
  }, exporting);
}

/** The file the page would export of `events` after `base` (an engine's snapshot), gzipped. */
async function recordingFile(epoch: string, base: Snapshot, events: readonly EngineEvent[]): Promise<Buffer> {
  const traffic = { running: true, rate: 20, seed: 1, sessions: 40 };
  const file = await writeRecording({
    epoch,
    source: 'recording',
    exported: null,
    traffic,
    base,
    events,
    labels: [],
  });
  return Buffer.from(await file.arrayBuffer());
}

/** A small recording made in Node by the engine itself: two arrivals and a move, gzipped. */
function smallRecording(): Promise<Buffer> {
  const engine = new Engine({ clock: () => Date.now() });
  const base = engine.snapshot();
  engine.dispatch({ verb: 'arrive', media: 'TMediaVoice', g_uid: 'G-REC', session: 'S-FROM' });
  engine.dispatch({ verb: 'startSession', src: 'e2e.scxml', session: 'S-TO' });
  engine.dispatch({ verb: 'associate', session: 'S-FROM', interactionid: 'G-REC', sessionid: 'S-TO' });
  return recordingFile('e2e-served', base, engine.eventsSince(0) ?? []);
}

/** A recording long enough to open by its final state first: traffic from an empty engine. */
function longRecording(count: number): Promise<Buffer> {
  let now = Date.UTC(2026, 0, 1);
  const engine = new Engine({ clock: () => (now += 5) });
  const base = engine.snapshot();
  const events: EngineEvent[] = [];
  engine.subscribe((batch) => events.push(...batch));
  pump(engine, new TrafficGenerator({ seed: 13, targetSessions: 30 }), count);
  return recordingFile('e2e-long', base, events.slice(0, count));
}

test('export what the page holds, reload, open the file: the same sessions, owners and log, read-only', async ({
  page,
  engine,
}) => {
  await page.evaluate(() => window.__inspector?.connection.traffic({ running: true, rate: 300, seed: 9 }));
  await page.waitForFunction(() => (window.__inspector?.store.getState().seq ?? 0) > 400);
  await page.getByText('Recording', { exact: true }).click();
  const [download, before] = await Promise.all([page.waitForEvent('download'), seen(page, true)]);
  expect(before.log.length).toBeGreaterThan(400);
  expect(download.suggestedFilename()).toMatch(
    new RegExp(`^ors-recording-[\\w.-]+-${before.seq}\\.json\\.gz$`),
  );
  await expect(page.getByTestId('recording-outcome')).toContainText(`Saved ${download.suggestedFilename()}`);
  const file = readFileSync(await download.path());

  await page.reload();
  await engine.ready();
  await expect(page.getByTestId('recording-badge')).toHaveCount(0);
  await page.getByText('Recording', { exact: true }).click();
  await page
    .getByTestId('recording-file')
    .setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/gzip', buffer: file });

  await expect(page.getByTestId('recording-badge')).toContainText(download.suggestedFilename());
  await expect(page.getByTestId('recording-badge')).toContainText('read-only');
  await expect(page.getByTestId('connection-status')).toContainText('recording · connected');
  await page.waitForFunction((seq) => window.__inspector?.store.getState().seq === seq, before.seq);
  expect(await seen(page)).toEqual(before);
  const session = before.sessions[0] ?? '';
  await expect(page.getByTestId(`session-${session}`)).toBeVisible();
  const refused = await page.evaluate(() =>
    window.__inspector?.connection.reset().then(
      () => 'reset',
      (error: { code: string }) => error.code,
    ),
  );
  expect(refused).toBe('forbidden');

  await page.getByTestId('recording-live').click();
  await engine.ready();
  await expect(page.getByTestId('recording-badge')).toHaveCount(0);
  await expect(page.getByTestId('connection-status')).toContainText('in-browser engine');
});

test('?recording=URL opens a file the server serves; one it cannot fetch says so', async ({ page }) => {
  const body = await smallRecording();
  // Matched by path: the page's own URL ends with the same text, in its query.
  await page.route(
    (url) => url.pathname === '/files/run.json.gz',
    (route) => route.fulfill({ body, contentType: 'application/gzip' }),
  );
  await page.route(
    (url) => url.pathname === '/files/missing.json.gz',
    (route) => route.fulfill({ status: 404, body: 'no' }),
  );

  await page.goto('/?recording=/files/run.json.gz');
  await page.waitForFunction(() => window.__inspector?.store.getState().epoch === 'e2e-served');
  await expect(page.getByTestId('recording-badge')).toContainText('run.json.gz');
  await expect(page.getByTestId('session-S-TO')).toBeVisible();
  expect(
    await page.evaluate(() => window.__inspector?.store.getState().model.interactions.get('G-REC')?.owner),
  ).toBe('S-TO');

  await page.goto('/?recording=/files/missing.json.gz');
  await expect(
    page.getByText(/missing\.json\.gz does not open: .*missing\.json\.gz answered 404/),
  ).toBeVisible();
  await expect(page.getByTestId('connection-status')).toContainText('closed');
});

test('a bad file, picked or dropped, shows its error and changes nothing', async ({ page, engine }) => {
  await engine.quiet();
  await engine.run({ verb: 'arrive', media: 'TMediaVoice', g_uid: 'G-LIVE', session: 'S-LIVE' });
  const epoch = await page.evaluate(() => window.__inspector?.store.getState().epoch);
  const good = (await new Response(
    new Blob([new Uint8Array(await smallRecording())]).stream().pipeThrough(new DecompressionStream('gzip')),
  ).text()) as string;
  const lines = good.trimEnd().split('\n');
  const bad = lines.findIndex((line) => line.includes('"interactionid":"G-REC"'));
  lines[bad] = (lines[bad] ?? '').replace('"interactionid":"G-REC"', '"interactionid":42');
  const broken = Buffer.from(lines.join('\n'));

  await page.getByText('Recording', { exact: true }).click();
  await page
    .getByTestId('recording-file')
    .setInputFiles({ name: 'broken.jsonl', mimeType: 'application/json', buffer: broken });
  await expect(page.getByTestId('recording-outcome')).toContainText(
    `broken.jsonl does not open: line ${bad + 1}, data.interactionid:`,
  );

  // Dropped on the page: the same refusal (not the Strategies menu's).
  await page.evaluate((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'dropped.json'));
    document.body.dispatchEvent(
      new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }),
    );
  }, '{"format":"ors-recording","version":7}\n');
  await expect(page.getByTestId('recording-outcome')).toContainText(
    'dropped.json does not open: line 1, version: version 7 is not one this page reads',
  );
  await expect(page.getByTestId('strategy-file-name')).toHaveCount(0);

  expect(await page.evaluate(() => window.__inspector?.store.getState().epoch)).toBe(epoch);
  expect(await page.evaluate(() => window.__inspector?.connection.kind)).toBe('worker');
  await expect(page.getByTestId('recording-badge')).toHaveCount(0);
  await expect(page.getByTestId('interaction-G-LIVE')).toBeVisible();
});

test('a long recording opens at its final state, its events fill the timeline in, and it steps back to its first event', async ({
  page,
}) => {
  const count = HEAD_FIRST + 10_000;
  const body = await longRecording(count);
  await page.route(
    (url) => url.pathname === '/files/long.json.gz',
    (route) => route.fulfill({ body, contentType: 'application/gzip' }),
  );
  await page.goto('/?recording=/files/long.json.gz');
  await page.waitForFunction((last) => window.__inspector?.store.getState().seq === last, count);
  await expect(page.getByTestId('connection-status')).toContainText('recording · connected');
  // Every event in: the timeline holds the recording from its base, and says so.
  await page.waitForFunction(() => window.__inspector?.store.getState().filling === null);
  await expect(page.getByTestId('recording-filling')).toHaveCount(0);
  await expect(page.getByTestId('timeline-first')).toContainText('oldest held: seq 0');
  await expect(page.getByTestId('timeline-last')).toContainText(`live: seq ${count}`);

  // To the oldest held seq (the base: nothing yet), then one event forward: the first.
  await page.getByTestId('timeline-slider').focus();
  await page.keyboard.press('Home');
  await expect(page.getByTestId('timeline')).toContainText('seq 0');
  expect(await page.evaluate(() => window.__inspector?.store.getState().model.sessions.size)).toBe(0);
  await page.getByTestId('timeline-event-forward').click();
  await expect.poll(() => page.evaluate(() => window.__inspector?.store.getState().at)).toBe(1);
  const first = await page.evaluate(() => {
    const state = window.__inspector?.store.getState();
    return { logAt: state?.logAt, interactions: state?.model.interactions.size };
  });
  expect(first).toEqual({ logAt: 1, interactions: 1 });
});
