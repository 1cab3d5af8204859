import type { Command } from '../src/engine';
import { expect, test } from './remote-fixtures';

/**
 * History outlives the page: an interaction the page forgot opens from its log row, from the
 * engine's journal, and a reloaded page lists owner changes made before it opened. On the server,
 * so that a reload finds the same engine (the in-browser one starts again with the page).
 */

const ARRIVE = (g_uid: string, session: string): Command => ({
  verb: 'arrive',
  media: 'TMediaChat',
  g_uid,
  session,
});
const MOVE = (g_uid: string, from: string, to: string): Command => ({
  verb: 'associate',
  session: from,
  interactionid: g_uid,
  sessionid: to,
});

test('a forgotten interaction opens from its log row, marked ended; a reload keeps owner changes', async ({
  remote,
}) => {
  // A server of its own, a reload, and two journal reads: more than the default 30 s on 2 cores.
  test.setTimeout(60_000);
  const server = await remote.server();
  const { page, engine, graph } = await remote.open(server);
  await engine.quiet();
  await engine.run(ARRIVE('G-GONE', 'S-1'));
  await engine.run({ verb: 'startSession', src: 'http://ors/e2e.scxml', session: 'S-2' });
  await engine.run(MOVE('G-GONE', 'S-1', 'S-2'));
  await engine.run(ARRIVE('G-STAYS', 'S-3'));
  await engine.run(MOVE('G-STAYS', 'S-3', 'S-2'));
  await engine.run({ verb: 'terminate', session: 'S-2', interactionid: 'G-GONE' });
  // The page forgets what the engine purges (rather than 15 s after it ended).
  await engine.run({ verb: 'purge', before: Date.now() + 1000 });
  await expect(graph.interaction('G-GONE')).toHaveCount(0);
  expect(
    await page.evaluate(() => window.__inspector?.store.getState().model.interactions.has('G-GONE')),
  ).toBe(false);

  await page.locator('[data-testid="log-row"][data-name="interaction.ended"]').first().click();
  const details = page.getByTestId('details-panel');
  await expect(details.getByTestId('details-ended')).toBeVisible();
  await expect(details.getByTestId('details-from-journal')).toBeVisible();
  await expect(details.getByTestId('details-history-row')).toHaveText([
    /— → S-1\s*arrival/,
    /S-1 → S-2\s*associate/,
    /S-2 → —\s*terminate/,
  ]);

  await page.reload();
  await engine.ready();
  await graph.interaction('G-STAYS').click();
  await expect(details.getByTestId('details-history-row')).toHaveText([
    /— → S-3\s*arrival/,
    /S-3 → S-2\s*associate/,
  ]);
  await expect(details.getByTestId('details-ended')).toHaveCount(0);
});
