import { writeRecording } from './write-recording';

/** A recording's events, for tests: `count` ticks sent to session S-1, seq 1 to `count`, one command each. */
export function ticks(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    seq: i + 1,
    time: 1000 + i,
    name: 'session.event' as const,
    session: 'S-1',
    data: { event: 'tick' },
    cause: { command: i + 1, verb: 'sendEvent', origin: 'api' as const },
  }));
}

/** A long recording's file, for tests: `count` ticks after an empty base. */
export function tickFile(count: number): Promise<Blob> {
  return writeRecording({
    epoch: 'e-head',
    source: 'recording',
    exported: 1,
    traffic: { running: false, rate: 20, seed: 1, sessions: 40 },
    base: { seq: 0, commands: 0, ids: { sessions: 1, interactions: 0 }, sessions: [], interactions: [] },
    events: ticks(count),
    labels: [],
  });
}
