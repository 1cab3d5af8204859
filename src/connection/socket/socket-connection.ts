import { io, type Socket } from 'socket.io-client';
import { type HandshakeAuth, SOCKET_EVENT } from '../../protocol/messages';
import { ProtocolClient } from '../protocol-client';

export interface SocketConnectionOptions {
  /** An operator or viewer token, for a server started with tokens. */
  readonly token?: string;
  /** First retry after a lost link, in ms; socket.io doubles it per attempt, with jitter. */
  readonly reconnectionDelay?: number;
  /** The longest wait between two attempts, in ms. */
  readonly reconnectionDelayMax?: number;
}

/**
 * The remote engine: the protocol over socket.io to `npm run server` (docs/server.md). It
 * reconnects by itself, with backoff, and resumes from the last event it holds; ProtocolClient
 * keeps the stream gap-free. Writes (commands, traffic, reset) made while the link is down are
 * refused at once, never left in socket.io's buffer; those already sent when it dropped are
 * rejected as `disconnected`: their outcome is unknown until the resync.
 */
export class SocketConnection extends ProtocolClient {
  readonly kind = 'socket' as const;
  private socket: Socket | null = null;

  constructor(
    private readonly url: string,
    private readonly options: SocketConnectionOptions = {},
  ) {
    super();
  }

  protected open(): void {
    let connectedBefore = false;
    const socket = io(this.url, {
      // Its own link: two connections to one URL must not share (or close) each other's.
      forceNew: true,
      // A WebSocket straight away; long-polling only where a proxy lets no WebSocket through.
      transports: ['websocket', 'polling'],
      tryAllTransports: true,
      reconnectionDelay: this.options.reconnectionDelay ?? 250,
      reconnectionDelayMax: this.options.reconnectionDelayMax ?? 5000,
      auth: (send) => send(this.handshake()),
    });
    socket.on(SOCKET_EVENT, (message: unknown) => this.receive(message));
    socket.on('connect', () => {
      // The first connect carries start()'s own sync; later ones pick up where we left off.
      if (connectedBefore) this.resume().catch(() => {});
      connectedBefore = true;
    });
    socket.on('disconnect', (reason) => {
      this.interrupted(reason);
      // socket.active: socket.io will retry (it does not after the server sent us away).
      this.listener?.status(
        socket.active ? { state: 'reconnecting', attempt: 0 } : { state: 'closed', reason },
      );
    });
    socket.on('connect_error', (error) => {
      if (socket.active) return;
      // Refused by the server (a bad token): retrying would not help.
      this.interrupted(error.message);
      this.listener?.status({ state: 'closed', reason: error.message });
    });
    socket.io.on('reconnect_attempt', (attempt) => this.listener?.status({ state: 'reconnecting', attempt }));
    this.socket = socket;
  }

  protected post(message: unknown): void {
    this.socket?.emit(SOCKET_EVENT, message);
  }

  protected linked(): boolean {
    return this.socket?.connected === true;
  }

  protected close(): void {
    // Quietly: stop() itself rejects what is in flight and reports the closed state.
    this.socket?.io.off('reconnect_attempt');
    this.socket?.off();
    this.socket?.disconnect();
    this.socket = null;
  }

  private handshake(): HandshakeAuth {
    return this.options.token === undefined ? {} : { token: this.options.token };
  }
}
