import { Engine, type Snapshot } from '../../engine';
import { lastSeq, RECORDING_FORMAT, RECORDING_VERSION, type Recording } from './recording';

/** Events per piece of text handed to the compressor: one string per piece, not one for the file. */
const PIECE = 10_000;

/**
 * A recording as its file (docs/recordings.md): JSON lines, a header line (the base and the final
 * state) then one event a line,
 * gzipped by the platform's CompressionStream (the browser's, or Node's).
 */
export function writeRecording(recording: Recording, exported = Date.now()): Promise<Blob> {
  const header = {
    format: RECORDING_FORMAT,
    version: RECORDING_VERSION,
    epoch: recording.epoch,
    exported,
    traffic: recording.traffic,
    base: recording.base,
    // The engine's own state after the events, so that a reader shows it before reading them.
    final: live(Engine.replay(recording.events, { retain: 1 }, recording.base).snapshot()),
    labels: recording.labels,
    events: recording.events.length,
  };
  const pieces = [`${JSON.stringify(header)}\n`];
  for (let start = 0; start < recording.events.length; start += PIECE) {
    const lines = recording.events.slice(start, start + PIECE).map((event) => JSON.stringify(event));
    pieces.push(`${lines.join('\n')}\n`);
  }
  const stream = new Blob(pieces).stream().pipeThrough(new CompressionStream('gzip'));
  return new Response(stream).blob();
}

/**
 * A snapshot without what had ended: the page shows only what is live, and a long run's ended
 * sessions outnumber its live ones ten to one, all of it to read and check before the first frame.
 */
function live(snapshot: Snapshot): Snapshot {
  return {
    ...snapshot,
    sessions: snapshot.sessions.filter((session) => session.state !== 'ended'),
    interactions: snapshot.interactions.filter((interaction) => interaction.state !== 'ended'),
  };
}

/** The file name a download gets: the epoch and the last seq it holds. */
export function recordingFileName(recording: Recording): string {
  return `ors-recording-${recording.epoch.replace(/[^\w.-]/g, '_')}-${lastSeq(recording)}.json.gz`;
}
