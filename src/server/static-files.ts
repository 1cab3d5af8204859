import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Serves the built app (`vite build` output) from `root`: `/` is index.html. The path is
 * resolved, symlinks and all, and must stay inside `root`; anything else is a 404, as is a
 * path that does not decode. Vite's `assets/` names carry a content hash, so they are cached.
 */
export async function serveStatic(root: string, pathname: string, head: boolean, res: ServerResponse) {
  const file = await fileUnder(root, pathname);
  if (file === null) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
    return;
  }
  res.writeHead(200, {
    'content-type': TYPES[extname(file.path).toLowerCase()] ?? 'application/octet-stream',
    'content-length': file.size,
    'cache-control': pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  if (head) {
    res.end();
    return;
  }
  createReadStream(file.path)
    .on('error', () => res.destroy())
    .pipe(res);
}

/** The real path of a regular file under `root` (itself a real path), or null. */
async function fileUnder(root: string, pathname: string): Promise<{ path: string; size: number } | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const wanted = resolve(root, `.${decoded.endsWith('/') ? `${decoded}index.html` : decoded}`);
  try {
    const path = await realpath(wanted);
    if (!path.startsWith(root + sep)) return null;
    const info = await stat(path);
    return info.isFile() ? { path, size: info.size } : null;
  } catch {
    return null;
  }
}

/** The real path of a directory to serve; throws a clear error when there is none. */
export async function staticRoot(dir: string): Promise<string> {
  const path = await realpath(dir).catch(() => null);
  if (path === null || !(await stat(path)).isDirectory())
    throw new Error(`cannot serve ${dir}: not a directory (run npm run build first)`);
  return path;
}
