import { DETAIL_ZOOM } from '../src/graph/close/use-detail';
import {
  CHIP_HEIGHT,
  CHIP_WIDTH,
  CONTAINER_WIDTH,
  chipOffset,
  sessionHeight,
  slotOrigin,
} from '../src/graph/scene/layout';
import { expect, test } from './fixtures';

const SHOTS = 'test-results/screenshots';

/**
 * Zoomed out past DETAIL_ZOOM the graph is painted on one canvas (far-view.ts). A user there still
 * selects by clicking and drags an interaction onto another session. After `quiet`, the graph's
 * first session takes grid slot 0 and the second slot 1 (layout.ts), so the test knows where the
 * painting puts them.
 */
test.describe('the far view', () => {
  test('paints the graph on a canvas; clicks select and a drag associates, as up close', async ({
    page,
    engine,
    graph,
  }) => {
    await engine.quiet();
    await engine.run({ verb: 'arrive', media: 'TMediaChat', session: 'S-FAR-A', g_uid: 'G-FAR' });
    await engine.run({ verb: 'startSession', src: 'http://ors/app.scxml', session: 'S-FAR-B' });
    await expect(graph.session('S-FAR-B')).toBeVisible();

    await graph.zoomOutBelow(DETAIL_ZOOM);
    const canvas = page.getByTestId('far-canvas');
    // The Unowned area, two sessions, one chip; none of them a React Flow node.
    await expect(canvas).toHaveAttribute('data-painted', '4');
    await expect(page.locator('.react-flow__node')).toHaveCount(0);
    await page.screenshot({ path: `${SHOTS}/far-view.png` });

    // Slots 0 and 1 sit side by side in a grid of any number of columns above one (columns.ts).
    const a = slotOrigin(0, 2);
    const b = slotOrigin(1, 2);
    const chip = await graph.onScreen({
      x: a.x + chipOffset(0).x + CHIP_WIDTH / 2,
      y: a.y + chipOffset(0).y + CHIP_HEIGHT / 2,
    });
    const target = await graph.onScreen({ x: b.x + CONTAINER_WIDTH / 2, y: b.y + sessionHeight(0) * 0.7 });

    // A painted session says what it is under the pointer, and a click selects it.
    await page.mouse.move(target.x, target.y);
    await expect(page.locator('.react-flow__pane')).toHaveAttribute(
      'title',
      /^S-FAR-B · .* · running · 0 interactions$/,
    );
    await page.mouse.click(target.x, target.y);
    await expect(page.getByTestId('details-session-state')).toHaveText('running');
    await expect(page.getByRole('heading', { name: /S-FAR-B/ })).toBeVisible();

    // Under the pointer the chip is lifted into a node of its own; a drag takes it to the target.
    await page.mouse.move(chip.x, chip.y);
    await expect(graph.interaction('G-FAR')).toBeVisible();
    await expect(graph.interaction('G-FAR')).toHaveClass(/far/);
    await page.mouse.down();
    await page.mouse.move(target.x, target.y, { steps: 20 });
    await page.mouse.up();

    await expect.poll(() => engine.owner('G-FAR')).toBe('S-FAR-B');
    const moved = (await engine.events('G-FAR')).filter((e) => e.origin === 'drag');
    expect(moved.map((e) => `${e.name} ${e.session}`)).toEqual([
      'interaction.owner.changed S-FAR-B',
      'interaction.added S-FAR-B',
      'interaction.present S-FAR-B',
      'interaction.deleted S-FAR-A',
      'interaction.notcontrolled S-FAR-A',
      'interaction.associate.done S-FAR-A',
    ]);
    // Once the pointer leaves it, the chip is painted again, now in S-FAR-B.
    await page.mouse.move(5, 5);
    await expect(page.locator('.react-flow__node')).toHaveCount(0);
    await expect(canvas).toHaveAttribute('data-painted', '4');

    // Fit view works from out here too (React Flow's own fits only React Flow's nodes, none here).
    await page.getByRole('button', { name: 'Fit view' }).click();
    await expect(graph.session('S-FAR-B')).toBeInViewport();
    await expect(graph.interaction('G-FAR')).toHaveAttribute('data-owner', 'S-FAR-B');
  });
});

test.describe('the overview', () => {
  test('shows while part of the graph is out of view; pressing on it shows that part; fit view hides it', async ({
    page,
    engine,
    graph,
  }) => {
    await engine.quiet();
    // Sixteen sessions: more rows of the grid this pane's shape gives them (columns.ts), more than
    // the first view's three; fit view shows them all.
    for (let i = 0; i < 16; i++) {
      await engine.run({ verb: 'startSession', src: 'http://ors/app.scxml', session: `S-MAP-${i}` });
    }
    const overview = page.getByTestId('overview');
    await expect(overview).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/overview.png` });
    const before = await graph.viewport();
    const box = await overview.boundingBox();
    if (box === null) throw new Error('overview not on screen');
    // The graph is painted centred in the overview, its last row at the bottom.
    await page.mouse.click(box.x + box.width / 2, box.y + box.height * 0.75);
    await expect.poll(async () => (await graph.viewport()).y).toBeLessThan(before.y);
    expect((await graph.viewport()).zoom).toBeCloseTo(before.zoom, 5);

    // Fit view shows all of it: the overview has nothing to add.
    await page.getByRole('button', { name: 'Fit view' }).click();
    // (Under the header and the timeline bar the pane is short: fit view may draw them far out.)
    await expect(overview).toBeHidden();
  });
});
