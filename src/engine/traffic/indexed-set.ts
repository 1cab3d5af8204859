import type { Random } from './random';

/**
 * A set that can also hand out a random member in O(1): members live in an array (for picking)
 * and a map from member to array slot (for O(1) removal by swapping the last member into the hole).
 * The order of members depends only on the order of adds and deletes, so picks stay deterministic.
 */
export class IndexedSet<T> {
  private readonly items: T[] = [];
  private readonly slots = new Map<T, number>();

  get size(): number {
    return this.items.length;
  }

  has(item: T): boolean {
    return this.slots.has(item);
  }

  add(item: T): void {
    if (this.slots.has(item)) return;
    this.slots.set(item, this.items.length);
    this.items.push(item);
  }

  delete(item: T): void {
    const slot = this.slots.get(item);
    if (slot === undefined) return;
    this.slots.delete(item);
    const last = this.items.pop() as T;
    if (slot < this.items.length) {
      this.items[slot] = last;
      this.slots.set(last, slot);
    }
  }

  /** A random member; the caller checks `size` first (an empty set throws). */
  pick(random: Random): T {
    return random.pick(this.items);
  }

  /** The members, in slot order (for tests and diagnostics, not for the hot path). */
  values(): readonly T[] {
    return this.items;
  }
}
