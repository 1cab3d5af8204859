import type { Page } from '@playwright/test';
import type { Command } from '../src/engine';
import { type EngineServer, expect, pageSeq, type RemotePage, screenshot, test } from './remote-fixtures';

/**
 * The app on the real engine server (`npm run server`), as several users see it: two browser
 * contexts on one server, a crash and a clean restart of the server under running traffic, and a
 * viewer. Each test starts its own server on a free port, serving the built app.
 */

const START = (session: string): Command => ({ verb: 'startSession', session, src: 'http://ors/e2e.scxml' });
const ARRIVE = (g_uid: string, session: string): Command => ({
  verb: 'arrive',
  media: 'TMediaVoice',
  g_uid,
  session,
  queue: 'e2e',
});

/** Every page holds what the server holds: the same epoch and the same last seq. */
async function converged(server: EngineServer, ...pages: RemotePage[]): Promise<void> {
  await expect
    .poll(async () => {
      const { seq, epoch } = await server.health();
      const held = await Promise.all(pages.map(({ page }) => pageState(page)));
      return held.every((h) => h.seq === seq && h.epoch === epoch);
    })
    .toBe(true);
}

function pageState(page: Page): Promise<{ seq: number; epoch: string | null }> {
  return page.evaluate(() => {
    const state = window.__inspector?.store.getState();
    return { seq: state?.seq ?? -1, epoch: state?.epoch ?? null };
  });
}

/** A quiet, known world built by commands, seen by every page. */
async function world(server: EngineServer, pages: RemotePage[], commands: Command[]): Promise<void> {
  const [first] = pages;
  if (first === undefined) throw new Error('no page');
  await first.engine.quiet();
  for (const command of commands) await first.engine.run(command);
  await converged(server, ...pages);
}

/**
 * The `seq` of every journaled event in the page's log, in log order, one list per engine life:
 * an epoch divider starts the next list.
 */
function logEpochs(page: Page): Promise<number[][]> {
  return page.evaluate(() => {
    const epochs: number[][] = [[]];
    for (const row of window.__inspector?.store.getState().log.rows ?? []) {
      if (row.kind === 'marker' && row.epoch !== undefined) epochs.push([]);
      else if (row.kind === 'event') epochs.at(-1)?.push(row.event.seq);
    }
    return epochs;
  });
}

/** The `seq` of every journaled event in the page's log, in log order, of one engine life. */
async function logSeqs(page: Page): Promise<number[]> {
  const epochs = await logEpochs(page);
  expect(epochs).toHaveLength(1);
  return epochs[0] ?? [];
}

/** No gap, no repeat: each seq is the one before it plus one. */
function expectContinuous(seqs: readonly number[]): void {
  expect(seqs.length).toBeGreaterThan(0);
  const first = seqs[0] ?? 0;
  expect(seqs).toEqual(seqs.map((_, i) => first + i));
}

/**
 * Stops traffic, waits for the page to hold the server's last event, and compares what the page
 * drew from its stream with a fresh snapshot from the server: every running session and live
 * interaction, record for record. (The page forgets ended ones after a while; the server does not.)
 */
async function expectServerState(server: EngineServer, remote: RemotePage): Promise<void> {
  await remote.page.evaluate(() => window.__inspector?.connection.traffic({ running: false }));
  await converged(server, remote);
  const { held, fresh } = await remote.page.evaluate(async () => {
    const inspector = window.__inspector;
    if (inspector === undefined) throw new Error('no test API');
    const alive = (sessions: readonly { state: string }[], interactions: readonly { state: string }[]) =>
      JSON.stringify({
        sessions: sessions.filter((s) => s.state !== 'ended'),
        interactions: interactions.filter((i) => i.state !== 'ended'),
      });
    const { model } = inspector.store.getState();
    const held = alive([...model.sessions.values()], [...model.interactions.values()]);
    const snapshot = await inspector.connection.snapshot();
    return { held, fresh: alive(snapshot.sessions, snapshot.interactions) };
  });
  expect(JSON.parse(held)).toEqual(JSON.parse(fresh));
}

/** Records, every frame, whether the node is drawn travelling, and under which owner. */
async function watchFlights(page: Page, g_uid: string): Promise<void> {
  await page.evaluate((id) => {
    const seen: string[] = [];
    Object.assign(window, { __flights: seen });
    const frame = () => {
      const node = document.querySelector(`[data-testid="interaction-${id}"]`);
      if (node?.classList.contains('moving')) seen.push(node.getAttribute('data-owner') ?? '');
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  }, g_uid);
}

function flights(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __flights: string[] }).__flights);
}

test.describe('the inspector on a remote engine', () => {
  test('a drag in one page moves the interaction in the other, animated', async ({ remote }) => {
    const server = await remote.server();
    const a = await remote.open(server);
    const b = await remote.open(server);
    await world(server, [a, b], [ARRIVE('G-DRAG', 'S-FROM'), START('S-TO')]);
    await expect(b.graph.interaction('G-DRAG')).toHaveAttribute('data-owner', 'S-FROM');
    await watchFlights(b.page, 'G-DRAG');

    await a.graph.drag('G-DRAG', 'S-TO');

    await expect(a.graph.interaction('G-DRAG')).toHaveAttribute('data-owner', 'S-TO');
    await expect(b.graph.interaction('G-DRAG')).toHaveAttribute('data-owner', 'S-TO');
    // The other page drew the move as a flight, already under its new owner.
    await expect.poll(() => flights(b.page)).toContain('S-TO');
    await expect(b.graph.session('S-TO').getByTestId('session-count')).toHaveText('1 interaction');
    const moves = (await b.engine.events('G-DRAG')).filter((e) => e.name === 'interaction.owner.changed');
    expect(moves.at(-1)).toMatchObject({ session: 'S-TO', origin: 'drag' });
    await converged(server, a, b);
    await screenshot(a.page, 'drag-operator');
    await screenshot(b.page, 'drag-watcher');
  });

  test('two moves of one interaction at once: the engine takes one, refuses the other, and both pages agree', async ({
    remote,
  }) => {
    const server = await remote.server();
    const a = await remote.open(server);
    const b = await remote.open(server);
    await world(server, [a, b], [ARRIVE('G-RACE', 'S-A'), START('S-B'), START('S-C')]);
    const before = (await server.health()).seq;

    // Both pages send at the same instant, each still seeing S-A as the owner.
    const at = Date.now() + 300;
    const move = (page: Page, target: string) =>
      page.evaluate(
        async ({ target, at }) => {
          const inspector = window.__inspector;
          if (inspector === undefined) throw new Error('no test API');
          await new Promise((resolve) => setTimeout(resolve, at - Date.now()));
          return inspector.associate(inspector, { g_uid: 'G-RACE', target, origin: 'drag' });
        },
        { target, at },
      );
    const results = await Promise.all([move(a.page, 'S-B'), move(b.page, 'S-C')]);

    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const winner = results[0]?.ok ? 'S-B' : 'S-C';
    const loser = results[0]?.ok ? b : a;
    const refusal = results.find((r) => !r.ok);
    expect(refusal?.ok === false && refusal.error).toMatchObject({ code: 'invalidstate', field: 'session' });
    await expect(loser.page.getByTestId('toast')).toContainText('error.interaction.associate: invalidstate');
    await converged(server, a, b);
    // One associate journaled: its owner change and the five ORS events.
    expect((await server.health()).seq).toBe(before + 6);
    for (const { engine, graph } of [a, b]) {
      expect(await engine.owner('G-RACE')).toBe(winner);
      await expect(graph.interaction('G-RACE')).toHaveAttribute('data-owner', winner);
    }
    await screenshot(loser.page, 'conflict-refused');
  });

  test('a crash of the server mid-traffic: the page shows it reconnecting, stays usable, and resyncs', async ({
    remote,
  }) => {
    const server = await remote.server({ rate: 50 });
    const a = await remote.open(server);
    const status = a.page.getByTestId('connection-status');
    await expect(status).toContainText('remote engine · connected');
    // Only markers pass a filter no row matches: the resync marker stays in view under traffic.
    await a.page.getByTestId('log-filter-text').fill('no row has this text');
    // Events in the log, not only a seq: the page's first snapshot may already be past 40.
    await expect.poll(async () => (await logSeqs(a.page)).length).toBeGreaterThan(20);

    await server.kill('SIGKILL');
    await expect(status).toContainText('reconnecting');
    const { epoch: crashed } = await pageState(a.page);
    const before = await logSeqs(a.page);
    expectContinuous(before);

    // The graph is the page's own: it pans, zooms and selects with the server gone.
    const viewport = a.page.locator('.react-flow__viewport');
    const zoomed = await viewport.getAttribute('style');
    await a.page.locator('.react-flow__controls-zoomout').click();
    await expect(viewport).not.toHaveAttribute('style', zoomed ?? '');
    const panned = await viewport.getAttribute('style');
    const empty = await emptyPanePoint(a.page);
    await a.page.mouse.move(empty.x, empty.y);
    await a.page.mouse.down();
    await a.page.mouse.move(empty.x + 80, empty.y + 40, { steps: 5 });
    await a.page.mouse.up();
    await expect(viewport).not.toHaveAttribute('style', panned ?? '');
    const session = a.page.locator('.react-flow__node-session .session').first();
    const id = ((await session.getAttribute('data-testid')) ?? '').replace(/^session-/, '');
    await session.click({ position: { x: 12, y: 8 } });
    await expect(a.page.getByTestId('details-panel')).toContainText(id);
    await expect(status).toContainText('reconnecting');
    await screenshot(a.page, 'reconnecting');

    await server.restart();
    await expect(status).toContainText('remote engine · connected', { timeout: 10_000 });
    // An unclean stop: same state, a new epoch (docs/server.md), so the page took a snapshot.
    const { epoch } = await server.health();
    expect(epoch).not.toBe(crashed);
    const divider = a.page.getByTestId('log-row').and(a.page.locator('.log-epoch'));
    await expect(divider).toBeVisible();
    await expect(divider).toContainText('new engine epoch');
    await screenshot(a.page, 'resynced');
    await expectServerState(server, a);
    // The log keeps every row it had; the new epoch's rows follow the divider, their first events
    // within a paced redraw.
    await expect.poll(async () => (await logEpochs(a.page))[1]?.length ?? 0).toBeGreaterThan(0);
    const [kept, after] = await logEpochs(a.page);
    expect(kept).toEqual(before);
    expectContinuous(after ?? []);
  });

  test('a clean restart of the server: the page resumes, nothing lost or repeated', async ({ remote }) => {
    const server = await remote.server({ rate: 50 });
    const a = await remote.open(server);
    const status = a.page.getByTestId('connection-status');
    await a.page.getByTestId('log-filter-text').fill('no row has this text');
    await expect.poll(() => pageSeq(a.page)).toBeGreaterThan(40);
    const { epoch } = await pageState(a.page);

    await server.kill('SIGTERM');
    await expect(status).toContainText('reconnecting');
    const held = await pageSeq(a.page);
    await server.restart();
    await expect(status).toContainText('remote engine · connected', { timeout: 10_000 });
    const marker = a.page.getByTestId('log-row').and(a.page.locator('[data-kind="marker"]'));
    await expect(marker).toContainText('reconnected: resumed');
    // Traffic goes on after the restart; the log runs through it without a seam.
    await expect.poll(() => pageSeq(a.page)).toBeGreaterThan(held + 20);
    expect((await pageState(a.page)).epoch).toBe(epoch);
    await expectServerState(server, a);
    expectContinuous(await logSeqs(a.page));
  });

  test('a viewer sees everything and can change nothing', async ({ remote }) => {
    const tokens = { operator: 'op-e2e-token', viewer: 'view-e2e-token' };
    const server = await remote.server({ tokens });
    const operator = await remote.open(server, { token: tokens.operator });
    const viewer = await remote.open(server, { token: tokens.viewer });
    await world(server, [operator, viewer], [ARRIVE('G-LOOK', 'S-A'), START('S-B')]);
    await expect(viewer.page.getByTestId('connection-status')).toContainText('viewer (read-only)');
    const seq = (await server.health()).seq;

    // Its nodes cannot be picked up: a drag pans the view and moves nothing.
    const node = viewer.page.locator('.react-flow__node').filter({ has: viewer.graph.interaction('G-LOOK') });
    await expect(node).not.toHaveClass(/\bdraggable\b/);
    await viewer.graph.drag('G-LOOK', 'S-B');
    await viewer.page.waitForTimeout(300);
    await expect(viewer.graph.interaction('G-LOOK')).toHaveAttribute('data-owner', 'S-A');
    expect(await operator.engine.owner('G-LOOK')).toBe('S-A');
    expect((await server.health()).seq).toBe(seq);

    // Its controls are disabled.
    await expect(viewer.page.getByTestId('traffic-toggle')).toBeDisabled();
    await expect(viewer.page.getByTestId('traffic-reset')).toBeDisabled();
    await viewer.page.getByText('Commands', { exact: true }).click();
    await expect(viewer.page.getByTestId('command-send')).toBeDisabled();
    await screenshot(viewer.page, 'viewer');

    // And the server refuses what it sends anyway.
    const refused = await viewer.page.evaluate(async () => {
      const inspector = window.__inspector;
      if (inspector === undefined) throw new Error('no test API');
      const codes: string[] = [];
      for (const send of [
        () => inspector.connection.command({ verb: 'startSession', src: 'http://ors/x.scxml' }),
        () => inspector.connection.traffic({ running: true }),
      ]) {
        await send().then(
          () => codes.push('accepted'),
          (error: { code?: string }) => codes.push(error.code ?? 'unknown'),
        );
      }
      return codes;
    });
    expect(refused).toEqual(['forbidden', 'forbidden']);
    expect((await server.health()).seq).toBe(seq);

    // A wrong token is turned away at connect, and the page says so instead of retrying.
    const stranger = await remote.open(server, { token: 'guess', ready: false });
    await expect(stranger.page.getByTestId('connection-status')).toContainText('closed: unauthorized');
  });

  test('a URL that never answers: "cannot reach", no role, a banner, and the write controls off', async ({
    remote,
  }) => {
    const server = await remote.server();
    // Port 1: nothing listens there.
    const url = `${server.url}/?${new URLSearchParams({ engine: 'http://127.0.0.1:1' })}`;
    const { page } = await remote.open(server, { url, ready: false });
    const status = page.getByTestId('connection-status');
    await expect(status).toContainText('remote engine · cannot reach');
    await expect(status).not.toContainText('viewer');
    await expect(page.getByTestId('offline-banner')).toContainText('Not connected to the engine');
    await expect(page.getByTestId('traffic-toggle')).toBeDisabled();
  });

  test('the connection picker switches between the in-browser engine and a server', async ({ remote }) => {
    const server = await remote.server();
    const { page } = await remote.open(server, { url: `${server.url}/` });
    const status = page.getByTestId('connection-status');
    const picker = page.getByTestId('connection-picker');
    await expect(status).toContainText('in-browser engine · connected');
    await expect(picker).toContainText('Engine: in-browser');

    await picker.locator('summary').click();
    await page.getByTestId('engine-remote').check();
    await page.getByTestId('engine-url').fill('ws://127.0.0.1:1');
    await page.getByTestId('engine-connect').click();
    await expect(picker.getByRole('alert')).toContainText('must start with http:// or https://');
    await screenshot(page, 'picker');

    await page.getByTestId('engine-url').fill(server.url);
    await page.getByTestId('engine-connect').click();
    await expect(status).toContainText('remote engine · connected');
    expect(new URL(page.url()).searchParams.get('engine')).toBe(server.url);
    await expect(picker).toContainText(`Engine: 127.0.0.1:${server.port}`);

    await picker.locator('summary').click();
    await page.getByTestId('engine-worker').check();
    await page.getByTestId('engine-connect').click();
    await expect(status).toContainText('in-browser engine · connected');
    expect(new URL(page.url()).searchParams.has('engine')).toBe(false);
  });
});

/** A point of the graph's pane with no node on it, where a drag pans the view. */
async function emptyPanePoint(page: Page): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(() => {
    const pane = document.querySelector('.react-flow__pane')?.getBoundingClientRect();
    if (pane === undefined) return null;
    for (let y = pane.top + 60; y < pane.bottom - 20; y += 20) {
      for (let x = pane.left + 20; x < pane.right - 220; x += 20) {
        if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
      }
    }
    return null;
  });
  if (point === null) throw new Error('no empty point on the graph');
  return point;
}
