import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * What lies over the graph: the Find box and the legend (top left), the overview (bottom right).
 * After the first view of an engine neither covers a session's name, and the overview stays
 * small. The legend opens from the keyboard and shows the graph's own colours.
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

/** The session names on screen, with their boxes. */
async function sessionNames(page: Page): Promise<{ text: string; box: Box }[]> {
  return page.locator('.session-id').evaluateAll((elements) =>
    elements.map((element) => {
      const { x, y, width, height } = element.getBoundingClientRect();
      return { text: element.textContent ?? '', box: { x, y, width, height } };
    }),
  );
}

for (const viewport of [
  { width: 1024, height: 700 },
  { width: 1920, height: 1080 },
]) {
  test.describe(`at ${viewport.width}x${viewport.height}`, () => {
    test.use({ viewport });

    test('neither the overview nor the Find box covers a session name after the first view @dev', async ({
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

      const names = await sessionNames(page);
      const shown = names.filter((name) => intersects(name.box, pane));
      expect(shown.length).toBeGreaterThan(4);
      for (const name of shown) {
        expect(intersects(name.box, overview), `the overview covers ${name.text}`).toBe(false);
        expect(intersects(name.box, find), `the Find box covers ${name.text}`).toBe(false);
      }
      expect(overview.width * overview.height).toBeLessThanOrEqual((pane.width * pane.height) / 5);
      await page.screenshot({ path: `test-results/screenshots/overlays-${viewport.width}.png` });
    });

    test('after Fit view the Find box covers no session name', async ({ page, engine }) => {
      await engine.quiet();
      await startSessions(
        page,
        Array.from({ length: 12 }, (_, i) => `S-FIT-${i}-00FG8RMHKGBTR5QFBP8LP2LAES`),
      );
      await page.getByRole('button', { name: 'Fit view' }).click();
      const find = await boxOf(page.locator('.graph-search'));
      // Close enough up for names; the whole graph in view.
      await expect(page.locator('.session-id', { hasText: 'S-FIT-' })).toHaveCount(12);
      await expect(page.getByTestId('overview')).toBeHidden();
      const pane = await boxOf(page.locator('.react-flow'));
      // Polled: fit view glides there.
      const misplaced = async () =>
        (await sessionNames(page))
          .filter((name) => !intersects(name.box, pane) || intersects(name.box, find))
          .map((name) => name.text);
      await expect.poll(misplaced).toEqual([]);
    });
  });
}

test.describe('the legend', () => {
  test('opens from the keyboard, shows the colours the graph draws, passes axe, closes with Escape @dev', async ({
    page,
    engine,
    graph,
  }) => {
    await engine.quiet();
    const media = {
      voice: 'TMediaVoice',
      chat: 'TMediaChat',
      email: 'TMediaEMail',
      other: 'TMediaWorkItem',
    } as const;
    for (const [kind, name] of Object.entries(media))
      await engine.run({ verb: 'arrive', media: name, session: `S-LEG-${kind}`, g_uid: `G-LEG-${kind}` });

    // From the Find box, the Find button, then the legend's.
    await page.getByTestId('graph-search').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const toggle = page.getByRole('button', { name: 'Legend' });
    await expect(toggle).toBeFocused();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const legend = page.getByRole('region', { name: 'Legend' });
    for (const label of ['voice', 'chat', 'e-mail', 'other media', 'a drop here would be refused'])
      await expect(legend.getByText(label, { exact: true })).toBeVisible();

    await page.screenshot({ path: 'test-results/screenshots/legend.png' });
    // Each media swatch has the colour of that media's chips on the graph.
    const swatches = legend.locator('.legend-chip[data-media]');
    await expect(swatches).toHaveCount(4);
    for (const kind of Object.keys(media)) {
      const chip = graph.interaction(`G-LEG-${kind}`);
      const swatch = legend.locator(`.legend-chip[data-media="${kind}"]`);
      const colour = (locator: Locator) => locator.evaluate((e) => getComputedStyle(e).borderLeftColor);
      expect(await colour(swatch), kind).toBe(await colour(chip));
    }
    const colours = await swatches.evaluateAll((list) =>
      list.map((e) => getComputedStyle(e).borderLeftColor),
    );
    expect(new Set(colours).size).toBe(4);
    // The feedback swatches differ from one another and from a plain container.
    const looks = await legend.locator('.legend-swatch:not(.legend-chip)').evaluateAll((list) =>
      list.map((e) => {
        const style = getComputedStyle(e);
        return `${style.backgroundColor} ${style.borderColor} ${style.borderStyle} ${style.boxShadow}`;
      }),
    );
    expect(looks).toHaveLength(5);
    expect(new Set(looks).size).toBe(5);

    const { violations } = await new AxeBuilder({ page }).include('.graph-legend').analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`)).toEqual(
      [],
    );

    await page.keyboard.press('Escape');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(toggle).toBeFocused();
    await expect(legend.getByText('voice', { exact: true })).toBeHidden();
  });
});
