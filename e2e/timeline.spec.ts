import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * Going back in time: the timeline bar steps the graph, the details and the log to a past seq; a
 * move is flown back and forth; live events arriving meanwhile are held, none lost, until Live.
 * Tagged `@dev`, the first also runs on the dev server, where React mounts every effect twice.
 */

/** Starts noting whether the chip of `g_uid` flies (takes the class `moving`) from now on. */
async function watchFlight(page: Page, g_uid: string): Promise<() => Promise<boolean>> {
  await page.evaluate((id) => {
    const w = window as unknown as { __flew?: boolean; __flewObserver?: MutationObserver };
    w.__flewObserver?.disconnect();
    w.__flew = false;
    const testid = `interaction-${id}`;
    w.__flewObserver = new MutationObserver((records) => {
      for (const record of records) {
        const el = record.target as HTMLElement;
        if (el.dataset?.testid === testid && el.classList.contains('moving')) w.__flew = true;
      }
    });
    w.__flewObserver.observe(document.body, {
      attributes: true,
      attributeFilter: ['class'],
      subtree: true,
      childList: true,
    });
  }, g_uid);
  return () => page.evaluate(() => (window as unknown as { __flew?: boolean }).__flew === true);
}

/** The seqs of the event rows the log draws. */
function logSeqs(page: Page): Promise<number[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid="log-row"][data-seq]')].map((row) =>
      Number(row.dataset.seq),
    ),
  );
}

test.describe('the timeline', () => {
  test('step back to a move and see it drawn back; forward and it moves again; Live', {
    tag: '@dev',
  }, async ({ page, engine, graph }) => {
    await engine.quiet();
    await engine.run({ verb: 'arrive', media: 'TMediaVoice', session: 'S-OLD', g_uid: 'G-TRAVEL' });
    await engine.run({ verb: 'startSession', src: 'http://ors/app.scxml', session: 'S-NEW' });
    await engine.run({
      verb: 'associate',
      session: 'S-OLD',
      interactionid: 'G-TRAVEL',
      sessionid: 'S-NEW',
      origin: 'api',
    });
    await expect(graph.interaction('G-TRAVEL')).toHaveAttribute('data-owner', 'S-NEW');
    await expect(graph.interaction('G-TRAVEL')).not.toHaveClass(/moving/);
    const moves = (await engine.events('G-TRAVEL')).filter((e) => e.name === 'interaction.owner.changed');
    const moveSeq = moves.at(-1)?.seq ?? -1;

    // Back over the move, by its key: the chip flies back to its old session.
    let flew = await watchFlight(page, 'G-TRAVEL');
    await page.locator('body').press('[');
    const position = page.getByTestId('timeline-position');
    await expect(position).toHaveText(`Seq ${moveSeq - 1} on screen. Changes are off until Live.`);
    await expect(graph.interaction('G-TRAVEL')).toHaveAttribute('data-owner', 'S-OLD');
    await expect.poll(flew).toBe(true);
    // The log ends at the seq on screen, its newest row in view.
    await expect.poll(async () => (await logSeqs(page)).at(-1)).toBe(moveSeq - 1);
    // The details say the same: selected, the interaction's owner is the old one.
    await graph.interaction('G-TRAVEL').click();
    const details = page.getByTestId('details-panel');
    await expect(details.getByTestId('details-owner')).toContainText('S-OLD');
    // Its move history stops at the seq on screen: the arrival, not yet the associate.
    await expect(details.getByTestId('details-history-row')).toHaveCount(1);

    // Forward over it, by the button: it flies to the new owner again.
    await expect(graph.interaction('G-TRAVEL')).not.toHaveClass(/moving/);
    flew = await watchFlight(page, 'G-TRAVEL');
    await page.getByRole('button', { name: /Step forward over a move/ }).click();
    await expect(graph.interaction('G-TRAVEL')).toHaveAttribute('data-owner', 'S-NEW');
    await expect.poll(flew).toBe(true);

    await page.getByTestId('timeline-live').click();
    await expect(page.getByTestId('timeline-newer')).toHaveText(/^Live at seq \d+$/);
    await expect(position).toHaveText('');
  });

  test('live events arriving while the past is on screen are held, none lost, and shown on Live', async ({
    page,
    engine,
    graph,
  }) => {
    await engine.quiet();
    await engine.run({ verb: 'arrive', media: 'TMediaVoice', session: 'S-HERE', g_uid: 'G-HERE' });
    const before = await page.evaluate(() => window.__inspector?.store.getState().seq ?? -1);
    await page.getByRole('button', { name: /Step back one event/ }).click();
    await expect(page.getByTestId('timeline-position')).toContainText(`Seq ${before - 1}`);

    // Write controls are off in the past: a drag would act on a state not on screen.
    await expect(page.getByTestId('timeline')).toContainText('Changes are off until Live');
    expect(await new AxeBuilder({ page }).include('[data-testid="timeline"]').analyze()).toMatchObject({
      violations: [],
    });

    await engine.run({ verb: 'arrive', media: 'TMediaChat', session: 'S-LATER', g_uid: 'G-LATER' });
    await engine.run({ verb: 'arrive', media: 'TMediaChat', session: 'S-LATEST', g_uid: 'G-LATEST' });
    const live = await page.evaluate(() => window.__inspector?.store.getState().seq ?? -1);
    await expect(page.getByTestId('timeline-newer')).toHaveText(`${live - (before - 1)} newer events`);
    await expect(page.getByTestId('timeline-last')).toHaveText(`live: seq ${live}`);
    await expect(graph.interaction('G-LATER')).toHaveCount(0);
    expect((await logSeqs(page)).at(-1)).toBe(before - 1);

    await page.locator('body').press('l');
    await expect(graph.interaction('G-LATER')).toHaveAttribute('data-owner', 'S-LATER');
    await expect(graph.interaction('G-LATEST')).toHaveAttribute('data-owner', 'S-LATEST');
    // Every event is in the log, in order, none missing.
    await expect.poll(async () => (await logSeqs(page)).at(-1)).toBe(live);
    const seqs = await logSeqs(page);
    expect(seqs.every((seq, i) => i === 0 || seq === (seqs[i - 1] as number) + 1)).toBe(true);
  });
});
