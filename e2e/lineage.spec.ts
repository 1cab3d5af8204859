import type { Page } from '@playwright/test';
import type { Command } from '../src/engine';
import { expect, type GraphPage, test } from './fixtures';
import { test as remoteTest } from './remote-fixtures';

/**
 * Lineage and Follow: the selected interaction's path of moves drawn on the graph, close up and
 * far out, following the layout; Follow pans with it as it moves, until the user pans.
 */

const ARRIVE = (g_uid: string, session: string): Command => ({
  verb: 'arrive',
  media: 'TMediaChat',
  g_uid,
  session,
});
const START = (session: string): Command => ({ verb: 'startSession', src: 'http://ors/e2e.scxml', session });
const MOVE = (g_uid: string, from: string, to: string): Command => ({
  verb: 'associate',
  session: from,
  interactionid: g_uid,
  sessionid: to,
});

/** Where an arrow of the close-up overlay ends, on the page: its path's last point, in flow coordinates. */
async function arrowEnd(page: Page, graph: GraphPage, number: number): Promise<{ x: number; y: number }> {
  const d = await page
    .locator(`[data-testid="lineage-arrow"][data-number="${number}"] path`)
    .getAttribute('d');
  const numbers = (d ?? '').match(/-?[\d.]+(e-?\d+)?/g)?.map(Number) ?? [];
  const [x, y] = numbers.slice(-2) as [number, number];
  return graph.onScreen({ x, y });
}

async function near(page: Page, point: { x: number; y: number }, session: string): Promise<boolean> {
  const box = await page.getByTestId(`session-${session}`).boundingBox();
  if (box === null) return false;
  const slack = 4;
  return (
    point.x >= box.x - slack &&
    point.x <= box.x + box.width + slack &&
    point.y >= box.y - slack &&
    point.y <= box.y + box.height + slack
  );
}

test('an interaction that moved shows its path, numbered, close up and far out, and it follows the layout', async ({
  page,
  engine,
  graph,
}) => {
  await engine.quiet();
  await engine.run(ARRIVE('G-PATH', 'S-1'));
  await engine.run(START('S-2'));
  await engine.run(START('S-3'));
  await engine.run(MOVE('G-PATH', 'S-1', 'S-2'));
  await engine.run(MOVE('G-PATH', 'S-2', 'S-3'));
  const moves = (await engine.events('G-PATH')).filter((e) => e.name === 'interaction.owner.changed');

  await expect(page.getByTestId('lineage')).toHaveCount(0);
  await graph.interaction('G-PATH').click();
  const arrows = page.getByTestId('lineage-arrow');
  // The arrival (from Unowned) and the two moves, in order.
  await expect(arrows).toHaveCount(3);
  expect(await arrows.evaluateAll((all) => all.map((a) => Number(a.getAttribute('data-seq'))))).toEqual(
    moves.map((m) => m.seq),
  );
  await expect(arrows.locator('text')).toHaveText(['1', '2', '3']);
  expect(await near(page, await arrowEnd(page, graph, 2), 'S-2')).toBe(true);
  expect(await near(page, await arrowEnd(page, graph, 3), 'S-3')).toBe(true);
  await expect(page.getByTestId('details-path-drawn')).toBeVisible();

  // A tall, narrow pane gives the grid fewer columns (S-3 goes to the next row): the arrows move with it.
  const row = async (session: string) => (await page.getByTestId(`session-${session}`).boundingBox())?.y;
  expect(await row('S-3')).toBe(await row('S-2'));
  await page.setViewportSize({ width: 600, height: 1400 });
  await page.locator('.fit-view').click();
  // Fit view shows it all far out (painted); close up again, around the middle of the grid.
  await expect(page.getByTestId('far-canvas')).toHaveAttribute('data-lineage', '3');
  // One zoom-in step per try while the view is drawn below 0.45: no click once it has got there.
  await expect(async () => {
    if ((await graph.viewport()).zoom < 0.45) await page.locator('.react-flow__controls-zoomin').click();
    expect((await graph.viewport()).zoom).toBeGreaterThanOrEqual(0.45);
  }).toPass({ intervals: [150] });
  await expect
    .poll(async () => (await page.getByTestId('session-S-3').boundingBox())?.y ?? Number.NEGATIVE_INFINITY)
    .toBeGreaterThan((await page.getByTestId('session-S-2').boundingBox())?.y ?? 0);
  await expect.poll(async () => near(page, await arrowEnd(page, graph, 3), 'S-3')).toBe(true);
  expect(await near(page, await arrowEnd(page, graph, 2), 'S-2')).toBe(true);

  // Far out the canvas paints the same path; deselected, none.
  await graph.zoomOutBelow(0.4);
  await expect(page.getByTestId('far-canvas')).toHaveAttribute('data-lineage', '3');
  await expect(page.getByTestId('lineage')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('far-canvas')).toHaveAttribute('data-lineage', '0');
});

test('Follow pans to the owner after each move; a pan of the user turns it off and says so @dev', async ({
  page,
  engine,
  graph,
}) => {
  // Two dozen sessions started one by one, and three pans: more than 30 s on a loaded 2-core machine.
  test.setTimeout(90_000);
  await engine.quiet();
  await engine.run(ARRIVE('G-FOLLOW', 'S-1'));
  // Enough sessions that the last ones lie out of view.
  for (let i = 2; i <= 24; i++) await engine.run(START(`S-${i}`));
  await graph.interaction('G-FOLLOW').click();
  const follow = page.getByTestId('follow');
  await expect(follow).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('f');
  await expect(follow).toHaveAttribute('aria-pressed', 'true');

  const pane = page.locator('.react-flow');
  /** How far the session's centre is from the pane's, in pixels. */
  const centreOffset = async (session: string): Promise<number> => {
    const paneBox = await pane.boundingBox();
    const box = await page.getByTestId(`session-${session}`).boundingBox();
    if (paneBox === null || box === null) return Number.POSITIVE_INFINITY;
    return Math.hypot(
      box.x + box.width / 2 - (paneBox.x + paneBox.width / 2),
      box.y + box.height / 2 - (paneBox.y + paneBox.height / 2),
    );
  };
  const far = 'S-24';
  await expect(page.getByTestId(`session-${far}`)).toHaveCount(0);
  const start = await graph.viewport();
  await engine.run(MOVE('G-FOLLOW', 'S-1', far));
  await expect.poll(() => centreOffset(far)).toBeLessThan(30);
  expect(await graph.viewport()).not.toEqual(start);
  await engine.run(MOVE('G-FOLLOW', far, 'S-2'));
  await expect.poll(() => centreOffset('S-2')).toBeLessThan(30);

  // The user zooms with the wheel: Follow is off, a toast says why, and the next move pans nothing.
  const paneBox = await pane.boundingBox();
  if (paneBox === null) throw new Error('no pane');
  await page.mouse.move(paneBox.x + paneBox.width / 2, paneBox.y + paneBox.height / 2);
  const before = await graph.viewport();
  await page.mouse.wheel(0, 120);
  await expect(follow).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByTestId('toast').last()).toContainText('Follow is off');
  // The zoom as drawn, not as it may be a frame before: the check below compares with it.
  await expect.poll(async () => (await graph.viewport()).zoom).toBeLessThan(before.zoom);
  const zoomed = await graph.viewport();
  await engine.run(MOVE('G-FOLLOW', 'S-2', far));
  await page.waitForTimeout(700);
  expect(await graph.viewport()).toEqual(zoomed);
});

test('the zoom buttons, Fit view and the overview turn Follow off, as a pan does @dev', async ({
  page,
  engine,
  graph,
}) => {
  await engine.quiet();
  await engine.run(ARRIVE('G-BUTTONS', 'S-1'));
  // Enough sessions that the overview shows (part of the graph out of view) once zoomed in.
  for (let i = 2; i <= 16; i++) await engine.run(START(`S-${i}`));
  await graph.interaction('G-BUTTONS').click();
  const follow = page.getByTestId('follow');
  const toast = page.getByTestId('toast').filter({ hasText: 'Follow is off' });
  const turnedOffBy = async (press: () => Promise<void>) => {
    await page.keyboard.press('f');
    await expect(follow).toHaveAttribute('aria-pressed', 'true');
    // The last press's toast gone, so that this press's is the one seen.
    await page.evaluate(() => {
      const state = window.__inspector?.store.getState();
      for (const { id } of state?.toasts ?? []) state?.dismissToast(id);
    });
    await expect(toast).toHaveCount(0);
    await press();
    await expect(follow).toHaveAttribute('aria-pressed', 'false');
    await expect(toast).toHaveCount(1);
  };
  await turnedOffBy(() => page.locator('.react-flow__controls-zoomin').click());
  await turnedOffBy(() => page.locator('.react-flow__controls-zoomout').click());
  await turnedOffBy(() => page.locator('.fit-view').click());
  for (let i = 0; i < 8 && (await page.getByTestId('overview').count()) === 0; i++) {
    await page.locator('.react-flow__controls-zoomin').click();
    await page.waitForTimeout(150);
  }
  await turnedOffBy(() => page.getByTestId('overview').click());
});

remoteTest(
  'a page opened after some moves draws them too, from the journal, and the moves it sees after',
  async ({ remote }) => {
    const server = await remote.server();
    const a = await remote.open(server);
    await a.engine.quiet();
    await a.engine.run(ARRIVE('G-EARLY', 'S-1'));
    await a.engine.run(START('S-2'));
    await a.engine.run(MOVE('G-EARLY', 'S-1', 'S-2'));

    const b = await remote.open(server);
    await b.graph.interaction('G-EARLY').click();
    const arrows = b.page.getByTestId('lineage-arrow');
    // The arrival and the move, both before b opened.
    await expect(arrows).toHaveCount(2);
    await a.engine.run(MOVE('G-EARLY', 'S-2', 'S-1'));
    await expect(arrows).toHaveCount(3);
    await expect(arrows.locator('text')).toHaveText(['1', '2', '3']);
  },
);
