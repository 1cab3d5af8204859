import { createReadStream } from 'node:fs';
import {
  type JournalEpoch,
  JournalLineError,
  JournalReader,
  type ScheduledStart,
} from '../protocol/journal-lines';

/** What a journal file holds: the latest epoch's events, and where its last complete line ends. */
export interface JournalContents {
  /** The epoch to restore, or null for an empty (or missing) file. */
  readonly latest: JournalEpoch | null;
  /** The scheduled starts still waiting (X12 `idealtime`), in the order they were scheduled. */
  readonly scheduled: readonly ScheduledStart[];
  /** Every id a scheduled start was given, waiting or ended (a compacted file names the last one). */
  readonly scheduledIds: readonly string[];
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
  const reader = new JournalReader();
  const bytes = await forEachLine(path, (text) => {
    try {
      reader.line(text);
    } catch (error) {
      if (!(error instanceof JournalLineError)) throw error;
      throw new JournalCorrupt(`journal ${path}: ${error.message}; move the file away to start afresh`);
    }
  });
  if (bytes === null) return { latest: null, scheduled: [], scheduledIds: [], validBytes: 0, tornBytes: 0 };
  return {
    latest: reader.latest,
    scheduled: [...reader.scheduled.values()],
    scheduledIds: [...reader.scheduledIds],
    ...bytes,
  };
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
