import { createReadStream } from 'node:fs';
import type { EngineEvent, Snapshot } from '../engine';

/** What a journal file holds: the latest epoch's events, and where its last complete line ends. */
export interface JournalContents {
  /** The epoch to restore, or null for an empty (or missing) file. */
  readonly latest: {
    readonly epoch: string;
    /** The state its events start from: a checkpoint's, or null for an empty engine. */
    readonly base: Snapshot | null;
    /** From the seq after the base's (1 without one), contiguous. */
    readonly events: readonly EngineEvent[];
    /** Whether the last run wrote its `stopped` line after its last event. */
    readonly clean: boolean;
  } | null;
  /** Bytes up to the end of the last complete line. */
  readonly validBytes: number;
  /** Bytes after it: a last line without its newline, a write that a crash cut short. */
  readonly tornBytes: number;
}

/** A journal line that cannot be right (not a torn last line): the server refuses to start on it. */
export class JournalCorrupt extends Error {
  override readonly name = 'JournalCorrupt';
}

const NEWLINE = 0x0a;

/**
 * Reads a journal file line by line, in one pass, keeping only the latest epoch's events. A
 * torn last line is left out (the caller truncates it); any other bad line throws JournalCorrupt,
 * because skipping an event would make every later `seq` wrong.
 */
export async function readJournal(path: string): Promise<JournalContents> {
  const reader = new JournalReader(path);
  const bytes = await forEachLine(path, (text) => reader.line(text));
  if (bytes === null) return { latest: null, validBytes: 0, tornBytes: 0 };
  return { latest: reader.latest, ...bytes };
}

/**
 * Calls `line` with each complete line of the file, in one streaming pass; a last line without
 * its newline (torn, or being written) is left out. Null when there is no file.
 */
export async function forEachLine(
  path: string,
  line: (text: string) => void,
): Promise<{ validBytes: number; tornBytes: number } | null> {
  let carry: Buffer = Buffer.alloc(0);
  let validBytes = 0;
  try {
    for await (const chunk of createReadStream(path)) {
      const data = carry.length === 0 ? (chunk as Buffer) : Buffer.concat([carry, chunk as Buffer]);
      let start = 0;
      for (let end = data.indexOf(NEWLINE); end !== -1; end = data.indexOf(NEWLINE, start)) {
        line(data.toString('utf8', start, end));
        start = end + 1;
      }
      validBytes += start;
      carry = data.subarray(start);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return { validBytes, tornBytes: carry.length };
}

class JournalReader {
  latest: { epoch: string; base: Snapshot | null; events: EngineEvent[]; clean: boolean } | null = null;
  private number = 0;

  constructor(private readonly path: string) {}

  line(text: string): void {
    this.number += 1;
    if (text.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw this.corrupt('is not JSON');
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw this.corrupt('is not a JSON object');
    const line = value as Record<string, unknown>;
    if (line.type === 'epoch' && typeof line.epoch === 'string') {
      // Only the latest epoch is restored: what came before it is history.
      this.latest = { epoch: line.epoch, base: null, events: [], clean: false };
      return;
    }
    if (line.type === 'checkpoint') {
      if (this.number !== 1 || typeof line.epoch !== 'string' || !isSnapshotAt(line.snapshot, line.seq))
        throw this.corrupt('is not a checkpoint that starts the file');
      this.latest = { epoch: line.epoch, base: line.snapshot, events: [], clean: false };
      return;
    }
    const latest = this.latest;
    if (latest === null) throw this.corrupt('comes before any epoch line');
    const last = (latest.base?.seq ?? 0) + latest.events.length;
    if (line.type === undefined) {
      if (typeof line.name !== 'string' || line.seq !== last + 1)
        throw this.corrupt(`is not event ${last + 1} of epoch ${latest.epoch}`);
      latest.events.push(line as unknown as EngineEvent);
      latest.clean = false;
    } else if (line.type === 'stopped' && line.seq === last) {
      latest.clean = true;
    } else if (line.type === 'recovered' && typeof line.epoch === 'string') {
      latest.epoch = line.epoch;
      latest.clean = false;
    } else throw this.corrupt(`does not fit here (type ${String(line.type).slice(0, 40)})`);
  }

  private corrupt(reason: string): JournalCorrupt {
    return new JournalCorrupt(
      `journal ${this.path}: line ${this.number} ${reason}; move the file away to start afresh`,
    );
  }
}

/** The checkpoint's snapshot is the engine's own (it wrote it): its seq is what is checked. */
function isSnapshotAt(value: unknown, seq: unknown): value is Snapshot {
  if (typeof value !== 'object' || value === null) return false;
  const snapshot = value as Record<string, unknown>;
  return (
    typeof seq === 'number' &&
    snapshot.seq === seq &&
    // Without its id counters, the engine would give again the ids of records purged before it.
    typeof snapshot.ids === 'object' &&
    snapshot.ids !== null &&
    Array.isArray(snapshot.sessions) &&
    Array.isArray(snapshot.interactions)
  );
}
