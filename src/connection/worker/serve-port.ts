import type { EngineHost } from '../../protocol/host';

/** The two ends a host and a page talk through: a Worker's global scope, a MessagePort. */
export interface PortLike {
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEvent) => void) | null;
}

/** Serves `host` on `port`: the page behind it is one operator client. */
export function servePort(port: PortLike, host: EngineHost): void {
  const client = { role: 'operator' as const, send: (message: unknown) => port.postMessage(message) };
  host.connect(client);
  port.onmessage = (event) => host.receive(client, event.data);
}
