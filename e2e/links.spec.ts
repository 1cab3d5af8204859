import type { Page } from '@playwright/test';
import { writeRecording } from '../src/connection/recording/write-recording';
import { type Command, Engine } from '../src/engine';
import { expect, test as local } from './fixtures';
import { test as remoteTest } from './remote-fixtures';

/** What the page's store holds of the view a link should reopen. */
function shownView(page: Page) {
  return page.evaluate(() => {
    const state = window.__inspector?.store.getState();
    return { selection: state?.selection ?? null, origin: state?.filters.origin ?? null };
  });
}

remoteTest(
  'a copied link opens the same selection, filters and viewport in another browser',
  async ({ remote }) => {
    const server = await remote.server();
    const a = await remote.open(server);
    await a.engine.quiet();
    for (const [g_uid, session] of [
      ['G-LINK-ONE', 'S-ONE'],
      ['G-LINK-TWO', 'S-TWO'],
    ])
      await a.engine.run({ verb: 'arrive', media: 'TMediaVoice', g_uid, session, queue: 'e2e' });
    await expect(a.graph.interaction('G-LINK-ONE')).toBeVisible();

    const entries = await a.page.evaluate(() => history.length);
    await a.graph.interaction('G-LINK-ONE').click();
    // Pan the graph: a drag on an empty part of the pane, down and to the right.
    const pane = await a.page.locator('.react-flow__pane').boundingBox();
    if (pane === null) throw new Error('no pane');
    const before = await a.graph.viewport();
    await a.page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
    await a.page.mouse.down();
    await a.page.mouse.move(pane.x + pane.width / 2 + 90, pane.y + pane.height / 2 + 60, { steps: 10 });
    await a.page.mouse.up();
    const panned = await a.graph.viewport();
    expect(panned.x - before.x).toBeGreaterThan(50);
    await a.page.getByTestId('log-filter-origin').selectOption('api');
    // The address bar follows the view (without a history entry per change).
    await expect.poll(() => a.page.url()).toContain('sel=interaction%3AG-LINK-ONE');
    await expect.poll(() => a.page.url()).toContain('cause=api');
    await expect
      .poll(() => a.page.url())
      .toContain(`view=${Math.round(panned.x)}%2C${Math.round(panned.y)}%2C`);
    expect(await a.page.evaluate(() => history.length)).toBe(entries);

    await a.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await a.page.getByTestId('copy-link').click();
    await expect(a.page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
    const link = await a.page.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(a.page.url());

    const b = await remote.open(server, { url: link });
    await expect(b.page.getByTestId('details-panel')).toContainText('LINK-ONE');
    expect(await shownView(b.page)).toEqual({
      selection: { kind: 'interaction', id: 'G-LINK-ONE' },
      origin: 'api',
    });
    await expect(b.page.getByTestId('log-filter-origin')).toHaveValue('api');
    await expect(b.graph.interaction('G-LINK-ONE')).toHaveClass(/selected/);
    await expect
      .poll(async () => {
        const view = await b.graph.viewport();
        return [Math.round(view.x), Math.round(view.y), view.zoom.toFixed(3)];
      })
      .toEqual([Math.round(panned.x), Math.round(panned.y), panned.zoom.toFixed(3)]);
    // Nothing in the link was refused.
    await expect(b.page.getByText('Link', { exact: true })).toHaveCount(0);
  },
);

remoteTest(
  'a link to an item that is not on the page selects it and says why it is not drawn',
  async ({ remote }) => {
    const server = await remote.server();
    const a = await remote.open(server);
    await a.engine.quiet();
    const url = new URL(server.pageUrl());
    url.searchParams.set('sel', 'session:S-NOT-YET');
    url.searchParams.set('view', 'not,a,view');
    const b = await remote.open(server, { url: url.href });
    await expect(
      b.page.getByText('Session S-NOT-YET is not on the page: it has ended, or has not arrived yet.', {
        exact: false,
      }),
    ).toBeVisible();
    await expect(b.page.getByText("view must be x,y,zoom (zoom 0.01 to 2), got 'not,a,view'")).toBeVisible();
    expect((await shownView(b.page)).selection).toEqual({ kind: 'session', id: 'S-NOT-YET' });
    // It arrives: drawn, and selected.
    await b.engine.run({ verb: 'startSession', session: 'S-NOT-YET', src: 'http://ors/e2e.scxml' });
    await expect(b.graph.session('S-NOT-YET')).toHaveClass(/selected/);
  },
);

local.describe('preferences and the time display', () => {
  // A zone far from UTC, so that local and UTC times differ whatever the hour.
  local.use({ timezoneId: 'Asia/Tokyo' });

  local(
    'switching to UTC changes every time shown, and the choice survives a reload',
    async ({ page, engine }) => {
      await engine.quiet();
      await engine.run({ verb: 'startSession', session: 'S-TIME', src: 'http://ors/e2e.scxml' });
      const row = page
        .locator('[data-testid="log-row"][data-name="session.started"]')
        .filter({ hasText: 'S-TIME' });
      const time = await page.evaluate(() => {
        const rows = window.__inspector?.store.getState().log.rows ?? [];
        const started = rows.find((r) => r.kind === 'event' && r.event.session === 'S-TIME');
        return started?.kind === 'event' ? started.event.time : 0;
      });
      const iso = new Date(time).toISOString();
      const tokyo = new Date(time + 9 * 3_600_000).toISOString();
      await expect(row.locator('.log-time')).toHaveText(tokyo.slice(11, 23));

      await page.getByTestId('time-display').selectOption('utc');
      await expect(row.locator('.log-time')).toHaveText(`${iso.slice(11, 23)}Z`);
      await page.getByTestId('session-S-TIME').click();
      await expect(page.getByTestId('details-panel').getByTestId('time')).toHaveText(`${iso.slice(11, 23)}Z`);
      await engine.run({ verb: 'startSession', session: 'S-LATER', src: 'http://ors/e2e.scxml' });

      // The timeline says when the event on screen happened, in the same display.
      await page.getByTestId('timeline-event-back').click();
      const shown = await page.evaluate(() => {
        const state = window.__inspector?.store.getState();
        return state?.at == null ? 0 : (state.record.eventAt(state.at)?.time ?? 0);
      });
      await expect(page.getByTestId('timeline').getByTestId('time')).toHaveText(
        `${new Date(shown).toISOString().slice(11, 23)}Z`,
      );
      await page.getByTestId('timeline-live').click();

      await page.getByRole('button', { name: 'Legend' }).click();
      await page.getByTestId('log-filter-origin').selectOption('api');
      // A fresh page of this browser, no link: the saved preferences and filters apply.
      await page.goto('/');
      await engine.ready();
      await expect(page.getByTestId('time-display')).toHaveValue('utc');
      await expect(page.getByRole('button', { name: 'Legend' })).toHaveAttribute('aria-expanded', 'true');
      await expect(page.getByTestId('log-filter-origin')).toHaveValue('api');

      await page.getByTestId('time-display').selectOption('relative');
      await engine.run({ verb: 'startSession', session: 'S-NOW', src: 'http://ors/e2e.scxml' });
      await expect(
        page.locator('[data-testid="log-row"][data-name="session.started"] .log-time').last(),
      ).toHaveText(/^\d+ s ago$/);
    },
  );

  local(
    'a link wins over the saved filters, its viewport over the first view; a corrupt saved value is ignored and said @dev',
    async ({ page, engine, graph }) => {
      await page.getByTestId('log-filter-origin').selectOption('api');
      await expect
        .poll(() => page.evaluate(() => localStorage.getItem('ors-inspector.preferences')))
        .toContain('"api"');
      await expect.poll(() => page.url()).toContain('cause=api');
      await page.goto('/?cause=drag&view=40,-30,0.75');
      await engine.ready();
      await expect(page.getByTestId('log-filter-origin')).toHaveValue('drag');
      await expect.poll(() => graph.viewport()).toMatchObject({ x: 40, y: -30, zoom: 0.75 });

      await page.evaluate(() =>
        localStorage.setItem('ors-inspector.preferences', '{"version":1,"time":"martian"'),
      );
      const warnings: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'warning') warnings.push(message.text());
      });
      await page.goto('/');
      await engine.ready();
      await expect(page.getByTestId('time-display')).toHaveValue('local');
      expect(warnings.some((w) => w.includes('ors-inspector.preferences is not JSON'))).toBe(true);
    },
  );
});

/** A recording of `commands` run on a fresh engine, gzipped, and the seq after each command. */
async function recordingOf(commands: readonly Command[]): Promise<{ body: Buffer; seqs: number[] }> {
  const engine = new Engine({ clock: () => Date.UTC(2026, 11, 6, 2, 0, 0) });
  const base = engine.snapshot();
  const seqs = commands.map((command) => {
    const result = engine.dispatch(command);
    if (!result.ok) throw new Error(`${command.verb} refused`);
    return engine.seq;
  });
  const file = await writeRecording({
    epoch: 'e2e-at',
    source: 'recording',
    exported: null,
    traffic: { running: false, rate: 20, seed: 1, sessions: 40 },
    base,
    events: engine.eventsSince(0) ?? [],
    labels: [],
  });
  return { body: Buffer.from(await file.arrayBuffer()), seqs };
}

local(
  'a link with at= opens the graph, the log and the details at that seq, the Live button on @dev',
  async ({ page, graph }) => {
    const { body, seqs } = await recordingOf([
      { verb: 'arrive', media: 'TMediaVoice', g_uid: 'G-AT', session: 'S-A' },
      { verb: 'startSession', src: 'http://ors/e2e.scxml', session: 'S-B' },
      { verb: 'associate', session: 'S-A', interactionid: 'G-AT', sessionid: 'S-B' },
      { verb: 'arrive', media: 'TMediaChat', g_uid: 'G-LATER', session: 'S-C' },
    ]);
    // Before the move: G-AT still in S-A, S-B started, G-LATER not arrived.
    const at = seqs[1] as number;
    await page.route(
      (url) => url.pathname === '/files/at.json.gz',
      (route) => route.fulfill({ body, contentType: 'application/gzip' }),
    );
    await page.goto(`/?recording=/files/at.json.gz&at=${at}&sel=interaction:G-AT`);
    await expect(page.getByTestId('timeline-position')).toHaveAttribute('data-at', String(at));
    await expect(page.getByTestId('timeline-position')).toContainText(`Seq ${at} on screen`);
    await expect(page.getByTestId('timeline-live')).toBeEnabled();
    await expect(page.getByTestId('timeline-newer')).toHaveText(`${(seqs[3] as number) - at} newer events`);

    await expect(graph.interaction('G-AT')).toHaveAttribute('data-owner', 'S-A');
    await expect(graph.interaction('G-AT')).toHaveClass(/selected/);
    await expect(graph.session('S-B')).toBeVisible();
    await expect(graph.interaction('G-LATER')).toHaveCount(0);
    await expect(page.getByTestId('details-owner')).toHaveText('S-A');
    // The log's rows up to that seq, no later one (the selection filters it to G-AT's).
    const logSeqs = () =>
      page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('[data-testid="log-row"][data-seq]')].map((row) =>
          Number(row.dataset.seq),
        ),
      );
    await expect.poll(async () => Math.max(...(await logSeqs()))).toBeLessThanOrEqual(at);
    expect((await logSeqs()).length).toBeGreaterThan(0);
    // Nothing in the link was refused.
    await expect(page.getByText('Link', { exact: true })).toHaveCount(0);

    await page.getByTestId('timeline-live').click();
    await expect(page.getByTestId('timeline-live')).toBeDisabled();
    await expect(graph.interaction('G-AT')).toHaveAttribute('data-owner', 'S-B');
    await expect(page.getByTestId('details-owner')).toHaveText('S-B');
    await expect.poll(async () => Math.max(...(await logSeqs()))).toBeGreaterThan(at);
  },
);
