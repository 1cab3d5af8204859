import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningServer } from './create-server';
import { startServer } from './testing';

/** A raw GET (fetch would normalise `..` away before sending). */
function get(url: string, path: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      const req = request(`${url}${path}`, { method, headers }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on('error', reject);
      req.end();
    },
  );
}

/** A built app: index.html and a hashed asset, with a secret next to it that must not be served. */
function builtApp(): string {
  const base = mkdtempSync(join(tmpdir(), 'static-'));
  writeFileSync(join(base, 'secret.txt'), 'do not serve');
  const dist = join(base, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>ors</title>');
  writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
  writeFileSync(join(dist, 'assets', 'index-abc123.css'), 'body{}');
  symlinkSync(join(base, 'secret.txt'), join(dist, 'link.txt'));
  return dist;
}

describe('http: /health and the built app', () => {
  let server: RunningServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  it('/health says ok, seq, epoch, clients and uptime', async () => {
    server = await startServer({ traffic: { running: false } });
    server.host.current.dispatch({ verb: 'startSession', src: 'h.scxml' });
    const response = await get(server.address.url, '/health');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/json');
    expect(JSON.parse(response.body)).toEqual({
      ok: true,
      seq: 1,
      epoch: expect.any(String),
      clients: 0,
      uptime: expect.any(Number),
      journal: null,
      realms: null,
    });
  });

  it('lets local pages (the Vite dev server) call it across origins, and no others', async () => {
    server = await startServer({ traffic: { running: false } });
    const local = await get(server.address.url, '/health', { origin: 'http://localhost:5173' });
    expect(local.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    const remote = await get(server.address.url, '/health', { origin: 'http://evil.example' });
    expect(remote.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('serves the app with its content types, and nothing outside its directory', async () => {
    server = await startServer({ traffic: { running: false }, staticDir: builtApp() });
    const url = server.address.url;
    const index = await get(url, '/');
    expect([index.status, index.headers['content-type'], index.body]).toEqual([
      200,
      'text/html; charset=utf-8',
      '<!doctype html><title>ors</title>',
    ]);
    const script = await get(url, '/assets/index-abc123.js');
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['cache-control']).toContain('immutable');
    expect((await get(url, '/assets/index-abc123.css')).headers['content-type']).toBe(
      'text/css; charset=utf-8',
    );
    expect((await get(url, '/index.html', {}, 'HEAD')).body).toBe('');

    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/link.txt',
      '/%E0%A4%A',
      '/nope.js',
    ])
      expect([path, (await get(url, path)).status]).toEqual([path, 404]);
    expect((await get(url, '/', {}, 'POST')).status).toBe(405);
  });

  it('without --static, says what it is instead of a page', async () => {
    server = await startServer({ traffic: { running: false } });
    const response = await get(server.address.url, '/');
    expect(response.status).toBe(404);
    expect(response.body).toContain('--static dist');
  });
});
