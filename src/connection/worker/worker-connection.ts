import { ProtocolClient } from '../protocol-client';
import type { PortLike } from './serve-port';

/** A Worker or a MessagePort: something to post to, hear from, and shut. */
export interface WorkerLike extends PortLike {
  terminate?(): void;
  close?(): void;
}

/** The in-browser engine: a Web Worker (or any port served by servePort). The default. */
export class WorkerConnection extends ProtocolClient {
  readonly kind = 'worker' as const;
  private port: WorkerLike | null = null;

  constructor(private readonly spawn: () => WorkerLike = spawnEngineWorker) {
    super();
  }

  protected open(): void {
    this.port = this.spawn();
    this.port.onmessage = (event) => this.receive(event.data);
  }

  protected post(message: unknown): void {
    this.port?.postMessage(message);
  }

  protected linked(): boolean {
    return this.port !== null;
  }

  protected close(): void {
    this.port?.terminate?.();
    this.port?.close?.();
    this.port = null;
  }
}

function spawnEngineWorker(): WorkerLike {
  return new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'ors-engine' });
}
