import { createHash, timingSafeEqual } from 'node:crypto';
import type { Role } from '../protocol/role';

/** The tokens a server was started with; none at all means open local use. */
export interface RoleTokens {
  readonly operator?: string;
  readonly viewer?: string;
}

/**
 * The role a handshake token grants, or null for a refusal. Without tokens everyone is an
 * operator (one person on their own machine); with tokens, only a known token gets in.
 */
export function roleFor(tokens: RoleTokens, token: unknown): Role | null {
  if (tokens.operator === undefined && tokens.viewer === undefined) return 'operator';
  if (typeof token !== 'string') return null;
  if (tokens.operator !== undefined && sameSecret(token, tokens.operator)) return 'operator';
  if (tokens.viewer !== undefined && sameSecret(token, tokens.viewer)) return 'viewer';
  return null;
}

/** Compares in constant time (hashes first, so the lengths match), not leaking how much matched. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
