import type { EngineEvent, Snapshot } from '../engine';

/**
 * The lines of a journal file besides events (docs/server.md, "Persistence"). Event lines are
 * the engine's events as they are; these marks have a `type`, which no event has.
 */
export type JournalMark =
  /** A new engine starts here, empty (first start, reset); its events follow from seq 1. */
  | { readonly type: 'epoch'; readonly epoch: string; readonly time: number }
  /** A clean shutdown at `seq`: everything the run journaled is on disk. */
  | { readonly type: 'stopped'; readonly epoch: string; readonly seq: number; readonly time: number }
  /**
   * The run before did not stop cleanly, so clients may hold events this file never got: the
   * same state goes on under a new epoch, which makes them take a snapshot instead of resuming.
   */
  | {
      readonly type: 'recovered';
      readonly epoch: string;
      readonly from: string;
      readonly seq: number;
      readonly time: number;
    }
  /**
   * The first line of a compacted file: the epoch's state at `seq`. Its events up to `seq` are
   * left out, and everything before it in the file (older epochs) too; the events after follow.
   */
  | {
      readonly type: 'checkpoint';
      readonly epoch: string;
      readonly seq: number;
      readonly snapshot: Snapshot;
      readonly time: number;
    };

export type JournalLine = EngineEvent | JournalMark;
