import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, test as base, expect, type Page } from '@playwright/test';
import { EngineApi, GraphPage } from './fixtures';

/**
 * The real engine server (`src/server/main.ts`) as a child process on its own free loopback
 * port, serving the built app (`dist`) from the same origin, with a journal in a temporary
 * directory. A test can kill it and start it again on the same port and journal.
 */
export interface ServerSetup {
  readonly tokens?: { readonly operator: string; readonly viewer: string };
  /** Traffic events per second (traffic starts running). */
  readonly rate?: number;
}

export interface Health {
  readonly ok: boolean;
  readonly seq: number;
  readonly epoch: string;
  readonly clients: number;
}

export class EngineServer {
  private child: ChildProcess | null = null;
  private output = '';

  private constructor(
    readonly port: number,
    private readonly dir: string,
    private readonly setup: ServerSetup,
  ) {}

  static async start(setup: ServerSetup = {}): Promise<EngineServer> {
    const server = new EngineServer(await freePort(), mkdtempSync(join(tmpdir(), 'ors-e2e-')), setup);
    await server.restart();
    return server;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get journal(): string {
    return join(this.dir, 'journal.jsonl');
  }

  /** The app, from this server, talking to this server. */
  pageUrl(token?: string): string {
    const params = new URLSearchParams({ engine: this.url });
    if (token !== undefined) params.set('token', token);
    return `${this.url}/?${params}`;
  }

  /** Starts the process (again: same port, same journal) and waits until `/health` answers. */
  async restart(): Promise<void> {
    if (this.child !== null) throw new Error('the server is already running');
    const { tokens, rate = 50 } = this.setup;
    const args = ['--port', String(this.port), '--host', '127.0.0.1', '--journal', this.journal];
    args.push('--static', 'dist', '--rate', String(rate), '--traffic', 'on');
    if (tokens !== undefined) args.push('--operator-token', tokens.operator, '--viewer-token', tokens.viewer);
    // Its own process group: tsx runs the server in a child process, and a crash must take both.
    const child = spawn('node', ['node_modules/tsx/dist/cli.mjs', 'src/server/main.ts', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    child.stdout?.on('data', (chunk) => {
      this.output += chunk;
    });
    child.stderr?.on('data', (chunk) => {
      this.output += chunk;
    });
    this.child = child;
    const start = Date.now();
    while (Date.now() - start < 15_000) {
      if (child.exitCode !== null) break;
      const health = await this.health().catch(() => null);
      if (health !== null) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`the server did not start on ${this.url}:\n${this.output}`);
  }

  async health(): Promise<Health> {
    const response = await fetch(`${this.url}/health`);
    if (!response.ok) throw new Error(`health: ${response.status}`);
    return (await response.json()) as Health;
  }

  /**
   * SIGKILL: a crash, of tsx and the server it runs (the whole group). SIGTERM: a clean stop, sent
   * to tsx only, which hands it on (a second SIGTERM would make the server stop at once). Either
   * way, returns once the port is free.
   */
  async kill(signal: 'SIGKILL' | 'SIGTERM'): Promise<void> {
    const child = this.child;
    if (child === null || child.pid === undefined) return;
    this.child = null;
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(signal === 'SIGKILL' ? -child.pid : child.pid, signal);
      await exited;
    }
    const start = Date.now();
    while (
      await this.health().then(
        () => true,
        () => false,
      )
    ) {
      if (Date.now() - start > 10_000) throw new Error(`the server on ${this.url} did not stop`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async dispose(): Promise<void> {
    await this.kill('SIGTERM');
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A port nothing listens on now: the OS picks it, we let go of it, the server takes it. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject()));
    });
  });
}

/** One user: a browser context of its own with the inspector open on a remote engine. */
export interface RemotePage {
  readonly page: Page;
  readonly engine: EngineApi;
  readonly graph: GraphPage;
}

/** Servers and browser contexts a test opens; all of them are closed after it. */
export class Remote {
  private readonly servers: EngineServer[] = [];
  private readonly contexts: BrowserContext[] = [];

  constructor(private readonly browser: Browser) {}

  async server(setup?: ServerSetup): Promise<EngineServer> {
    const server = await EngineServer.start(setup);
    this.servers.push(server);
    return server;
  }

  /**
   * Opens the page at `url` (by default the server's app on the server's engine) and, unless told
   * not to (a page the server turns away), waits for its first snapshot.
   */
  async open(
    server: EngineServer,
    options: { token?: string; url?: string; ready?: boolean } = {},
  ): Promise<RemotePage> {
    const context = await this.browser.newContext({ viewport: { width: 1280, height: 800 } });
    this.contexts.push(context);
    const page = await context.newPage();
    await page.goto(options.url ?? server.pageUrl(options.token));
    const engine = new EngineApi(page);
    if (options.ready !== false) await engine.ready();
    return { page, engine, graph: new GraphPage(page) };
  }

  async dispose(): Promise<void> {
    for (const context of this.contexts.splice(0)) await context.close();
    for (const server of this.servers.splice(0)) await server.dispose();
  }
}

/** A screenshot of a main view, kept as an artifact of the run. */
export function screenshot(page: Page, name: string): Promise<Buffer> {
  return page.screenshot({ path: `test-results/screenshots/remote-${name}.png` });
}

/** The seq the page's store holds. */
export function pageSeq(page: Page): Promise<number> {
  return page.evaluate(() => window.__inspector?.store.getState().seq ?? -1);
}

export const test = base.extend<{ remote: Remote }>({
  remote: async ({ browser }, use) => {
    const remote = new Remote(browser);
    await use(remote);
    await remote.dispose();
  },
});

export { expect };
