/** The four association anomalies triage looks for. */
export type AnomalyKind = 'orphan' | 'ping-pong' | 'idle-session' | 'waiting-unowned';

export const ANOMALY_KINDS: readonly AnomalyKind[] = [
  'orphan',
  'ping-pong',
  'idle-session',
  'waiting-unowned',
];

/** What an anomaly is about: a session or an interaction, as the store's selection names them. */
export interface AnomalyItem {
  readonly kind: 'session' | 'interaction';
  readonly id: string;
}

/** One item's anomaly of one kind, however often it happened. */
export interface Anomaly {
  readonly kind: AnomalyKind;
  readonly item: AnomalyItem;
  /** How many times the item has been found so. */
  readonly count: number;
  /** Event time (ms) of the first time. */
  readonly since: number;
  /** Event time (ms) of the latest time. */
  readonly time: number;
  /** The `seq` of the event that made the latest one: where the timeline goes to show it. */
  readonly seq: number;
}

/** Where a detector reports what it found. */
export interface AnomalySink {
  raise(kind: AnomalyKind, item: AnomalyItem, seq: number, time: number): void;
}
