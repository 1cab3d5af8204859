/**
 * Journal benchmark: a server's journal file after about 1.2 million events of traffic (purged as
 * the server purges), with compaction at its default (COMPACT_AFTER lines) against a baseline
 * measured in the same run, the same traffic never compacted: file size and restore time.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pump, TrafficGenerator } from '../src/engine/traffic';
import { COMPACT_AFTER, JournalFile } from '../src/server/journal-file';
import { fmt, report } from './measure';

/**
 * A compaction comes every COMPACT_AFTER (200,000) lines: ending 190,000 lines after the fifth
 * one, the file restored at the end is near the largest a restore ever reads.
 */
const EVENTS = 1_190_000;
const BATCH = 10_000;
/** The server purges every 10 s at about this many events in between, at 10,000 events/s. */
const PURGE_EVERY = 100_000;

interface Journaled {
  readonly events: number;
  readonly megabytes: number;
  /** The largest the file was between batches: it grows until a compaction cuts it back. */
  readonly peakMegabytes: number;
  readonly restoreMs: number;
  /** Whether the reopened file rebuilt the very state that was journaled. */
  readonly same: boolean;
}

async function journal(compactAfter: number): Promise<Journaled> {
  const dir = mkdtempSync(join(tmpdir(), 'journal-bench-'));
  const path = join(dir, 'journal.jsonl');
  try {
    const opened = await JournalFile.open(path, { warn: console.warn, compactAfter });
    const engine = opened.engine;
    engine.subscribe((events) => opened.journal.append(events, () => engine.snapshot()));
    const generator = new TrafficGenerator({ seed: 1, targetSessions: 500 });
    let sincePurge = 0;
    let peak = 0;
    while (engine.seq < EVENTS) {
      sincePurge += pump(engine, generator, BATCH).events;
      if (sincePurge >= PURGE_EVERY) {
        engine.execute({ verb: 'purge', before: Date.now(), origin: 'api' });
        sincePurge = 0;
      }
      // Lets the file's writes (and a compaction) run between batches, as the server's timers do.
      await new Promise((resolve) => setTimeout(resolve, 1));
      peak = Math.max(peak, statSync(path).size);
    }
    await opened.journal.close();
    const bytes = statSync(path).size;
    const started = performance.now();
    const reopened = await JournalFile.open(path, { warn: console.warn });
    const restoreMs = performance.now() - started;
    await reopened.journal.close();
    return {
      events: engine.seq,
      megabytes: bytes / 1e6,
      peakMegabytes: Math.max(peak, bytes) / 1e6,
      restoreMs,
      same: JSON.stringify(reopened.engine.snapshot()) === JSON.stringify(engine.snapshot()),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runJournalBench(): Promise<string[]> {
  const baseline = await journal(Number.POSITIVE_INFINITY);
  const compacted = await journal(COMPACT_AFTER);
  return [
    `journal: ${fmt(compacted.events)} events of traffic (baseline ${fmt(baseline.events)}), purged every ${fmt(PURGE_EVERY)}; baseline = never compacted`,
    smaller('journal file MB, at the end', compacted.megabytes, baseline.megabytes, 1),
    smaller('journal file MB, largest', compacted.peakMegabytes, baseline.peakMegabytes, 1),
    smaller('restore ms, at the end', compacted.restoreMs, baseline.restoreMs, 0),
    `${'restored the journaled state'.padEnd(34)} ${String(compacted.same).padStart(18)}  baseline ${String(baseline.same).padStart(18)}`,
  ];
}

/** A figure where less is better, against its baseline: the ratio says how many times less. */
function smaller(name: string, value: number, baseline: number, digits: number): string {
  return report(name, fmt(value, digits), fmt(baseline, digits), baseline / value, '');
}
