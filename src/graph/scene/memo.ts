/**
 * A per-id cache that hands back the previous value while its inputs are unchanged (compared
 * item by item with Object.is). React Flow and the memoized node components compare by identity,
 * so a frame where one thing changed re-renders one node, not hundreds.
 */
export class Memo<T> {
  private readonly entries = new Map<string, { deps: readonly unknown[]; value: T; round: number }>();
  private round = 0;

  /** Starts a derivation round: entries not asked for during it are dropped by `sweep`. */
  begin(): void {
    this.round++;
  }

  get(id: string, deps: readonly unknown[], make: () => T): T {
    const entry = this.entries.get(id);
    if (entry !== undefined && sameDeps(entry.deps, deps)) {
      entry.round = this.round;
      return entry.value;
    }
    const value = make();
    this.entries.set(id, { deps, value, round: this.round });
    return value;
  }

  /** Forgets what the last round did not use, so departed nodes do not accumulate. */
  sweep(): void {
    for (const [id, entry] of this.entries) if (entry.round !== this.round) this.entries.delete(id);
  }
}

function sameDeps(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}
