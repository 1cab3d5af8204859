import type { EngineEvent, Snapshot } from '../engine';

/**
 * One kind of anomaly, found incrementally: each event is seen once, in `seq` order, and time
 * moves only with the events' own `time` (or `advance`, for the stretch after the last event), so
 * the same events always find the same anomalies.
 */
export interface Detector {
  /** Takes one event; the clock was advanced to its time first. */
  observe(event: EngineEvent): void;
  /** Event time is now `time`: waits longer than the limit become anomalies. */
  advance(time: number): void;
  /** Starts from the state at a snapshot taken at event time `time`, instead of an empty engine. */
  load(snapshot: Snapshot, time: number): void;
  /** Forgets everything it was waiting on (a new engine life). */
  clear(): void;
}

/** The interaction an event ends the page's interest in: it ended, or the engine forgot it. */
export function goneInteraction(event: EngineEvent): string | null {
  return event.name === 'interaction.ended' || event.name === 'interaction.purged'
    ? event.data.interactionid
    : null;
}
