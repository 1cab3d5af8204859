import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';

/**
 * Triage: a made-up anomaly (an interaction detached and left alone) shows in the list with its
 * count; a click selects it on the graph and takes the timeline to the detach.
 */
test('a detached interaction left alone is listed as an orphan; a click selects it and goes to the detach @dev', async ({
  page,
  engine,
  graph,
}) => {
  await engine.quiet();
  await engine.run({ verb: 'arrive', media: 'TMediaVoice', g_uid: 'G-ORPHAN', session: 'S-1' });
  await engine.run({ verb: 'startSession', src: 'http://ors/e2e.scxml', session: 'S-2' });

  const toggle = page.getByTestId('triage-toggle');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  // One second instead of ten, so the test need not wait out the default.
  await page.getByLabel('Orphans (s)').fill('1');
  await page.getByRole('button', { name: 'Apply limits' }).click();
  const orphans = page.getByTestId('triage-orphan');
  await expect(orphans).toContainText('within 1 s');
  await expect(orphans.getByTestId('triage-entry')).toHaveCount(0);

  await engine.run({ verb: 'detach', session: 'S-1', interactionid: 'G-ORPHAN' });
  // Its latest owner change: the detach.
  const detach = (await engine.events('G-ORPHAN')).findLast((e) => e.name === 'interaction.owner.changed');
  const entry = orphans.getByTestId('triage-entry');
  await expect(entry).toHaveCount(1, { timeout: 5000 });
  await expect(entry).toHaveAttribute('data-id', 'G-ORPHAN');
  await expect(entry).toHaveAttribute('data-seq', String(detach?.seq));
  await expect(entry).toContainText('1×');
  await expect(page.getByTestId('triage-orphan').locator('h3')).toContainText('1');

  const { violations } = await new AxeBuilder({ page }).include('[data-testid="triage"]').analyze();
  expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // Move on in the present first, so the click has somewhere in the past to go.
  await engine.run({ verb: 'attach', session: 'S-2', interactionid: 'G-ORPHAN' });
  await entry.click();
  expect(
    await page.evaluate(() => {
      const state = window.__inspector?.store.getState();
      return { selection: state?.selection, at: state?.at };
    }),
  ).toEqual({ selection: { kind: 'interaction', id: 'G-ORPHAN' }, at: detach?.seq });
  // Drawn as it was at the detach: in Unowned, selected, its details saying no owner.
  await expect(graph.interaction('G-ORPHAN')).toHaveClass(/selected/);
  await expect(page.getByTestId('details-owner')).toHaveText('none');
});

test('the limits are kept per browser and written into the link; a link names them whole, a bad one is named @dev', async ({
  page,
  engine,
}) => {
  const open = async () => {
    await engine.ready();
    await page.getByTestId('triage-toggle').click();
  };
  const rule = (kind: string) => page.getByTestId(`triage-${kind}`).locator('p');
  await open();
  await page.getByLabel('Orphans (s)').fill('2');
  await page.getByRole('button', { name: 'Apply limits' }).click();
  await expect(rule('orphan')).toContainText('within 2 s');
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('ors-inspector.preferences')))
    .toContain('"orphan":2000');
  await expect.poll(() => page.url()).toContain('triage=orphan%3A2');

  // A fresh page of this browser, no link: the kept limits.
  await page.goto('/');
  await open();
  await expect(rule('orphan')).toContainText('within 2 s');

  // A link's limits win; those it leaves out are the defaults, not the kept ones.
  await page.goto('/?triage=ping-pong:45');
  await open();
  await expect(rule('ping-pong')).toContainText('within 45 s');
  await expect(rule('orphan')).toContainText('within 10 s');

  await page.goto('/?triage=orphan:-1');
  await open();
  await expect(page.getByText(/^triage must be kind:seconds/)).toBeVisible();
  await expect(rule('orphan')).toContainText('within 10 s');
});
