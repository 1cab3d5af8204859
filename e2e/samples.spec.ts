import { expect, test } from './fixtures';

/**
 * The default demo: the page opens with the sample strategies running in the in-browser engine,
 * and the arrivals fed to them move interactions with the strategy named as the cause.
 */
test('the page opens with the samples running: the desk session, and moves made by strategies', {
  tag: '@dev',
}, async ({ page, engine }) => {
  await expect(page.getByTestId('session-desk')).toBeVisible();
  await expect
    .poll(async () => (await engine.events()).filter((e) => e.origin === 'strategy').length, {
      timeout: 15_000,
    })
    .toBeGreaterThan(5);
  const strategies = await page.evaluate(() => {
    const rows = window.__inspector?.store.getState().log.rows ?? [];
    return [
      ...new Set(
        rows.flatMap((r) =>
          r.kind === 'event' && r.event.cause.strategy ? [r.event.cause.strategy.strategy] : [],
        ),
      ),
    ];
  });
  expect(strategies).toEqual(expect.arrayContaining(['GreetAndRoute', 'Transfer']));
  // Random traffic waits for its control.
  const traffic = await page.evaluate(() => window.__inspector?.store.getState().traffic.running);
  expect(traffic).toBe(false);
});
