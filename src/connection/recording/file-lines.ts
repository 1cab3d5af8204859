import { RecordingError } from './recording-error';

const GZIP_MAGIC = [0x1f, 0x8b] as const;
/** How long the reader runs before it lets the page take a frame and input. */
const SLICE_MS = 30;

/** One line of a file's text and its 1-based number. */
export interface Line {
  readonly number: number;
  readonly text: string;
}

/**
 * The lines of a file, gunzipped if it starts as gzip, decoded as UTF-8, read as a stream: the
 * first lines are there before the rest is decompressed. Every SLICE_MS of work it yields to the
 * event loop, so a large file is read while the page goes on drawing. A bad gzip stream is
 * `badgzip`, bytes that are not UTF-8 `badjson`.
 */
export async function* fileLines(file: Blob | ReadableStream<Uint8Array<ArrayBuffer>>): AsyncGenerator<Line> {
  if (file instanceof Blob && file.size === 0) throw new RecordingError('empty', 'the file is empty');
  // A fetched body is read as it arrives: its first line is there long before its last byte.
  const source = (file instanceof Blob ? file.stream() : file).getReader();
  const first = await source.read();
  if (first.done === true) throw new RecordingError('empty', 'the file is empty');
  const gzip = first.value[0] === GZIP_MAGIC[0] && first.value[1] === GZIP_MAGIC[1];
  const bytes = again(first.value, source);
  const reader = (gzip ? bytes.pipeThrough(new DecompressionStream('gzip')) : bytes).getReader();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let carry = '';
  let number = 0;
  let since = performance.now();
  try {
    for (;;) {
      const chunk = await read(reader, gzip);
      const text = carry + decode(decoder, chunk);
      const lines = text.split('\n');
      carry = chunk === undefined ? '' : (lines.pop() ?? '');
      for (const line of lines) {
        number += 1;
        yield { number, text: line };
      }
      if (chunk === undefined) return;
      if (performance.now() - since > SLICE_MS) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        since = performance.now();
      }
    }
  } finally {
    reader.releaseLock();
  }
}

/** The stream `reader` reads, with `first` (read already to look at it) put back in front. */
function again(
  first: Uint8Array<ArrayBuffer>,
  reader: ReadableStreamDefaultReader<Uint8Array<ArrayBuffer>>,
): ReadableStream<Uint8Array<ArrayBuffer>> {
  let pending: Uint8Array<ArrayBuffer> | null = first;
  return new ReadableStream<Uint8Array<ArrayBuffer>>({
    async pull(controller) {
      if (pending !== null) {
        controller.enqueue(pending);
        pending = null;
        return;
      }
      const { value, done } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
  });
}

async function read(
  reader: ReadableStreamDefaultReader<Uint8Array<ArrayBuffer>>,
  gzip: boolean,
): Promise<Uint8Array | undefined> {
  try {
    const { value, done } = await reader.read();
    return done ? undefined : value;
  } catch (error) {
    if (!gzip) throw error;
    const why = error instanceof Error ? error.message : String(error);
    throw new RecordingError('badgzip', `it starts as gzip but does not decompress (${why})`);
  }
}

/** A chunk's text; at the end (no chunk), what the decoder still holds of a last character. */
function decode(decoder: TextDecoder, chunk: Uint8Array | undefined): string {
  try {
    return chunk === undefined ? decoder.decode() : decoder.decode(chunk, { stream: true });
  } catch {
    throw new RecordingError('badjson', 'it is not UTF-8 text (nor gzip)');
  }
}
