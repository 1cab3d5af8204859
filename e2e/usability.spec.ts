import { expect, test } from './fixtures';

/** What a new user meets in the first hour: toasts, the log's selection, the commands menu. */

test.describe('at 1024x700', () => {
  test.use({ viewport: { width: 1024, height: 700 } });

  test("toasts stack without covering the log's Pause button", async ({ page, engine }) => {
    await engine.quiet();
    await page.evaluate(() => {
      const store = window.__inspector?.store;
      for (let i = 1; i <= 5; i++)
        store?.getState().toast({
          tone: 'error',
          title: `refusal ${i}`,
          text: 'error.interaction.associate: invaliddestination, with a reason long enough to wrap',
        });
    });
    const toasts = page.getByTestId('toast');
    await expect(toasts).toHaveCount(5);
    const pause = page.getByTestId('log-pause');
    const box = await pause.boundingBox();
    if (box === null) throw new Error('no Pause button on screen');
    for (const toast of await toasts.all()) {
      const t = await toast.boundingBox();
      if (t === null) continue;
      const apart =
        t.x + t.width <= box.x ||
        box.x + box.width <= t.x ||
        t.y + t.height <= box.y ||
        box.y + box.height <= t.y;
      expect(apart, `a toast at ${JSON.stringify(t)} covers Pause at ${JSON.stringify(box)}`).toBe(true);
    }
    // And it takes the click.
    await pause.click({ trial: true, timeout: 2_000 });
    await pause.click();
    await expect(page.getByTestId('log-resume')).toBeVisible();
  });
});

test("a clicked log row selects its item, keeps the user's filter, and Escape deselects", async ({
  page,
  engine,
}) => {
  await engine.quiet();
  await engine.run({ verb: 'arrive', media: 'TMediaVoice', session: 'S-ROW', g_uid: 'G-ROW-1' });
  await engine.run({ verb: 'arrive', media: 'TMediaChat', session: 'S-ROW2', g_uid: 'G-ROW-2' });
  await page.getByTestId('log-filter-name-toggle').click();
  await page.getByRole('checkbox', { name: 'interaction.created', exact: true }).check();
  await page.getByTestId('log-filter-name-toggle').click();
  // Rows of earlier epochs stay in the log: narrow to this test's own.
  await page.getByTestId('log-filter-text').fill('G-ROW');
  const rows = page.locator('[data-testid="log-row"][data-kind="event"]');
  await expect(rows).toHaveCount(2);

  await rows.first().click();
  await expect(page.getByTestId('details-panel')).toContainText('G-ROW-1');
  await expect(page.getByTestId('log-filter-interaction')).toHaveValue('');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toHaveClass(/is-selected/);
  await expect(rows.last()).not.toHaveClass(/is-selected/);

  await page.keyboard.press('Escape');
  await expect(page.getByTestId('details-panel')).not.toContainText('G-ROW-1');
  await expect(rows).toHaveCount(2);

  await page.getByTestId('log-filter-session').fill('S-NOBODY');
  await expect(page.getByTestId('log-no-match')).toContainText('No event matches these filters');
});

test('the commands menu takes the short id a chip shows', async ({ page, engine, graph }) => {
  await engine.quiet();
  await engine.run({ verb: 'arrive', media: 'TMediaVoice', session: 'S-CMD', g_uid: '00000000CMD123' });
  await expect(graph.interaction('00000000CMD123')).toContainText('CMD123');
  await page.getByText('Commands', { exact: true }).click();
  await page.getByTestId('command-verb').selectOption('terminate');
  await page.getByTestId('command-id').fill('cmd123');
  await page.getByTestId('command-send').click();
  await expect
    .poll(() => engine.events('00000000CMD123'))
    .toContainEqual(expect.objectContaining({ name: 'interaction.deleted', origin: 'api' }));

  await page.getByTestId('command-id').fill('NOPE42');
  await page.getByTestId('command-send').click();
  await expect(page.getByTestId('toast').last()).toContainText('interactionid: no interaction "NOPE42"');
});
