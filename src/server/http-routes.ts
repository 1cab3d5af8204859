import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { RestRoutes } from './rest-routes';
import { serveStatic } from './static-files';

/**
 * Pages served from this machine may call the server from another port: the Vite dev server
 * (`?engine=http://127.0.0.1:3001`), `vite preview`. Remote pages may not.
 */
export const LOCAL_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/;

/**
 * Whether a request may open a socket. Browsers let any page open a WebSocket anywhere (CORS does
 * not apply), so a page from elsewhere must not drive the server: clients that are not browsers
 * (no Origin) and local pages get in, and pages the server served itself (same host) when it
 * listens beyond loopback. On loopback, a "same host" page that is not local can only be DNS
 * rebinding, so it is refused.
 */
export function allowedOrigin(
  origin: string | undefined,
  host: string | undefined,
  loopback: boolean,
): boolean {
  if (origin === undefined || LOCAL_ORIGIN.test(origin)) return true;
  return !loopback && (origin === `http://${host}` || origin === `https://${host}`);
}

export interface Health {
  readonly ok: boolean;
  readonly seq: number;
  readonly epoch: string;
  readonly clients: number;
  /** Seconds since the server started. */
  readonly uptime: number;
  /** The journal file, or null when state is in memory only. */
  readonly journal: string | null;
  /** Script realms made ahead and waiting (`--realm-pool`), or null when the server runs no strategies. */
  readonly realms: number | null;
  /** Why `ok` is false. */
  readonly error?: string;
}

/**
 * Everything but socket.io (which answers `/socket.io/` itself): ORS's REST interface under
 * `/scxml/`, `GET /health`, and the built app when the server was started with `--static`.
 */
export function httpRoutes(health: () => Health, root: string | null, rest: RestRoutes): RequestListener {
  return (req, res) => {
    const origin = req.headers.origin;
    if (origin !== undefined && LOCAL_ORIGIN.test(origin)) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('vary', 'origin');
    }
    const url = urlOf(req);
    const pathname = url?.pathname ?? null;
    if (url !== null && (url.pathname === '/scxml' || url.pathname.startsWith('/scxml/'))) {
      rest.handle(req, res, url).catch(() => res.destroy());
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end();
      return;
    }
    if (pathname === '/health') {
      const status = health();
      res
        .writeHead(status.ok ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' })
        .end(JSON.stringify(status));
      return;
    }
    if (root !== null && pathname !== null) {
      serveStatic(root, pathname, req.method === 'HEAD', res).catch(() => res.destroy());
      return;
    }
    notFound(res);
  };
}

function urlOf(req: IncomingMessage): URL | null {
  try {
    return new URL(req.url ?? '/', 'http://server');
  } catch {
    return null;
  }
}

function notFound(res: ServerResponse): void {
  res
    .writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
    .end(
      'not found: this is the ors-inspector engine (see /health); start it with --static dist to serve the app\n',
    );
}
