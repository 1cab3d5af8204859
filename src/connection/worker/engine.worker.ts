/// <reference lib="webworker" />
/**
 * The in-browser engine: the engine and its traffic run here, off the page's main thread, and
 * speak the protocol of docs/protocol.md to the page, exactly as the server does over socket.io.
 */
import { EngineHost } from '../../protocol/host';
import { servePort } from './serve-port';

// Keep the newest 200,000 events for resumes; older ones are only in the page's log.
servePort(
  self as unknown as Parameters<typeof servePort>[0],
  new EngineHost({ engine: { retain: 200_000 } }),
);
