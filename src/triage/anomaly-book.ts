import type { Anomaly, AnomalyItem, AnomalyKind, AnomalySink } from './types';

/**
 * At most this many entries of each kind: a list for a person to read, not an archive. Past it
 * the entry raised least recently goes (the journal still has it all).
 */
export const MAX_ENTRIES_PER_KIND = 200;

/**
 * The anomalies found so far, one entry per kind and item with its count. Raising one again moves
 * it to the end, so each kind's list is in the order of its latest time.
 */
export class AnomalyBook implements AnomalySink {
  private readonly entries = new Map<AnomalyKind, Map<string, Anomaly>>();
  /** Bumped on every change: the UI redraws when it moves. */
  version = 0;

  raise(kind: AnomalyKind, item: AnomalyItem, seq: number, time: number): void {
    let ofKind = this.entries.get(kind);
    if (ofKind === undefined) {
      ofKind = new Map();
      this.entries.set(kind, ofKind);
    }
    const before = ofKind.get(item.id);
    ofKind.delete(item.id);
    ofKind.set(item.id, {
      kind,
      item,
      count: (before?.count ?? 0) + 1,
      since: before?.since ?? time,
      time,
      seq,
    });
    if (ofKind.size > MAX_ENTRIES_PER_KIND) {
      const oldest = ofKind.keys().next();
      if (oldest.done !== true) ofKind.delete(oldest.value);
    }
    this.version++;
  }

  /** The entries of `kind`, the latest first. */
  list(kind: AnomalyKind): Anomaly[] {
    return [...(this.entries.get(kind)?.values() ?? [])].reverse();
  }

  clear(): void {
    this.entries.clear();
    this.version++;
  }
}
