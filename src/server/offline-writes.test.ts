import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SocketConnection } from '../connection/socket/socket-connection';
import { associate } from '../store/actions/associate';
import { sendCommand } from '../store/actions/send-command';
import { bindConnection } from '../store/bind-connection';
import { selectCanWrite } from '../store/selectors';
import { createInspectorStore } from '../store/store';
import type { RunningServer } from './create-server';
import { startServer, until } from './testing';

/** The page's store and actions on a real server over real socket.io, across lost links. */
describe('writes while the page is not connected (issue 10, point 4)', () => {
  const servers: RunningServer[] = [];
  const connections: SocketConnection[] = [];
  afterEach(async () => {
    for (const connection of connections.splice(0)) connection.stop();
    for (const server of servers.splice(0)) await server.close();
  });

  async function server(options: Parameters<typeof startServer>[0] = {}) {
    const running = await startServer({ traffic: { running: false }, ...options });
    servers.push(running);
    return running;
  }

  async function page(url: string) {
    const connection = new SocketConnection(url, { reconnectionDelay: 30, reconnectionDelayMax: 30 });
    connections.push(connection);
    const store = createInspectorStore('socket', null);
    const ready = bindConnection(store, connection);
    return { connection, store, ctx: { store, connection }, ready };
  }

  /** Two sessions, G1 owned by S-A, as the page sees them. */
  async function world(running: RunningServer) {
    running.host.current.dispatch({ verb: 'arrive', media: 'TMediaVoice', session: 'S-A', g_uid: 'G1' });
    running.host.current.dispatch({ verb: 'startSession', src: 'x', session: 'S-B' });
    const p = await page(running.address.url);
    await p.ready;
    await until(() => p.store.getState().seq === running.host.seq);
    return p;
  }

  it('a command or traffic change made offline is refused at once, and does not run when the link is back', async () => {
    const journal = join(mkdtempSync(join(tmpdir(), 'offline-')), 'journal.jsonl');
    const first = await server({ journal });
    const p = await world(first);
    expect(selectCanWrite(p.store.getState())).toBe(true);
    await first.close();
    servers.splice(servers.indexOf(first), 1);
    await until(() => p.store.getState().connection.status.state === 'reconnecting');
    expect(selectCanWrite(p.store.getState())).toBe(false);

    const result = await sendCommand(p.ctx, { verb: 'startSession', src: 'x', session: 'S-LATE' });
    expect(result).toMatchObject({ ok: false, error: { field: 'connection' } });
    expect(p.store.getState().toasts.at(-1)?.text).toContain('not connected to the engine: nothing was sent');
    await expect(p.connection.traffic({ running: true })).rejects.toMatchObject({ code: 'offline' });

    const second = await server({ port: first.address.port, journal });
    await until(() => p.store.getState().connection.status.state === 'connected');
    // A round trip after the resume: anything socket.io had buffered would have run by now.
    await p.connection.snapshot();
    expect(second.host.current.state.sessions.has('S-LATE')).toBe(false);
    expect((await p.connection.traffic({})).running).toBe(false);
  });

  it('an associate whose reply the link lost is "outcome unknown", then settled as run, by its requestid', async () => {
    const running = await server();
    const p = await world(running);
    // The engine runs it, then the link drops before the reply leaves.
    for (const socket of running.io.of('/').sockets.values()) {
      const emit = socket.emit.bind(socket);
      socket.emit = (event: string, message: { kind?: string; type?: string }) => {
        if (message?.kind === 'reply' && message.type === 'command') {
          socket.conn.close();
          return true;
        }
        return emit(event, message);
      };
    }
    const result = await associate(p.ctx, { g_uid: 'G1', target: 'S-B', origin: 'keyboard' });
    expect(result).toMatchObject({
      ok: false,
      error: { reason: expect.stringContaining('outcome unknown') },
    });
    expect(p.store.getState().toasts.at(-1)?.title).toMatch(/^associate P\S+: outcome unknown$/);

    await until(() => p.store.getState().unsettled.length === 0);
    const rows = p.store.getState().log.rows;
    expect(rows.at(-1)).toMatchObject({ kind: 'marker', text: expect.stringContaining('the engine ran it') });
    expect(p.store.getState().model.interactions.get('G1')?.owner).toBe('S-B');
  });

  it('an associate lost on its way is "outcome unknown", then settled as not run', async () => {
    const running = await server();
    const p = await world(running);
    // The command never reaches the engine: the link drops as it arrives.
    for (const socket of running.io.of('/').sockets.values()) {
      const serve = socket.listenersAny();
      socket.offAny();
      socket.onAny((event: string, message: { type?: string }) => {
        if (message?.type === 'command') socket.conn.close();
        else for (const listener of serve) listener(event, message);
      });
    }
    const result = await associate(p.ctx, { g_uid: 'G1', target: 'S-B', origin: 'keyboard' });
    expect(result).toMatchObject({
      ok: false,
      error: { reason: expect.stringContaining('outcome unknown') },
    });

    await until(() => p.store.getState().unsettled.length === 0);
    expect(p.store.getState().log.rows.at(-1)).toMatchObject({
      kind: 'marker',
      text: expect.stringContaining('the engine did not run it'),
    });
    expect(p.store.getState().model.interactions.get('G1')?.owner).toBe('S-A');
    expect(running.host.current.state.interactions.get('G1')?.owner).toBe('S-A');
  });
});
