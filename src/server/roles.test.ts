import { io } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { Recorder } from '../connection/contract';
import { SocketConnection } from '../connection/socket/socket-connection';
import type { RunningServer } from './create-server';
import { allowedOrigin } from './http-routes';
import { startServer } from './testing';

const tokens = { operator: 'op-secret', viewer: 'view-secret' };

describe('who may connect, and what each role may do', () => {
  let server: RunningServer | null = null;
  const connections: SocketConnection[] = [];
  afterEach(async () => {
    for (const connection of connections.splice(0)) connection.stop();
    await server?.close();
    server = null;
  });

  async function started(token?: string) {
    server ??= await startServer({ tokens, traffic: { running: false } });
    const connection = new SocketConnection(server.address.url, token === undefined ? {} : { token });
    connections.push(connection);
    const recorder = new Recorder();
    return { connection, recorder, start: connection.start(recorder) };
  }

  /** The connect_error message a bare client gets for this handshake, or 'connected'. */
  async function handshake(url: string, auth: Record<string, unknown>, origin?: string): Promise<string> {
    const socket = io(url, {
      forceNew: true,
      transports: ['websocket'],
      reconnection: false,
      auth,
      ...(origin === undefined ? {} : { extraHeaders: { origin } }),
    });
    try {
      return await new Promise<string>((resolve) => {
        socket.once('connect', () => resolve('connected'));
        socket.once('connect_error', (error) => resolve(error.message));
      });
    } finally {
      socket.disconnect();
    }
  }

  it('a viewer reads, is told it is a viewer, and gets forbidden for every write', async () => {
    const { connection, recorder, start } = await started(tokens.viewer);
    await start;
    const running = server as RunningServer;
    running.host.current.dispatch({ verb: 'arrive', media: 'TMediaVoice', session: 'S-SEEN' });
    await recorder.until(() => recorder.events_.length === 5);
    const before = running.host.current.snapshot();

    expect(connection.role).toBe('viewer');
    expect(recorder.statuses[1]).toEqual({ state: 'connected', role: 'viewer' });
    const forbidden = { code: 'forbidden', field: 'type' };
    await expect(connection.command({ verb: 'endSession', session: 'S-SEEN' })).rejects.toMatchObject(
      forbidden,
    );
    await expect(connection.traffic({ running: true })).rejects.toMatchObject(forbidden);
    await expect(connection.reset(3)).rejects.toMatchObject(forbidden);
    expect(running.host.current.snapshot()).toEqual(before);
    expect((await connection.snapshot()).seq).toBe(before.seq);
  });

  it('the operator token makes an operator, who may write', async () => {
    const { connection, recorder, start } = await started(tokens.operator);
    await start;
    expect(recorder.statuses[1]).toEqual({ state: 'connected', role: 'operator' });
    expect(await connection.command({ verb: 'startSession', src: 'op.scxml' })).toMatchObject({ ok: true });
  });

  it('with tokens configured, a wrong or missing token is refused at connect', async () => {
    const { recorder, start } = await started('not-a-token');
    await expect(start).rejects.toMatchObject({ reason: 'unauthorized' });
    expect(recorder.statuses.at(-1)).toEqual({ state: 'closed', reason: 'unauthorized' });
    const url = (server as RunningServer).address.url;
    expect(await handshake(url, {})).toBe('unauthorized');
    expect(await handshake(url, { token: 42 })).toBe('unauthorized');
    expect(await handshake(url, { token: tokens.viewer })).toBe('connected');
  });

  it('a page from elsewhere cannot open a socket, even to an open server; a local page can', async () => {
    server = await startServer({ traffic: { running: false } });
    const { url, port } = server.address;
    expect(await handshake(url, {}, 'https://evil.example')).not.toBe('connected');
    expect(await handshake(url, {}, 'http://localhost:5173')).toBe('connected');
    expect(await handshake(url, {}, `http://127.0.0.1:${port}`)).toBe('connected');
  });

  it('lets in pages the server served only when it listens beyond loopback (no DNS rebinding)', () => {
    expect(allowedOrigin(undefined, '127.0.0.1:3001', true)).toBe(true);
    expect(allowedOrigin('http://[::1]:4173', '127.0.0.1:3001', true)).toBe(true);
    expect(allowedOrigin('http://rebound.example:3001', 'rebound.example:3001', true)).toBe(false);
    expect(allowedOrigin('http://inspector.lan:3001', 'inspector.lan:3001', false)).toBe(true);
    expect(allowedOrigin('https://evil.example', 'inspector.lan:3001', false)).toBe(false);
  });
});
