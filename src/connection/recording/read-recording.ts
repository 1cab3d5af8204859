import type { z } from 'zod';
import { Engine, type EngineEvent } from '../../engine';
import { JournalLineError, JournalReader } from '../../protocol/journal-lines';
import { DEFAULT_TRAFFIC } from '../../protocol/messages';
import { RECORDING_FORMAT, RECORDING_VERSION, type Recording } from './recording';
import { RecordingError } from './recording-error';
import { envelopeSchema, eventData, headerSchema, snapshotSchema } from './schema';

const GZIP_MAGIC = [0x1f, 0x8b] as const;

/**
 * Reads a recording (docs/recordings.md) or a server's journal file, gzipped or not, whole: a file
 * that is wrong anywhere throws RecordingError naming the line and field, and nothing opens.
 */
export async function readRecording(file: Blob): Promise<Recording> {
  const text = decodeText(await gunzipped(file));
  const lines = text.split('\n');
  const first = lines.findIndex((line) => line.trim() !== '');
  if (first === -1) throw new RecordingError('empty', 'the file holds nothing');
  const head = parseLine(lines[first] ?? '', first + 1);
  if (isObject(head) && 'format' in head) return readExported(head, lines, first);
  if (isObject(head) && (head.type === 'epoch' || head.type === 'checkpoint')) return readJournal(lines);
  throw new RecordingError(
    'badformat',
    `is neither a recording's first line (format: ${RECORDING_FORMAT}) nor a journal's (type: epoch or checkpoint)`,
    { line: first + 1 },
  );
}

async function gunzipped(file: Blob): Promise<Uint8Array> {
  if (file.size === 0) throw new RecordingError('empty', 'the file is empty');
  const magic = new Uint8Array(await file.slice(0, 2).arrayBuffer());
  if (magic[0] !== GZIP_MAGIC[0] || magic[1] !== GZIP_MAGIC[1])
    return new Uint8Array(await file.arrayBuffer());
  try {
    const stream = file.stream().pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch (error) {
    throw new RecordingError('badgzip', `it starts as gzip but does not decompress (${message(error)})`);
  }
}

function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new RecordingError('badjson', 'it is not UTF-8 text (nor gzip)');
  }
}

function readExported(head: object, lines: readonly string[], at: number): Recording {
  const parsed = headerSchema.safeParse(head);
  if (!parsed.success) {
    const version = 'version' in head ? head.version : undefined;
    if (typeof version === 'number' && version !== RECORDING_VERSION)
      throw new RecordingError(
        'badversion',
        `version ${version} is not one this page reads (${RECORDING_VERSION})`,
        {
          line: at + 1,
          field: 'version',
        },
      );
    throw schemaError(parsed.error, at + 1);
  }
  const header = parsed.data;
  if (header.version !== RECORDING_VERSION)
    throw new RecordingError(
      'badversion',
      `version ${header.version} is not one this page reads (${RECORDING_VERSION})`,
      {
        line: at + 1,
        field: 'version',
      },
    );
  const events: EngineEvent[] = [];
  let expected = header.base.seq + 1;
  for (let index = at + 1; index < lines.length; index++) {
    const text = lines[index] ?? '';
    if (text.trim() === '') continue;
    const event = checkEvent(parseLine(text, index + 1), index + 1);
    if (event.seq !== expected)
      throw new RecordingError('badformat', `must be ${expected}: events follow the base without a gap`, {
        line: index + 1,
        field: 'seq',
      });
    events.push(event);
    expected += 1;
  }
  return {
    epoch: header.epoch,
    source: 'recording',
    exported: header.exported,
    traffic: { ...header.traffic, running: false },
    base: header.base,
    events,
    labels: header.labels,
  };
}

/** A server's journal file: its latest epoch, as the server would restore it. */
function readJournal(lines: readonly string[]): Recording {
  const reader = new JournalReader();
  lines.forEach((text, index) => {
    if (text.trim() === '') {
      reader.line(text);
      return;
    }
    const value = parseLine(text, index + 1);
    // Event lines are checked as events first: the reader checks only their order.
    if (isObject(value) && !('type' in value)) checkEvent(value, index + 1);
    else if (isObject(value) && value.type === 'checkpoint' && 'snapshot' in value) {
      const snapshot = snapshotSchema.safeParse(value.snapshot);
      if (!snapshot.success) throw schemaError(snapshot.error, index + 1, 'snapshot');
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
  });
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

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
