import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { type EngineApi, expect, test } from './fixtures';

/** Three sessions, an interaction arriving at each, and one moved by hand: a world to query. */
async function world(engine: EngineApi): Promise<void> {
  await engine.quiet();
  await engine.run({ verb: 'arrive', media: 'TMediaVoice', session: 'S-A', g_uid: 'G-QUERY-A' });
  await engine.run({ verb: 'arrive', media: 'TMediaChat', session: 'S-B', g_uid: 'G-QUERY-B' });
  await engine.run({ verb: 'arrive', media: 'TMediaVoice', session: 'S-C', g_uid: 'G-QUERY-C' });
  await engine.run({
    verb: 'associate',
    session: 'S-A',
    interactionid: 'G-QUERY-A',
    sessionid: 'S-C',
    origin: 'keyboard',
  });
}

/** The seqs of the event rows the log shows, in order. */
function shownSeqs(page: Page): Promise<number[]> {
  return page
    .locator('[data-testid="log-row"][data-kind="event"]')
    .evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-seq'))));
}

const box = (page: Page) => page.getByTestId('log-filter-query');

test('a query with OR and negation shows only the rows it matches', async ({ page, engine }) => {
  await world(engine);
  await box(page).fill(
    '(name:interaction.added OR name:interaction.owner.changed) -session:S-B -origin:keyboard',
  );
  await box(page).press('Enter');
  const events = await engine.events();
  const expected = events
    .filter(
      (e) =>
        (e.name === 'interaction.added' || e.name === 'interaction.owner.changed') &&
        e.session !== 'S-B' &&
        e.origin !== 'keyboard',
    )
    .map((e) => e.seq);
  // Arrivals at S-A and S-C, each an owner change and an added: four rows, none of S-B's or the move's.
  expect(expected).toHaveLength(4);
  await expect.poll(() => shownSeqs(page)).toEqual(expected);
  await expect(box(page)).toHaveAttribute('aria-invalid', 'false');

  // A query nothing matches says so.
  await box(page).fill('name:interaction.added session:S-NOBODY');
  await box(page).press('Enter');
  await expect(page.getByTestId('log-no-match')).toBeVisible();
  await expect.poll(() => shownSeqs(page)).toEqual([]);
});

test('a syntax error shows under the box at its place, and the last valid query still applies', async ({
  page,
  engine,
}) => {
  await world(engine);
  await box(page).fill('session:S-B');
  await box(page).press('Enter');
  const ofB = (await engine.events()).filter((e) => e.session === 'S-B').map((e) => e.seq);
  await expect.poll(() => shownSeqs(page)).toEqual(ofB);

  const typed = 'session:S-B (name:interaction.* OR';
  await box(page).fill(typed);
  const error = page.getByTestId('log-query-error');
  await expect(error).toBeVisible();
  await expect(box(page)).toHaveAttribute('aria-invalid', 'true');
  await expect(box(page)).toHaveAttribute('aria-describedby', (await error.getAttribute('id')) ?? 'none');
  await expect(error).toContainText('expected a term after OR');
  await expect(error).toContainText('The last valid query still applies.');
  // The marked part is the OR at the end, shown in the query's own text.
  await expect(error.locator('mark')).toHaveText('OR');
  expect(await error.locator('code').textContent()).toBe(typed);
  expect(Number(await error.getAttribute('data-offset'))).toBe(typed.lastIndexOf('OR'));
  expect(await shownSeqs(page)).toEqual(ofB);
  // The box and its error, as a screen reader meets them: axe finds nothing there.
  const { violations } = await new AxeBuilder({ page }).include('.log-query').analyze();
  expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  await box(page).fill('session:S-B (name:interaction.* OR seq:1)');
  await expect(error).toBeHidden();
  await expect(box(page)).toHaveAttribute('aria-invalid', 'false');
});

test('a past query is offered after a reload @dev', async ({ page, engine }) => {
  await world(engine);
  await box(page).fill('interaction:ERY-A OR origin:keyboard');
  await box(page).press('Enter');
  await box(page).fill('name:interaction.added');
  await box(page).press('Tab');
  await page.reload();
  await engine.ready();
  const list = await box(page).getAttribute('list');
  expect(list).not.toBeNull();
  const offered = await page
    .locator(`datalist[id="${list}"] option`)
    .evaluateAll((options) => options.map((o) => o.getAttribute('value')));
  expect(offered).toEqual(['name:interaction.added', 'interaction:ERY-A OR origin:keyboard']);
});

test.describe('a time in a query', () => {
  // Nine hours ahead of UTC: a time on one clock is never the same hour on the other.
  test.use({ timezoneId: 'Asia/Tokyo' });

  test('is read on the clock the log shows times on: UTC when Times is UTC, else local @dev', async ({
    page,
    engine,
  }) => {
    await world(engine);
    const time = await page.evaluate(() => {
      const rows = window.__inspector?.store.getState().log.rows ?? [];
      const moved = rows.findLast((r) => r.kind === 'event' && r.event.cause.origin === 'keyboard');
      return moved?.kind === 'event' ? moved.event.time : 0;
    });
    // HH:MM:SS of the move, on each clock.
    const utc = new Date(time).toISOString().slice(11, 19);
    const tokyo = new Date(time + 9 * 3_600_000).toISOString().slice(11, 19);
    const query = async (text: string) => {
      await box(page).fill(`${text} origin:keyboard`);
      await box(page).press('Enter');
    };
    const rows = page.locator('[data-testid="log-row"][data-kind="event"]');

    await query(tokyo);
    await expect(rows.first()).toBeVisible();
    await query(utc);
    await expect(page.getByTestId('log-no-match')).toBeVisible();

    await page.getByTestId('time-display').selectOption('utc');
    await expect(rows.first()).toBeVisible();
    await query(tokyo);
    await expect(page.getByTestId('log-no-match')).toBeVisible();
  });
});
