import type { z } from 'zod';
import { Engine, type EngineEvent, type Snapshot } from '../../engine';
import { JournalLineError, JournalReader } from '../../protocol/journal-lines';
import { DEFAULT_TRAFFIC, type StrategyLabel, type TrafficStatus } from '../../protocol/messages';
import { fileLines, type Line } from './file-lines';
import { RECORDING_FORMAT, RECORDING_VERSION, type Recording } from './recording';
import { RecordingError } from './recording-error';
import { envelopeSchema, eventData, headerSchema, snapshotSchema } from './schema';

/** What to show of an exported recording as soon as its first line is read: its last state. */
export interface RecordingHead {
  readonly epoch: string;
  readonly traffic: TrafficStatus;
  /** The state its events follow. */
  readonly base: Snapshot;
  /** The state after its last event (what is live in it, in a file this page wrote). */
  readonly final: Snapshot;
  /** How many events follow the first line. */
  readonly events: number;
  readonly labels: readonly StrategyLabel[];
}

/** Where a recording's events go as they are read: checked, in order, in batches. */
export type EventSink = (events: readonly EngineEvent[]) => void;

/** Events a batch handed to an EventSink: a few milliseconds of the store's work each. */
const SINK_BATCH = 2_000;

export interface OpenedRecording {
  /** An exported recording's first line; null for a journal file, which has no final state up front. */
  readonly head: RecordingHead | null;
  /**
   * Reads the rest (call it once): every line checked, an exported recording's events handed to
   * `take` as they are read (a journal's are not: a later epoch in it may replace them), and the
   * whole recording at the end. Rejects with the first bad line's RecordingError.
   */
  readonly rest: (take?: EventSink) => Promise<Recording>;
}

/**
 * Reads a recording (docs/recordings.md) or a server's journal file, gzipped or not, whole: a file
 * that is wrong anywhere throws RecordingError naming the line and field.
 */
export async function readRecording(file: Blob): Promise<Recording> {
  return (await openRecording(file)).rest();
}

/**
 * Reads a file's first line, and the rest on the way: a recording's head is there to show while
 * its events are still being read and checked (`recording`).
 */
export async function openRecording(
  file: Blob | ReadableStream<Uint8Array<ArrayBuffer>>,
): Promise<OpenedRecording> {
  const lines = fileLines(file);
  let first = await lines.next();
  while (first.done !== true && first.value.text.trim() === '') first = await lines.next();
  if (first.done === true) throw new RecordingError('empty', 'the file holds nothing');
  const line = first.value;
  const value = parseLine(line.text, line.number);
  if (isObject(value) && 'format' in value) {
    const header = checkHeader(value, line.number);
    const { epoch, base, final, labels, events } = header;
    const traffic = { ...header.traffic, running: false };
    return {
      head: { epoch, traffic, base, final, labels, events },
      rest: (take) => readEvents(header, traffic, lines, line.number, take),
    };
  }
  if (isObject(value) && (value.type === 'epoch' || value.type === 'checkpoint'))
    return { head: null, rest: () => readJournal(line, value, lines) };
  throw new RecordingError(
    'badformat',
    `is neither a recording's first line (format: ${RECORDING_FORMAT}) nor a journal's (type: epoch or checkpoint)`,
    { line: line.number },
  );
}

type Header = z.infer<typeof headerSchema>;

function checkHeader(value: Record<string, unknown>, line: number): Header {
  const version = value.version;
  if (typeof version === 'number' && version !== RECORDING_VERSION)
    throw new RecordingError(
      'badversion',
      `version ${version} is not one this page reads (${RECORDING_VERSION})`,
      {
        line,
        field: 'version',
      },
    );
  const parsed = headerSchema.safeParse(value);
  if (!parsed.success) throw schemaError(parsed.error, line);
  return parsed.data;
}

async function readEvents(
  header: Header,
  traffic: TrafficStatus,
  lines: AsyncGenerator<Line>,
  headerLine: number,
  take: EventSink = () => {},
): Promise<Recording> {
  const events: EngineEvent[] = [];
  let taken = 0;
  let expected = header.base.seq + 1;
  for await (const { number, text } of lines) {
    if (text.trim() === '') continue;
    const event = checkEvent(parseLine(text, number), number);
    if (event.seq !== expected)
      throw new RecordingError('badformat', `must be ${expected}: events follow the base without a gap`, {
        line: number,
        field: 'seq',
      });
    events.push(event);
    expected += 1;
    if (events.length - taken === SINK_BATCH) {
      take(events.slice(taken));
      taken = events.length;
    }
  }
  if (events.length > taken) take(events.slice(taken));
  if (events.length !== header.events)
    throw new RecordingError('badformat', `must be the number of events that follow, ${events.length}`, {
      line: headerLine,
      field: 'events',
    });
  if (header.final.seq !== expected - 1)
    throw new RecordingError('badformat', `must be the last event's seq, ${expected - 1}`, {
      line: headerLine,
      field: 'final.seq',
    });
  return {
    epoch: header.epoch,
    source: 'recording',
    exported: header.exported,
    traffic,
    base: header.base,
    final: header.final,
    events,
    labels: header.labels,
  };
}

/** A server's journal file: its latest epoch, as the server would restore it. */
async function readJournal(first: Line, value: unknown, lines: AsyncGenerator<Line>): Promise<Recording> {
  const reader = new JournalReader();
  // Blank lines before the first are counted, so the reader numbers lines as the file does.
  for (let blank = 1; blank < first.number; blank++) reader.line('');
  take(reader, value, first.number);
  for await (const { number, text } of lines) {
    if (text.trim() === '') reader.line(text);
    else take(reader, parseLine(text, number), number);
  }
  const latest = reader.latest;
  if (latest === null) throw new RecordingError('empty', 'the journal holds no epoch');
  return {
    epoch: latest.epoch,
    source: 'journal',
    exported: null,
    traffic: { ...DEFAULT_TRAFFIC, running: false },
    base: latest.base ?? new Engine().snapshot(),
    events: latest.events,
    labels: [],
  };
}

/**
 * One journal line. An event is checked as an event first, a checkpoint's snapshot as a
 * snapshot; the journal's reader checks their order.
 */
function take(reader: JournalReader, value: unknown, line: number): void {
  if (isObject(value) && !('type' in value)) checkEvent(value, line);
  else if (isObject(value) && value.type === 'checkpoint' && 'snapshot' in value) {
    const snapshot = snapshotSchema.safeParse(value.snapshot);
    if (!snapshot.success) throw schemaError(snapshot.error, line, 'snapshot');
  }
  try {
    reader.value(value);
  } catch (error) {
    if (error instanceof JournalLineError)
      throw new RecordingError('badformat', `the journal's ${error.reason.replace(/^is/, 'line is')}`, {
        line: error.line,
      });
    throw error;
  }
}

/** An event line, checked: its envelope, then its data by its name. */
function checkEvent(value: unknown, line: number): EngineEvent {
  const envelope = envelopeSchema.safeParse(value);
  if (!envelope.success) throw schemaError(envelope.error, line);
  const data = eventData(envelope.data.name).safeParse(envelope.data.data);
  if (!data.success) throw schemaError(data.error, line, 'data');
  // Every field applyEvent and the views read is checked above; the rest is the engine's own form.
  return value as EngineEvent;
}

function parseLine(text: string, line: number): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new RecordingError('badjson', 'is not JSON', { line });
  }
}

function schemaError(error: z.ZodError, line: number, prefix?: string): RecordingError {
  const issue = error.issues[0];
  const path = [prefix, ...(issue?.path.map(String) ?? [])].filter((part) => part !== undefined).join('.');
  return new RecordingError('badformat', issue?.message ?? 'is not valid', { line, field: path });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
