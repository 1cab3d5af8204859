/**
 * Realms made ahead of need, when the host is idle. Making a realm (a QuickJS runtime and context,
 * and its helpers compiled) is about 0.25 ms of an arrival's cost (p50, `npm run bench --
 * strategies`); a realm taken from the pool has been made already, so that part leaves the
 * arrival's path whenever the host had idle time before it. A pooled realm is pristine (nothing has run in it) and has the limits any realm of
 * those limits gets, so isolation is the same as a fresh one's.
 *
 * Bounded by `size`: each pooled realm holds about 70 KB of memory (RSS) while it waits. The pool
 * is refilled one realm per idle task, so a host event waits at most one realm's making.
 */
import type { ScriptLimits } from './realm';

export interface RealmPoolOptions {
  /** How many realms to keep ready; 0 turns the pool off. */
  readonly size: number;
  /** The limits pooled realms are made with: a request for other limits makes a fresh realm. */
  readonly limits: ScriptLimits;
  /** Runs a task once the host is idle (Node: `setImmediate`; a page: `setTimeout(task, 0)`). */
  readonly idle: (task: () => void) => void;
}

/** What the pool asks of its factory: a new realm, whether one is still usable, and its disposal. */
export interface PoolSource<R> {
  make(limits: ScriptLimits): R;
  /** False for a realm whose module was retired since it was made (`quickjs-factory.ts`). */
  usable(realm: R): boolean;
  discard(realm: R): void;
}

export class RealmPool<R> {
  private readonly ready: R[] = [];
  private scheduled = false;

  constructor(
    private readonly options: RealmPoolOptions,
    private readonly source: PoolSource<R>,
  ) {
    if (!Number.isInteger(options.size) || options.size < 0)
      throw new RangeError(`the pool's size must be a whole number of realms, got ${options.size}`);
  }

  /** Realms waiting. */
  get size(): number {
    return this.ready.length;
  }

  /** A ready realm of these limits, or null (then the caller makes one); the pool refills when idle. */
  take(limits: ScriptLimits): R | null {
    const { stepMs, memoryBytes } = this.options.limits;
    if (limits.stepMs !== stepMs || limits.memoryBytes !== memoryBytes) return null;
    let realm = this.ready.shift();
    while (realm !== undefined && !this.source.usable(realm)) {
      this.source.discard(realm);
      realm = this.ready.shift();
    }
    this.refill();
    return realm ?? null;
  }

  /** Drops the realms no longer usable (their module was retired), so their memory can go. */
  prune(): void {
    for (const realm of this.ready.splice(0)) {
      if (this.source.usable(realm)) this.ready.push(realm);
      else this.source.discard(realm);
    }
    this.refill();
  }

  /** Schedules making realms until the pool is full, one per idle task. */
  refill(): void {
    if (this.scheduled || this.ready.length >= this.options.size) return;
    this.scheduled = true;
    this.options.idle(() => {
      this.scheduled = false;
      if (this.ready.length >= this.options.size) return;
      let realm: R;
      try {
        realm = this.source.make(this.options.limits);
      } catch {
        return; // the heap is full: the next take tries again
      }
      this.ready.push(realm);
      this.refill();
    });
  }
}
