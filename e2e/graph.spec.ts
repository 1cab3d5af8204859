import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * What the graph shows as it changes: counts under live traffic, drag feedback, selection, the
 * end of a flight, a drag put back where it was. Tagged `@dev`, these also run against the dev
 * server (playwright.config.ts), where React mounts every effect twice: a node's look that is not
 * published again after that shows a stale count, no highlight and a chip that keeps moving.
 */

/** What each session node on screen says it holds, and what the Unowned area says. */
function shownCounts(page: Page) {
  return page.evaluate(() => {
    const sessions: Record<string, string> = {};
    for (const node of document.querySelectorAll<HTMLElement>('.session[data-testid^="session-"]')) {
      const id = node.dataset.testid?.slice('session-'.length) ?? '';
      sessions[id] = node.querySelector('[data-testid="session-count"]')?.textContent ?? '';
    }
    const unowned = document.querySelector('[data-testid="unowned-area"] .session-meta')?.textContent ?? '';
    return { sessions, unowned };
  });
}

/** What the page's model says those same nodes should show. */
function modelCounts(page: Page, ids: readonly string[]) {
  return page.evaluate((ids) => {
    const model = window.__inspector?.store.getState().model;
    if (model === undefined) throw new Error('no test API');
    const live = (g_uid: string) => model.interactions.get(g_uid)?.state !== 'ended';
    const sessions: Record<string, string> = {};
    for (const id of ids) {
      const count = model.sessions.get(id)?.interactions.filter(live).length ?? -1;
      sessions[id] = `${count} ${count === 1 ? 'interaction' : 'interactions'}`;
    }
    let waiting = 0;
    for (const record of model.interactions.values()) {
      if (record.state === 'ended') continue;
      const owner = record.owner === null ? undefined : model.sessions.get(record.owner);
      if (owner === undefined || owner.state !== 'running') waiting++;
    }
    return { sessions, unowned: waiting === 0 ? 'none waiting' : `${waiting} waiting for a session` };
  }, ids);
}

test.describe('the graph', () => {
  test('under live traffic, every session and the Unowned area show what they hold', { tag: '@dev' }, async ({
    page,
    engine,
  }) => {
    await page.evaluate(() => window.__inspector?.connection.traffic({ running: true, rate: 100 }));
    await expect.poll(async () => (await engine.events()).length, { timeout: 15_000 }).toBeGreaterThan(150);
    await page.evaluate(() => window.__inspector?.connection.traffic({ running: false }));
    // Once the last events are drawn and ended sessions have faded, the graph holds still.
    await expect
      .poll(
        async () => {
          const shown = await shownCounts(page);
          const expected = await modelCounts(page, Object.keys(shown.sessions));
          return JSON.stringify(shown) === JSON.stringify(expected) && Object.keys(shown.sessions).length > 0;
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    // Counts that changed while the nodes were mounted: a session that gained, one that lost.
    await engine.quiet();
    await engine.run({ verb: 'arrive', media: 'TMediaVoice', session: 'S-GAIN', g_uid: 'G-ONE' });
    await engine.run({ verb: 'arrive', media: 'TMediaChat', session: 'S-LOSE', g_uid: 'G-TWO' });
    await engine.run({ verb: 'arrive', media: 'TMediaEMail', session: 'S-BY', g_uid: 'G-THREE' });
    await engine.run({ verb: 'associate', session: 'S-BY', interactionid: 'G-THREE', sessionid: 'S-LOSE' });
    const count = (id: string) => page.getByTestId(`session-${id}`).getByTestId('session-count');
    await expect(count('S-LOSE')).toHaveText('2 interactions');
    await expect(page.getByTestId('unowned-area')).toContainText('none waiting');
    await engine.run({ verb: 'associate', session: 'S-LOSE', interactionid: 'G-TWO', sessionid: 'S-GAIN' });
    await engine.run({ verb: 'detach', session: 'S-LOSE', interactionid: 'G-THREE' });
    await expect(count('S-GAIN')).toHaveText('2 interactions');
    await expect(count('S-LOSE')).toHaveText('0 interactions');
    await expect(page.getByTestId('unowned-area')).toContainText('1 waiting for a session');
  });

  test('a drag shows where a drop is taken or refused; the chip lands and stops moving', {
    tag: '@dev',
  }, async ({ page, engine, graph }) => {
    await engine.quiet();
    await engine.run({ verb: 'arrive', media: 'TMediaVoice', session: 'S-HOME', g_uid: 'G-GO' });
    await engine.run({ verb: 'arrive', media: 'TMediaChat', session: 'S-LEFT', g_uid: 'G-LOST' });
    await engine.run({ verb: 'startSession', src: 'http://ors/app.scxml', session: 'S-THERE' });
    await engine.run({ verb: 'detach', session: 'S-LEFT', interactionid: 'G-LOST' });
    await expect(graph.interaction('G-LOST')).toHaveAttribute('data-owner', '');
    // Its flight to the Unowned area may cross the chip the pointer is about to take.
    await expect(graph.interaction('G-LOST')).not.toHaveClass(/moving/);

    // Held over another session: the engine would take it.
    await graph.hold('G-GO', 'S-THERE');
    await expect(graph.session('S-THERE')).toHaveClass(/drop-ok/);
    await page.mouse.up();
    await expect(graph.interaction('G-GO')).toHaveAttribute('data-owner', 'S-THERE');
    await expect(graph.session('S-THERE')).not.toHaveClass(/drop-/);
    // Its flight ends: the chip no longer has the shadow of one on its way.
    await expect(graph.interaction('G-GO')).not.toHaveClass(/moving/);

    // An unowned chip has no session to move it (A1): refused, in the drop's colour.
    await graph.hold('G-LOST', 'S-THERE');
    await expect(graph.session('S-THERE')).toHaveClass(/drop-refused/);
    await page.mouse.up();
    await expect(graph.session('S-THERE')).not.toHaveClass(/drop-/);
    await expect(graph.interaction('G-LOST')).toHaveAttribute('data-owner', '');
  });

  test('selecting a session or an interaction highlights it, and only it', { tag: '@dev' }, async ({
    engine,
    graph,
  }) => {
    await engine.quiet();
    await engine.run({ verb: 'arrive', media: 'TMediaVoice', session: 'S-PICKED', g_uid: 'G-PICKED' });
    await engine.run({ verb: 'startSession', src: 'http://ors/app.scxml', session: 'S-OTHER' });

    await graph.session('S-PICKED').click({ position: { x: 20, y: 10 } });
    await expect(graph.session('S-PICKED')).toHaveClass(/selected/);
    await expect(graph.session('S-OTHER')).not.toHaveClass(/selected/);

    await graph.interaction('G-PICKED').click();
    await expect(graph.interaction('G-PICKED')).toHaveClass(/selected/);
    await expect(graph.session('S-PICKED')).not.toHaveClass(/selected/);
  });

  test('a chip dropped back on its own session goes home: no command, no error', async ({
    page,
    engine,
    graph,
  }) => {
    await engine.quiet();
    await engine.run({ verb: 'arrive', media: 'TMediaVoice', session: 'S-MINE', g_uid: 'G-BACK' });
    await engine.run({ verb: 'startSession', src: 'http://ors/app.scxml', session: 'S-ELSE' });
    const seq = await page.evaluate(() => window.__inspector?.store.getState().seq);
    const home = await graph.interaction('G-BACK').boundingBox();

    // Out over the other session and back: over its own, no colour says "taken" or "refused".
    await graph.hold('G-BACK', 'S-ELSE');
    await expect(graph.session('S-ELSE')).toHaveClass(/drop-ok/);
    await graph.hold('G-BACK', 'S-MINE', { pressed: true });
    await expect(graph.session('S-ELSE')).not.toHaveClass(/drop-/);
    await expect(graph.session('S-MINE')).not.toHaveClass(/drop-/);
    await page.mouse.up();

    await expect(graph.interaction('G-BACK')).not.toHaveClass(/moving/);
    await expect.poll(async () => (await graph.interaction('G-BACK').boundingBox())?.y).toBe(home?.y);
    expect(await page.evaluate(() => window.__inspector?.store.getState().seq)).toBe(seq);
    await expect(page.getByTestId('toast')).toHaveCount(0);
    await expect(page.locator('[data-testid="log-row"][data-kind="error"]')).toHaveCount(0);
    expect(await engine.owner('G-BACK')).toBe('S-MINE');
  });
});
