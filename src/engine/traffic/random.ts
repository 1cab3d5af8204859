/**
 * A small seeded PRNG (mulberry32). Traffic must be reproducible from its seed alone, in a Web
 * Worker and in Node alike, so nothing here touches `Math.random` or the clock. Mulberry32 is a
 * few integer operations per draw, which matters at hundreds of thousands of commands a second.
 */
export class Random {
  private state: number;

  /** Only the integer part of `seed`, modulo 2^32, counts (ToUint32). */
  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** A uniformly chosen element; an empty array is a bug in the caller, so it throws. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('cannot pick from an empty array');
    return items[this.int(items.length)] as T;
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }
}
