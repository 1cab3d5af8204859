import { expect, test } from './remote-fixtures';

/** While the page does not hear its engine, the graph says so: dimmed, its ages standing still. */
test('with the server gone the graph is dimmed and its ages stop; back, they go on', async ({ remote }) => {
  const server = await remote.server();
  const { page, engine } = await remote.open(server);
  await engine.quiet();
  await engine.run({ verb: 'startSession', session: 'S-AGE', src: 'http://ors/e2e.scxml' });
  const graph = page.locator('.react-flow.graph');
  const age = page.getByTestId('session-S-AGE').locator('.session-age');
  await expect(graph).not.toHaveClass(/offline/);
  await expect(age).not.toHaveText('0 s');

  await server.kill('SIGKILL');
  await expect(graph).toHaveClass(/offline/);
  const frozen = await age.textContent();
  await page.waitForTimeout(2500);
  await expect(age).toHaveText(frozen ?? '');

  await server.restart();
  await expect(graph).not.toHaveClass(/offline/, { timeout: 15_000 });
  await expect(age).not.toHaveText(frozen ?? '');
});
