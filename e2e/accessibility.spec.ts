import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * What a keyboard user and a screen reader user meet: an automated scan (axe) of the live page
 * in its main states, the skip links, a focus ring unlike any highlight, and focus going back
 * where it came from when the associate picker closes.
 */

/** axe's serious and critical findings, one line each (rule, then the elements it names). */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} (${n.failureSummary ?? ''})`).join('; ')}`,
    );
}

test('axe finds nothing serious on the live page, with a selection, and with the picker open', async ({
  page,
  engine,
  graph,
}) => {
  // Each scan reads every element of a page holding hundreds of nodes.
  test.setTimeout(120_000);
  await page.evaluate(() => window.__inspector?.connection.traffic({ running: true, rate: 50 }));
  await expect.poll(async () => (await engine.events()).length).toBeGreaterThan(60);
  expect(await seriousViolations(page)).toEqual([]);

  await engine.quiet();
  await engine.run({ verb: 'arrive', media: 'TMediaChat', session: 'S-A11Y', g_uid: 'G-A11Y' });
  await graph.interaction('G-A11Y').click();
  await expect(page.getByTestId('details-owner')).toHaveText('S-A11Y');
  // A refusal: an error row of the log, selected, and a toast.
  await page.evaluate(() => {
    const inspector = window.__inspector;
    if (inspector === undefined) throw new Error('no test API');
    return inspector.associate(inspector, { g_uid: 'G-A11Y', target: 'S-NOWHERE', origin: 'api' });
  });
  await expect(page.locator('[data-testid="log-row"][data-kind="error"]').first()).toBeVisible();
  await expect(page.getByTestId('toast').first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.keyboard.press('a');
  await expect(page.getByTestId('associate-picker')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the first Tab stops skip past the graph to Find and to the log filters', async ({ page, engine }) => {
  await engine.quiet();
  await page.keyboard.press('Tab');
  const toFind = page.getByRole('link', { name: 'Skip to Find' });
  await expect(toFind).toBeFocused();
  await expect(toFind).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('graph-search')).toBeFocused();

  await toFind.focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to the log filters' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('log-filter-name-toggle')).toBeFocused();
});

test('a focused node has a visible ring, unlike the flash and the selection', async ({
  page,
  engine,
  graph,
}) => {
  await engine.quiet();
  await engine.run({ verb: 'startSession', src: 'http://ors/app.scxml', session: 'S-RING' });
  const node = page.locator('.react-flow__node[data-id="s:S-RING"]');
  await expect(node).toBeVisible();
  await page.keyboard.press('Tab'); // focus-visible comes from the keyboard
  await node.focus();
  const ring = await node.evaluate((el) => {
    const style = getComputedStyle(el);
    return { style: style.outlineStyle, width: style.outlineWidth, color: style.outlineColor };
  });
  expect(ring.style).toBe('solid');
  expect(ring.width).toBe('2px');
  // The flash and the selection are drawn in the accent blue; the ring is not.
  const accent = await page.evaluate(() => {
    const probe = document.createElement('span');
    probe.style.color = 'var(--accent)';
    document.body.append(probe);
    const color = getComputedStyle(probe).color;
    probe.remove();
    return color;
  });
  expect(ring.color).not.toBe(accent);
  const session = graph.session('S-RING');
  const flash = await session.evaluate((el) => {
    el.classList.add('flash', 'selected');
    const { borderTopColor, boxShadow } = getComputedStyle(el);
    el.classList.remove('flash', 'selected');
    return `${borderTopColor} ${boxShadow}`;
  });
  expect(flash).toContain(accent);
  expect(flash).not.toContain(ring.color);
});

test('Escape in the associate picker gives focus back to the chip it was opened from', async ({
  page,
  engine,
}) => {
  await engine.quiet();
  await engine.run({ verb: 'arrive', media: 'TMediaVoice', session: 'S-CHIP', g_uid: 'G-CHIP' });
  await engine.run({ verb: 'startSession', src: 'http://ors/app.scxml', session: 'S-ELSE' });
  const chip = page.locator('.react-flow__node[data-id="i:G-CHIP"]');
  await expect(chip).toBeVisible();
  await chip.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('details-owner')).toHaveText('S-CHIP');

  await page.keyboard.press('a');
  await expect(page.getByTestId('associate-filter')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('associate-picker')).toBeHidden();
  await expect(chip).toBeFocused();
  // The picker took the Escape: the selection stays.
  await expect(page.getByTestId('details-owner')).toHaveText('S-CHIP');
});
