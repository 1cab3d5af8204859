import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, truncate, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Engine, type EngineEvent, type EngineOptions, type Snapshot } from '../engine';
import type { JournalLine, ScheduledStart } from '../protocol/journal-lines';
import { newEpoch } from './epoch';
import { readJournal } from './journal-read';
import { ScheduledStarts } from './scheduled-starts';

export interface JournalFileOptions {
  /** For the engine rebuilt from the file. */
  readonly engine?: EngineOptions;
  /** Told what was repaired at open (a torn last line, an unclean stop) and any write failure. */
  readonly warn: (line: string) => void;
  /** How long appended lines wait to be written together, in ms. */
  readonly flushMs?: number;
  /** Lines written since the file was last compacted (or opened) before it is compacted again. */
  readonly compactAfter?: number;
}

/**
 * By default the file is compacted every 200,000 lines (about 50 MB; the engine keeps as many
 * events in memory): at 1,000 events/s an uncompacted file grows by about 900 MB an hour, and a
 * restart replays all of it.
 */
export const COMPACT_AFTER = 200_000;

/** The engine a journal file holds, under the epoch clients will see, and the starts still waiting. */
export interface Restored {
  readonly engine: Engine;
  readonly epoch: string;
  readonly scheduled: readonly ScheduledStart[];
  /** Every id a scheduled start was given in the file's life, waiting or ended. */
  readonly scheduledIds: readonly string[];
}

/**
 * The server's journal on disk: one JSON line per event, a mark line on each new epoch and on a
 * clean stop (see journal-lines.ts). Appends are buffered and written once per flush tick through
 * a write stream, so journaling never blocks the event loop; the file is fsynced when it closes.
 * Every `compactAfter` lines the file is replaced by a checkpoint (the state as a snapshot) and
 * goes on from there.
 */
export class JournalFile {
  private buffer: JournalLine[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private failure: string | null = null;
  private lastSeq: number;
  private stream: WriteStream;
  /** Lines written since the last compaction, or since the file was opened. */
  private written: number;
  /** The compaction under way, if any; while the file is being replaced, lines wait in the buffer. */
  private compacting: Promise<void> | null = null;
  private holding = false;
  /** Scheduled starts without an end yet: a compacted file writes them again. */
  private readonly waiting = new Map<string, ScheduledStart>();
  /** The last id a scheduled start was given: a checkpoint names it, as the lines it replaces did. */
  private lastScheduled: string | null = null;

  private constructor(
    private readonly path: string,
    private epoch: string,
    start: number,
    lines: number,
    private readonly options: JournalFileOptions,
  ) {
    this.lastSeq = start;
    this.written = lines;
    this.stream = this.openStream();
  }

  private openStream(): WriteStream {
    const stream = createWriteStream(this.path, { flags: 'a', flush: true });
    stream.on('error', (error) => {
      // Serving goes on without persistence; the health endpoint says so.
      this.failure ??= error.message;
      this.buffer = [];
      this.options.warn(`journal: cannot write (${error.message}); events are no longer persisted`);
    });
    return stream;
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
    const engine = Engine.replay(latest?.events ?? [], options.engine, latest?.base ?? undefined);
    const epoch = latest?.clean ? latest.epoch : newEpoch();
    const journal = new JournalFile(path, epoch, engine.seq, latest?.events.length ?? 0, options);
    for (const start of contents.scheduled) journal.waiting.set(start.session, start);
    journal.lastScheduled = ScheduledStarts.highest(contents.scheduledIds);
    if (latest === null) journal.write({ type: 'epoch', epoch, time: Date.now() });
    else if (!latest.clean) {
      options.warn(
        `journal: the last run did not stop cleanly; its ${engine.seq} events are restored under a new epoch`,
      );
      journal.write({ type: 'recovered', epoch, from: latest.epoch, seq: engine.seq, time: Date.now() });
    }
    return { journal, engine, epoch, scheduled: contents.scheduled, scheduledIds: contents.scheduledIds };
  }

  /** Why writing failed, or null while the file is being written. */
  get error(): string | null {
    return this.failure;
  }

  /**
   * Journals the events the engine just recorded. `state` gives the engine's state as of them:
   * when enough lines were written, the file is compacted to it.
   */
  append(events: readonly EngineEvent[], state?: () => Snapshot): void {
    for (const event of events) this.write(event);
    this.lastSeq = events[events.length - 1]?.seq ?? this.lastSeq;
    this.written += events.length;
    const due = this.written >= (this.options.compactAfter ?? COMPACT_AFTER);
    if (due && state !== undefined && this.compacting === null && this.failure === null) {
      this.compacting = this.compact(state()).finally(() => {
        this.compacting = null;
      });
    }
  }

  /** A start scheduled for later (X12 `idealtime`): a restart finds it waiting. */
  schedule(start: ScheduledStart): void {
    this.waiting.set(start.session, start);
    this.lastScheduled = ScheduledStarts.highest([this.lastScheduled, start.session]);
    this.write({ type: 'scheduled', ...start, time: Date.now() });
  }

  /** A scheduled start that waits no more. */
  unschedule(session: string, reason: 'started' | 'failed' | 'cancelled'): void {
    this.waiting.delete(session);
    this.write({ type: 'unscheduled', session, reason, time: Date.now() });
  }

  /** A reset: a new, empty engine from here on. */
  reset(epoch: string): void {
    this.epoch = epoch;
    this.lastSeq = 0;
    this.write({ type: 'epoch', epoch, time: Date.now() });
  }

  /** Writes what is buffered and a `stopped` line, then closes the file once it is on disk. */
  async close(): Promise<void> {
    await this.compacting;
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

  /**
   * Replaces the file with a checkpoint of `snapshot` and the scheduled starts still waiting;
   * lines journaled meanwhile follow them. The old file stays whole until the new one is renamed over it: a crash before leaves the
   * old file, after it the new one, never a mix. Should the new file fail, the old one goes on.
   */
  private async compact(snapshot: Snapshot): Promise<void> {
    const checkpoint: JournalLine = {
      type: 'checkpoint',
      epoch: this.epoch,
      seq: snapshot.seq,
      snapshot,
      time: Date.now(),
      ...(this.lastScheduled === null ? {} : { lastScheduled: this.lastScheduled }),
    };
    // What the checkpoint covers goes to the old file, which is then closed and on disk.
    this.flush();
    const waiting = [...this.waiting.values()].map(
      (start): JournalLine => ({ type: 'scheduled', ...start, time: checkpoint.time }),
    );
    this.holding = true;
    this.written = 0;
    const old = this.stream;
    await new Promise<void>((resolve) => old.end(resolve));
    const next = `${this.path}.compacting`;
    try {
      const lines = [checkpoint, ...waiting].map((line) => `${JSON.stringify(line)}\n`).join('');
      await writeFile(next, lines, { flush: true });
      await rename(next, this.path);
    } catch (error) {
      this.options.warn(
        `journal: cannot compact (${error instanceof Error ? error.message : String(error)}); the file keeps growing`,
      );
    }
    this.stream = this.openStream();
    this.holding = false;
    this.flush();
  }

  private flush(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this.buffer.length === 0 || this.failure !== null || this.holding) return;
    // Lines are encoded here, off the engine's command path, and written in one go.
    const text = this.buffer.map((line) => `${JSON.stringify(line)}\n`).join('');
    this.buffer = [];
    this.stream.write(text);
  }
}
