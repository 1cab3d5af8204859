import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * What lies over the graph: the Find box (top left) and the overview (bottom right). After the
 * first view of an engine neither covers a session's name, and the overview stays small.
 */

type Box = { x: number; y: number; width: number; height: number };

function intersects(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Starts the sessions in one go and waits until the page holds them all. */
async function startSessions(page: Page, ids: readonly string[]): Promise<void> {
  const last = await page.evaluate(async (list) => {
    const connection = window.__inspector?.connection;
    if (connection === undefined) throw new Error('no test API');
    let seq = 0;
    for (const session of list) {
      const result = await connection.command({ verb: 'startSession', src: 'http://ors/app.scxml', session });
      if (!result.ok) throw new Error(JSON.stringify(result));
      seq = result.lastSeq;
    }
    return seq;
  }, ids);
  await page.waitForFunction((seq) => (window.__inspector?.store.getState().seq ?? 0) >= seq, last);
}

async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  if (box === null) throw new Error(`${locator} not on screen`);
  return box;
}

for (const viewport of [
  { width: 1024, height: 700 },
  { width: 1920, height: 1080 },
]) {
  test.describe(`at ${viewport.width}x${viewport.height}`, () => {
    test.use({ viewport });

    test('neither the overview nor the Find box covers a session name after the first view', async ({
      page,
      engine,
    }) => {
      await engine.quiet();
      // More sessions than the first view shows, so the overview is there; long names.
      await startSessions(
        page,
        Array.from({ length: 100 }, (_, i) => `S-OVERLAY-${i}-00FG8RMHKGBTR5QFBP8LP2LAES`),
      );
      const overview = await boxOf(page.getByTestId('overview'));
      const find = await boxOf(page.locator('.graph-search'));
      const pane = await boxOf(page.locator('.react-flow'));
      await expect(page.locator('.session-id').first()).toBeVisible();

      const names = await page.locator('.session-id').evaluateAll((elements) =>
        elements.map((element) => {
          const { x, y, width, height } = element.getBoundingClientRect();
          return { text: element.textContent ?? '', box: { x, y, width, height } };
        }),
      );
      const shown = names.filter((name) => intersects(name.box, pane));
      expect(shown.length).toBeGreaterThan(4);
      for (const name of shown) {
        expect(intersects(name.box, overview), `the overview covers ${name.text}`).toBe(false);
        expect(intersects(name.box, find), `the Find box covers ${name.text}`).toBe(false);
      }
      expect(overview.width * overview.height).toBeLessThanOrEqual((pane.width * pane.height) / 5);
      await page.screenshot({ path: `test-results/screenshots/overlays-${viewport.width}.png` });
    });
  });
}
