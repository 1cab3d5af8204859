import { randomUUID } from 'node:crypto';

/**
 * A new name for an engine's life (the `epoch` of a snapshot): the server's first start, each
 * reset, and a restart after a crash, when clients may hold events the journal file never got.
 */
export function newEpoch(): string {
  return randomUUID();
}
