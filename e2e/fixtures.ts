import { test as base, expect, type Page } from '@playwright/test';
import type { Command } from '../src/engine';

/**
 * Page objects for the inspector. Tests drive the page as a user does (mouse, keyboard) and read
 * what the user sees; `engine` reaches the typed test API on `window` to set up a known world and
 * to check what the engine holds.
 */
export class EngineApi {
  constructor(private readonly page: Page) {}

  /** Waits for the first snapshot. */
  async ready(): Promise<void> {
    await this.page.waitForFunction(() => window.__inspector?.store.getState().epoch !== null);
  }

  /** Stops traffic and starts a new, empty epoch: a world the test builds itself. */
  async quiet(): Promise<void> {
    await this.page.evaluate(async () => {
      const inspector = window.__inspector;
      if (inspector === undefined) throw new Error('no test API');
      await inspector.connection.traffic({ running: false });
      await inspector.connection.reset(1);
    });
    await this.page.waitForFunction(() => window.__inspector?.store.getState().seq === 0);
  }

  async run(command: Command): Promise<void> {
    const result = await this.page.evaluate((c) => window.__inspector?.connection.command(c), command);
    expect(result?.ok, JSON.stringify(result)).toBe(true);
    const last = result?.ok ? result.lastSeq : 0;
    await this.page.waitForFunction((seq) => (window.__inspector?.store.getState().seq ?? 0) >= seq, last);
  }

  owner(g_uid: string): Promise<string | null> {
    return this.page.evaluate(
      (id) => window.__inspector?.store.getState().model.interactions.get(id)?.owner ?? null,
      g_uid,
    );
  }

  /**
   * The journaled events of the current engine life the page holds (its log after the last epoch
   * divider), optionally for one interaction.
   */
  events(g_uid?: string): Promise<{ seq: number; name: string; session: string | null; origin: string }[]> {
    return this.page.evaluate((id) => {
      const log = window.__inspector?.store.getState().log.rows ?? [];
      const divider = log.findLastIndex((row) => row.kind === 'marker' && row.epoch !== undefined);
      const rows = log.slice(divider + 1);
      return rows.flatMap((row) => {
        if (row.kind !== 'event') return [];
        const e = row.event;
        const about =
          'interactionid' in e.data
            ? e.data.interactionid
            : e.name === 'interaction.created'
              ? e.data.interaction.g_uid
              : null;
        if (id !== undefined && about !== id) return [];
        return [{ seq: e.seq, name: e.name, session: e.session, origin: e.cause.origin }];
      });
    }, g_uid);
  }
}

export class GraphPage {
  constructor(private readonly page: Page) {}

  interaction(g_uid: string) {
    return this.page.getByTestId(`interaction-${g_uid}`);
  }

  session(id: string) {
    return this.page.getByTestId(`session-${id}`);
  }

  /** Drags a node onto a target in small steps: React Flow starts a drag on the first move. */
  async drag(g_uid: string, targetSession: string): Promise<void> {
    await this.hold(g_uid, targetSession);
    await this.page.mouse.up();
  }

  /**
   * Takes a node and holds it over a session, the button still down (`pressed`: already taken,
   * it only moves there), so a test can read the drop feedback before it lets go.
   */
  async hold(g_uid: string, targetSession: string, { pressed = false } = {}): Promise<void> {
    const to = await this.session(targetSession).boundingBox();
    if (to === null) throw new Error(`session ${targetSession} not on screen`);
    if (!pressed) {
      // Take the chip where it rests, as a user does: mid-flight (600 ms after a move) its box is
      // a passing place, and on a loaded machine the press lands beside it and pans the pane.
      await expect(this.interaction(g_uid)).not.toHaveClass(/\bmoving\b/);
      const from = await this.interaction(g_uid).boundingBox();
      if (from === null) throw new Error(`interaction ${g_uid} not on screen`);
      await this.page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
      await this.page.mouse.down();
    }
    await this.page.mouse.move(to.x + to.width / 2, to.y + to.height * 0.7, { steps: 20 });
  }

  /** React Flow's viewport: its transform, and where the pane is on the page. */
  async viewport(): Promise<{ x: number; y: number; zoom: number; left: number; top: number }> {
    return this.page.locator('.react-flow__viewport').evaluate((element) => {
      const { e, f, a } = new DOMMatrix(getComputedStyle(element).transform);
      const pane = (element.closest('.react-flow') as HTMLElement).getBoundingClientRect();
      return { x: e, y: f, zoom: a, left: pane.left, top: pane.top };
    });
  }

  /** Zooms out with the zoom-out button until the zoom is below `zoom`. */
  async zoomOutBelow(zoom: number): Promise<void> {
    // One click per try until the drawn zoom is below: a zoom step animates, so it is read again
    // after each click rather than counted.
    await expect(async () => {
      if ((await this.viewport()).zoom >= zoom) {
        await this.page.locator('.react-flow__controls-zoomout').click();
      }
      expect((await this.viewport()).zoom).toBeLessThan(zoom);
    }).toPass({ intervals: [100], timeout: 30_000 });
  }

  /** Where a point of the graph (flow coordinates) is on the page. */
  async onScreen(point: { x: number; y: number }): Promise<{ x: number; y: number }> {
    const { x, y, zoom, left, top } = await this.viewport();
    return { x: left + x + point.x * zoom, y: top + y + point.y * zoom };
  }
}

export const test = base.extend<{ engine: EngineApi; graph: GraphPage }>({
  engine: async ({ page }, use) => {
    await page.goto('/');
    const engine = new EngineApi(page);
    await engine.ready();
    await use(engine);
  },
  graph: async ({ page }, use) => {
    await use(new GraphPage(page));
  },
});

export { expect };
