import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { test as remoteTest } from './remote-fixtures';

/** Reset throws away every session, interaction and log row: it asks first. */

const epoch = (page: Page) => page.evaluate(() => window.__inspector?.store.getState().epoch ?? null);

test('Reset asks first: Cancel keeps the engine, confirming starts a new epoch', async ({ page, engine }) => {
  await engine.quiet();
  await engine.run({ verb: 'startSession', src: 'http://ors/app.scxml', session: 'S-KEEP' });
  const before = await epoch(page);

  await page.getByTestId('traffic-reset').click();
  const dialog = page.getByTestId('reset-confirm');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('in-browser engine');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(await epoch(page)).toBe(before);
  await expect(page.getByTestId('session-S-KEEP')).toBeVisible();

  // Escape is a cancel too.
  await page.getByTestId('traffic-reset').click();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(await epoch(page)).toBe(before);

  await page.getByTestId('traffic-reset').click();
  await page.getByTestId('reset-confirm-yes').click();
  await expect.poll(() => epoch(page)).not.toBe(before);
  await expect(page.getByTestId('session-S-KEEP')).toBeHidden();
});

remoteTest('on a server, Reset says that it resets the engine for everyone', async ({ remote }) => {
  const server = await remote.server();
  const { page } = await remote.open(server);
  const before = (await server.health()).epoch;

  await page.getByTestId('traffic-reset').click();
  const dialog = page.getByTestId('reset-confirm');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('for everyone connected to it');
  await expect(page.getByTestId('reset-confirm-yes')).toHaveText('Reset for everyone');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect((await server.health()).epoch).toBe(before);

  await page.getByTestId('traffic-reset').click();
  await page.getByTestId('reset-confirm-yes').click();
  await expect.poll(async () => (await server.health()).epoch).not.toBe(before);
});
