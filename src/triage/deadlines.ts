/** Something waiting for its time to run out: when it started, and the event that started it. */
export interface Waiting {
  readonly start: number;
  readonly seq: number;
}

/**
 * Ids waiting out one fixed limit, due `limit` ms after they start. Event time only grows, so
 * the order of insertion is the order of falling due (a restart re-inserts at the back): `expire`
 * takes from the front and stops at the first not yet due, costing what expires, not what waits.
 */
export class Deadlines {
  private readonly waiting = new Map<string, Waiting>();

  constructor(private readonly limit: number) {}

  /** Starts (or starts again) the wait of `id`. */
  start(id: string, start: number, seq: number): void {
    this.waiting.delete(id);
    this.waiting.set(id, { start, seq });
  }

  /** Whether `id` is waiting. */
  has(id: string): boolean {
    return this.waiting.has(id);
  }

  cancel(id: string): void {
    this.waiting.delete(id);
  }

  /** Hands every id whose wait is over at `time` (longer than the limit) to `due`, and forgets it. */
  expire(time: number, due: (id: string, waited: Waiting) => void): void {
    for (const [id, waited] of this.waiting) {
      if (time - waited.start <= this.limit) return;
      this.waiting.delete(id);
      due(id, waited);
    }
  }

  clear(): void {
    this.waiting.clear();
  }
}
