import type { EngineEvent, Snapshot } from '../../engine';
import type { StrategyLabel, TrafficStatus } from '../../protocol/messages';

/** The file format's name and version (docs/recordings.md); a reader refuses other versions. */
export const RECORDING_FORMAT = 'ors-recording';
export const RECORDING_VERSION = 1;

/**
 * What a recording holds: one engine epoch from a base snapshot on, every event after it
 * (contiguous seqs), and the strategy sessions' labels at its end. A server's journal file reads
 * into the same shape (its latest epoch).
 */
export interface Recording {
  /** The engine life it comes from. */
  readonly epoch: string;
  /** What it was read from: an exported recording, or a server's journal file. */
  readonly source: 'recording' | 'journal';
  /** When it was exported (ms since 1970); null for a journal file. */
  readonly exported: number | null;
  /** The traffic settings at export; a recording plays nothing, so it is shown paused. */
  readonly traffic: TrafficStatus;
  readonly base: Snapshot;
  /**
   * The state after the last event as an exported file's header gives it (what is live in it), for
   * a long one to be shown before its events are handed over; absent for a journal file.
   */
  readonly final?: Snapshot;
  /** From `base.seq + 1`, contiguous, oldest first. */
  readonly events: readonly EngineEvent[];
  /** Strategy sessions' names and active states at the last event. */
  readonly labels: readonly StrategyLabel[];
}

/** The seq of the last event (the base's, with none). */
export function lastSeq(recording: Recording): number {
  return recording.events.at(-1)?.seq ?? recording.base.seq;
}
