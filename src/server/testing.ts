import { io, type Socket } from 'socket.io-client';
import { applyEvent, type EngineEvent, type Model, modelFromSnapshot, type Snapshot } from '../engine';
import type { HostMessage } from '../protocol/messages';
import { SOCKET_EVENT } from '../protocol/messages';
import { createServer, type RunningServer, type ServerOptions } from './create-server';

/** A server on a free loopback port, its log kept for assertions instead of printed. */
export async function startServer(
  options: ServerOptions = {},
): Promise<RunningServer & { logged: string[] }> {
  const logged: string[] = [];
  const server = await createServer({
    port: 0,
    host: '127.0.0.1',
    log: (line) => logged.push(line),
    ...options,
  });
  return Object.assign(server, { logged });
}

/** Waits until `predicate` holds, polling; throws after `ms`. */
export async function until(predicate: () => boolean, ms = 5000): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > ms) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * A bare socket.io client, to send what a well-behaved client never would. It records what the
 * server sends on the protocol's event, and does not reconnect.
 */
export async function rawClient(url: string, auth: Record<string, unknown> = {}) {
  const socket: Socket = io(url, { forceNew: true, transports: ['websocket'], reconnection: false, auth });
  const inbox: HostMessage[] = [];
  socket.on(SOCKET_EVENT, (message: HostMessage) => inbox.push(message));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  /** The first message (from `from` on) that `predicate` accepts. */
  const next = async (predicate: (message: HostMessage) => boolean, from = 0): Promise<HostMessage> => {
    await until(() => inbox.slice(from).some(predicate));
    return inbox.slice(from).find(predicate) as HostMessage;
  };
  const replyTo = (id: number) => next((m) => (m.kind === 'reply' || m.kind === 'error') && m.id === id);
  return { socket, inbox, next, replyTo };
}

/** A snapshot with a run of events folded in: what a client that holds them has. */
export function fold(snapshot: Snapshot, events: readonly EngineEvent[]): Model {
  const model = modelFromSnapshot(snapshot);
  for (const event of events) applyEvent(model, event);
  return model;
}

/** A POST to a server's REST interface: a form body, or JSON for an object. Its status and JSON answer. */
export async function restPost(url: string, path: string, body: string | object = '') {
  const json = typeof body !== 'string';
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': json ? 'application/json' : 'application/x-www-form-urlencoded' },
    body: json ? JSON.stringify(body) : body,
  });
  return { status: response.status, body: await response.json() };
}

/** `GET /scxml/session/<id>/query`: its status and JSON answer. */
export async function restQuery(url: string, session: string) {
  const response = await fetch(`${url}/scxml/session/${session}/query`);
  return { status: response.status, body: await response.json() };
}
