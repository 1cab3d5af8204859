import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * Bring your own strategy, in the page: load a file, map it to a queue, send an arrival there,
 * watch the strategy move the interaction (a flight on the graph), and find the strategy named as
 * the cause in the log, in the move history and in the session's details. Tagged `@dev`: it also
 * runs against the dev server, where React mounts every effect twice.
 */

/** Holds what arrives for a moment, then detaches it (ORS dialect: attribute values are expressions). */
const MOVER = `<scxml xmlns="http://www.w3.org/2005/07/scxml" xmlns:ixn="http://www.genesyslab.com/modules/interaction"
    version="1.0" datamodel="ecmascript" name="Mover">
  <datamodel><data id="ixn" expr="''"/></datamodel>
  <state id="waiting">
    <transition event="interaction.added" target="holding">
      <assign location="ixn" expr="_event.data.interactionid"/>
    </transition>
  </state>
  <state id="holding">
    <onentry><send event="'go'" delay="'1500ms'"/></onentry>
    <transition event="go" target="released">
      <ixn:detach interactionid="ixn"/>
    </transition>
  </state>
  <state id="released"/>
</scxml>`;

/** Line 3 names a target no state has. */
const BROKEN = `<scxml xmlns="http://www.w3.org/2005/07/scxml" version="1.0" datamodel="ecmascript" name="Broken">
  <state id="a">
    <transition event="x" target="nowhere"/>
  </state>
</scxml>`;

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
}

async function load(page: Page, name: string, text: string, queue: string): Promise<void> {
  await page
    .getByTestId('strategy-file')
    .setInputFiles({ name, mimeType: 'application/xml', buffer: Buffer.from(text) });
  await expect(page.getByTestId('strategy-file-name')).toHaveText(`as uploaded/${name}`);
  await page.getByTestId('strategy-queue').fill(queue);
  await page.getByTestId('strategy-load').click();
}

test('a strategy loaded in the page moves an interaction, and is named as the cause', {
  tag: '@dev',
}, async ({ page, engine, graph }) => {
  test.setTimeout(120_000);
  await engine.quiet();
  await page.getByTestId('strategies-menu').locator('summary').click();

  await load(page, 'broken.scxml', BROKEN, 'mine');
  await expect(page.getByTestId('strategy-error')).toContainText('line 3, column');
  await expect(page.getByTestId('strategy-error')).toContainText('nowhere');

  await load(page, 'mover.scxml', MOVER, 'mine');
  await expect(page.getByTestId('strategy-outcome')).toContainText('Queue mine runs Mover');
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByTestId('strategy-arrive').click();

  // The session its arrival started runs Mover, holding the interaction.
  const moverSession = () =>
    page.evaluate(() => {
      const labels = [...(window.__inspector?.store.getState().strategies.values() ?? [])];
      return labels.find((l) => l.strategy === 'Mover')?.session ?? null;
    });
  await expect.poll(moverSession).not.toBeNull();
  const session = await moverSession();
  if (session === null) throw new Error('no session runs Mover');
  const node = graph.session(session);
  await expect(node.getByTestId('session-strategy')).toHaveText('Mover');
  await expect(node.getByTestId('session-strategy-states')).toHaveText('holding');
  const g_uid = (await page.evaluate(
    (id) => window.__inspector?.store.getState().model.sessions.get(id)?.interactions[0],
    session,
  )) as string;

  // The strategy's detach flies the chip out of its session.
  await expect(graph.interaction(g_uid)).toHaveClass(/moving/, { timeout: 10_000 });
  await expect.poll(() => engine.owner(g_uid)).toBeNull();
  await expect(graph.interaction(g_uid)).not.toHaveClass(/moving/);

  // The log row of the move names the strategy, its state, the element and its line.
  await page.getByTestId('log-filter-strategy').fill('Mover');
  const moved = page.locator(`[data-testid="log-row"][data-name="interaction.owner.changed"]`).last();
  await expect(moved.locator('.log-cause')).toContainText(
    'strategy Mover · state holding · ixn:detach in transition, line 12',
  );
  expect(await seriousViolations(page)).toEqual([]);

  // So does the move history of the interaction.
  await graph.interaction(g_uid).click();
  await expect(page.getByTestId('details-history-cause').last()).toContainText(
    'strategy Mover · state holding · ixn:detach',
  );

  // The session's details: its statechart, datamodel and trace.
  await page.evaluate((id) => window.__inspector?.store.getState().select({ kind: 'session', id }), session);
  await expect(page.getByTestId('details-strategy-active')).toHaveText('released');
  await expect(page.locator('[data-testid="details-statechart"] [data-active="true"]')).toHaveAttribute(
    'data-state-id',
    'released',
  );
  await expect(page.getByTestId('details-datamodel')).toContainText(g_uid);
  await expect(page.getByTestId('details-trace')).toContainText('ixn:detach');
  expect(await seriousViolations(page)).toEqual([]);
});

test('a .scxml dropped on the page opens the Strategies menu with it; another file is refused by name', async ({
  page,
  engine,
}) => {
  await engine.quiet();
  const drop = (name: string, text: string) =>
    page.evaluate(
      ({ name, text }) => {
        const data = new DataTransfer();
        data.items.add(new File([text], name, { type: 'application/xml' }));
        const target = document.querySelector('.graph-pane') ?? document.body;
        target.dispatchEvent(
          new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }),
        );
        target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
      },
      { name, text },
    );
  await drop('notes.txt', 'hello');
  await expect(page.getByTestId('strategies-menu')).toHaveAttribute('open', '');
  await expect(page.getByTestId('strategy-file-name')).toHaveText('notes.txt is not an .scxml file');
  await drop('My Mover.scxml', MOVER);
  await expect(page.getByTestId('strategy-file-name')).toHaveText('as uploaded/My_Mover.scxml');
  await page.getByTestId('strategy-queue').fill('dropped');
  await page.getByTestId('strategy-load').click();
  await expect(page.getByTestId('strategy-outcome')).toContainText('Queue dropped runs Mover');
});

test('the Strategies menu lists the mapped queues and the bundled documents, live; a document is mapped or started from there', async ({
  page,
  engine,
}) => {
  await engine.quiet();
  await page.getByTestId('strategies-menu').locator('summary').click();
  // The samples' queues and documents, from the engine.
  await expect(page.getByTestId('strategy-queue-sales')).toContainText('sales → GreetAndRoute');
  await expect(page.getByTestId('strategy-queue-support')).toContainText('support → Transfer');
  await expect(page.getByTestId('strategy-document-desk.scxml')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // Mapped from the list: the document goes in the form, the user names the queue.
  await page.getByTestId('strategy-document-handoff.scxml').getByTestId('strategy-document-map').click();
  await expect(page.getByTestId('strategy-bundled')).toHaveValue('handoff.scxml');
  await expect(page.getByTestId('strategy-queue')).toBeFocused();
  await page.getByTestId('strategy-queue').fill('vip');
  await page.getByTestId('strategy-load').click();
  await expect(page.getByTestId('strategy-queue-vip')).toContainText('vip → Handoff');

  // A mapping made elsewhere (here through the connection, as another page would) shows at once.
  await page.evaluate(() =>
    window.__inspector?.connection.provision({ queue: 'later', src: 'fallback.scxml' }),
  );
  await expect(page.getByTestId('strategy-queue-later')).toContainText('later → Fallback');

  // An upload joins the documents; its row starts a session running it, and one on its queue gets an arrival.
  await load(page, 'mover.scxml', MOVER, 'mine');
  await expect(page.getByTestId('strategy-queue-mine')).toContainText('mine → Mover');
  const movers = () =>
    page.evaluate(
      () =>
        [...(window.__inspector?.store.getState().strategies.values() ?? [])].filter(
          (l) => l.strategy === 'Mover',
        ).length,
    );
  await page
    .getByTestId('strategy-document-uploaded/mover.scxml')
    .getByTestId('strategy-document-start')
    .click();
  await expect.poll(movers).toBe(1);
  await page.getByTestId('strategy-queue-mine').getByTestId('strategy-queue-arrive').click();
  await expect.poll(movers).toBe(2);
});

/** On an arrival, invokes an inline child strategy that waits. */
const PARENT = `<scxml xmlns="http://www.w3.org/2005/07/scxml" version="1.0" datamodel="ecmascript" name="Parent">
  <state id="waiting"><transition event="interaction.added" target="calling"/></state>
  <state id="calling">
    <invoke id="helper"><content>
      <scxml xmlns="http://www.w3.org/2005/07/scxml" version="1.0" datamodel="ecmascript" name="Helper">
        <state id="helping"/>
      </scxml>
    </content></invoke>
  </state>
</scxml>`;

test('[X10] a session started by <invoke> is drawn as a session of its own, its invoker named', async ({
  page,
  engine,
  graph,
}) => {
  await engine.quiet();
  await page.getByTestId('strategies-menu').locator('summary').click();
  await load(page, 'parent.scxml', PARENT, 'parent');
  await page.getByTestId('strategy-queue-parent').getByTestId('strategy-queue-arrive').click();
  const sessionOf = (strategy: string) =>
    page.evaluate(
      (name) =>
        [...(window.__inspector?.store.getState().strategies.values() ?? [])].find((l) => l.strategy === name)
          ?.session ?? null,
      strategy,
    );
  await expect.poll(() => sessionOf('Helper')).not.toBeNull();
  const [parent, child] = [await sessionOf('Parent'), await sessionOf('Helper')];
  if (parent === null || child === null) throw new Error('no Parent or Helper session');
  const node = graph.session(child);
  await expect(node.getByTestId('session-invoker')).toHaveText(`↳ ${parent}`);
  await expect(node.getByTestId('session-strategy')).toHaveText('Helper');
  await expect(graph.session(parent).getByTestId('session-strategy-states')).toHaveText('calling');
});
