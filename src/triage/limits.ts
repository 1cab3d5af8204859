import { ANOMALY_KINDS, type AnomalyKind } from './types';

/** How long (ms, event time) each detector waits before it calls something an anomaly. */
export type TriageLimits = Readonly<Record<AnomalyKind, number>>;

/**
 * The defaults, and why:
 * - orphan, 10 s: a strategy that detaches an interaction to route it attaches or redirects it
 *   within its routing step, a second or two; ten seconds left alone is no routing step.
 * - ping-pong, 30 s: a transfer that comes back within half a minute is a bounce (a target that
 *   refuses, a strategy looping), not a second thought; later, a return is ordinary work.
 * - idle-session, 60 s: a session owning nothing that hears nothing for a minute is waiting for
 *   something that is not coming (ORS keeps it, and its memory, until it ends).
 * - waiting-unowned, 30 s: past the common 20-second service level, with margin: an interaction
 *   no session owns for that long is one nobody is routing.
 * On the generated traffic, orphans and waits stay rare (attaches grow with what waits, mix.ts);
 * its associates pick targets at random, so a few bounce back within 30 s: ping-pong lists them,
 * as it would a real strategy doing the same.
 */
export const DEFAULT_LIMITS: TriageLimits = {
  orphan: 10_000,
  'ping-pong': 30_000,
  'idle-session': 60_000,
  'waiting-unowned': 30_000,
};

/** A limit that is not a positive, finite number of milliseconds, named with its kind. */
export class TriageLimitError extends RangeError {
  constructor(
    readonly kind: string,
    readonly value: unknown,
  ) {
    super(`triage limit '${kind}' must be a positive number of milliseconds, got ${String(value)}`);
    this.name = 'TriageLimitError';
  }
}

/** The defaults with `change` over them; throws TriageLimitError on an unknown kind or bad value. */
export function triageLimits(change: Readonly<Record<string, unknown>> = {}): TriageLimits {
  const limits: Record<AnomalyKind, number> = { ...DEFAULT_LIMITS };
  for (const [kind, value] of Object.entries(change)) {
    if (!isKind(kind) || typeof value !== 'number' || !Number.isFinite(value) || value <= 0)
      throw new TriageLimitError(kind, value);
    limits[kind] = value;
  }
  return limits;
}

function isKind(name: string): name is AnomalyKind {
  return ANOMALY_KINDS.some((kind) => kind === name);
}
