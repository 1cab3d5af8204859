/**
 * What a client may do: a viewer reads, an operator also writes. The host grants it (the
 * in-browser page is an operator; a server grants it per token, docs/server.md).
 */
export type Role = 'viewer' | 'operator';
