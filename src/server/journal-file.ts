import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, truncate } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Engine, type EngineEvent, type EngineOptions } from '../engine';
import { newEpoch } from './epoch';
import type { JournalLine } from './journal-lines';
import { readJournal } from './journal-read';

export interface JournalFileOptions {
  /** For the engine rebuilt from the file. */
  readonly engine?: EngineOptions;
  /** Told what was repaired at open (a torn last line, an unclean stop) and any write failure. */
  readonly warn: (line: string) => void;
  /** How long appended lines wait to be written together, in ms. */
  readonly flushMs?: number;
}

/** The engine a journal file holds, under the epoch clients will see. */
export interface Restored {
  readonly engine: Engine;
  readonly epoch: string;
}

/**
 * The server's journal on disk: one JSON line per event, a mark line on each new epoch and on a
 * clean stop (see journal-lines.ts). Appends are buffered and written once per flush tick through
 * a write stream, so journaling never blocks the event loop; the file is fsynced when it closes.
 */
export class JournalFile {
  private buffer: JournalLine[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private failure: string | null = null;
  private lastSeq: number;

  private constructor(
    private readonly stream: WriteStream,
    private epoch: string,
    start: number,
    private readonly options: JournalFileOptions,
  ) {
    this.lastSeq = start;
    stream.on('error', (error) => {
      // Serving goes on without persistence; the health endpoint says so.
      this.failure ??= error.message;
      this.buffer = [];
      options.warn(`journal: cannot write (${error.message}); events are no longer persisted`);
    });
  }

  /**
   * Opens (or creates) the file and rebuilds its latest epoch: Engine.replay of its events. A
   * clean stop keeps the epoch, so clients resume; otherwise the state goes on under a new one.
   */
  static async open(path: string, options: JournalFileOptions): Promise<{ journal: JournalFile } & Restored> {
    await mkdir(dirname(path), { recursive: true });
    const contents = await readJournal(path);
    if (contents.tornBytes > 0) {
      options.warn(
        `journal: ignoring a torn last line (${contents.tornBytes} bytes, a write cut short by a crash)`,
      );
      await truncate(path, contents.validBytes);
    }
    const latest = contents.latest;
    const engine = Engine.replay(latest?.events ?? [], options.engine);
    const epoch = latest?.clean ? latest.epoch : newEpoch();
    const stream = createWriteStream(path, { flags: 'a', flush: true });
    const journal = new JournalFile(stream, epoch, engine.seq, options);
    if (latest === null) journal.write({ type: 'epoch', epoch, time: Date.now() });
    else if (!latest.clean) {
      options.warn(
        `journal: the last run did not stop cleanly; its ${engine.seq} events are restored under a new epoch`,
      );
      journal.write({ type: 'recovered', epoch, from: latest.epoch, seq: engine.seq, time: Date.now() });
    }
    return { journal, engine, epoch };
  }

  /** Why writing failed, or null while the file is being written. */
  get error(): string | null {
    return this.failure;
  }

  append(events: readonly EngineEvent[]): void {
    for (const event of events) this.write(event);
    this.lastSeq = events[events.length - 1]?.seq ?? this.lastSeq;
  }

  /** A reset: a new, empty engine from here on. */
  reset(epoch: string): void {
    this.epoch = epoch;
    this.lastSeq = 0;
    this.write({ type: 'epoch', epoch, time: Date.now() });
  }

  /** Writes what is buffered and a `stopped` line, then closes the file once it is on disk. */
  async close(): Promise<void> {
    this.write({ type: 'stopped', epoch: this.epoch, seq: this.lastSeq, time: Date.now() });
    this.flush();
    if (this.stream.destroyed) return;
    await new Promise<void>((resolve) => this.stream.end(resolve));
  }

  private write(line: JournalLine): void {
    if (this.failure !== null) return;
    this.buffer.push(line);
    this.timer ??= setTimeout(() => this.flush(), this.options.flushMs ?? 20);
  }

  private flush(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this.buffer.length === 0 || this.failure !== null) return;
    // Lines are encoded here, off the engine's command path, and written in one go.
    const text = this.buffer.map((line) => `${JSON.stringify(line)}\n`).join('');
    this.buffer = [];
    this.stream.write(text);
  }
}
