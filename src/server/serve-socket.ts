import type { Socket } from 'socket.io';
import type { EngineHost, HostClient } from '../protocol/host';
import {
  type HostMessage,
  PROTOCOL_VERSION,
  type ProtocolError,
  parseRequest,
  SOCKET_EVENT,
} from '../protocol/messages';
import type { Role } from '../protocol/role';
import { exceedsJsonLength } from './payload-size';
import { TokenBucket } from './token-bucket';

/** What one socket may send (docs/server.md, "Limits"). */
export interface WireLimits {
  /** Longest message answered with `toolarge` rather than taken, in characters of JSON. */
  readonly messageChars: number;
  /** Longest socket.io packet read at all, in bytes: past it the transport is closed. */
  readonly packetBytes: number;
  /** Messages per second, after a burst of `burst`; past it each message gets `busy`. */
  readonly ratePerSecond: number;
  readonly burst: number;
}

export const WIRE_LIMITS: WireLimits = {
  messageChars: 64 * 1024,
  packetBytes: 1024 * 1024,
  ratePerSecond: 500,
  burst: 1000,
};

export interface SocketContext {
  readonly role: Role;
  readonly limits: WireLimits;
  readonly log: (line: string) => void;
}

/**
 * Serves `host` on one socket.io socket: the socket is one client of the host, like the worker's
 * page. Whatever arrives is checked here before the host sees it (rate, event name, arity,
 * size); the host validates the message itself. Nothing a client sends can throw out of here.
 */
export function serveSocket(socket: Socket, host: EngineHost, context: SocketContext): void {
  const { limits } = context;
  const client: HostClient = { role: context.role, send: (message) => socket.emit(SOCKET_EVENT, message) };
  const bucket = new TokenBucket(limits.ratePerSecond, limits.burst);
  const fail = (id: number | null, error: ProtocolError) =>
    socket.emit(SOCKET_EVENT, { v: PROTOCOL_VERSION, kind: 'error', id, error } satisfies HostMessage);

  const take = (event: string, args: readonly unknown[]): void => {
    if (!bucket.take()) {
      fail(requestId(args[0]), {
        code: 'busy',
        field: 'message',
        reason: `more than ${limits.ratePerSecond} messages per second; slow down`,
      });
      return;
    }
    if (event !== SOCKET_EVENT) {
      fail(null, { code: 'badmessage', field: 'event', reason: `is unknown; send "${SOCKET_EVENT}"` });
      return;
    }
    const [message] = args;
    if (args.length !== 1) {
      fail(requestId(message), {
        code: 'badmessage',
        field: 'message',
        reason: 'must be the one argument of the event, without an acknowledgement',
      });
      return;
    }
    if (exceedsJsonLength(message, limits.messageChars)) {
      fail(requestId(message), {
        code: 'toolarge',
        field: 'message',
        reason: `is longer than ${limits.messageChars} characters of JSON`,
      });
      return;
    }
    host.receive(client, message);
  };

  host.connect(client);
  socket.on('disconnect', () => host.disconnect(client));
  socket.onAny((event: unknown, ...args: unknown[]) => {
    try {
      take(String(event), args);
    } catch (error) {
      // A bug of ours, not the client's: log it, answer, and go on serving this socket.
      context.log(`socket ${socket.id}: message failed: ${error instanceof Error ? error.stack : error}`);
      fail(null, { code: 'badmessage', field: 'message', reason: 'could not be processed' });
    }
  });
}

/** The request id of a message, for an error that must reach the request it answers. */
function requestId(input: unknown): number | null {
  const parsed = parseRequest(input);
  return parsed.ok ? parsed.request.id : parsed.id;
}
