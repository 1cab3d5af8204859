import type { EngineEvent } from '../../engine';
import type { StrategyLabel } from '../../protocol/messages';
import type { SnapshotMessage } from '../types';
import type { Recording } from './recording';

/**
 * What a page holds, as a recording: the snapshot its events follow, the events, and the
 * strategy labels it was told (in the order told: the last one of a session is its state now; a
 * label with no states says its strategy ended, so it is left out).
 */
export function recordingOf(
  base: SnapshotMessage,
  events: readonly EngineEvent[],
  labels: Iterable<StrategyLabel>,
): Recording {
  const latest = new Map<string, StrategyLabel>();
  for (const label of labels) latest.set(label.session, label);
  return {
    epoch: base.epoch,
    source: 'recording',
    exported: null,
    traffic: base.traffic,
    base: base.snapshot,
    // A copy: the page's record goes on growing while the file is written.
    events: events.slice(),
    labels: [...latest.values()].filter((label) => label.states.length > 0),
  };
}
