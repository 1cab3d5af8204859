import { type OpenedRecording, openRecording } from '../../connection/recording/read-recording';
import { RecordingError } from '../../connection/recording/recording-error';

/**
 * Names a dropped file is taken as a recording by: an export (`.json.gz`), a server's journal
 * (`.jsonl`, gzipped or not) or either as `.json`/`.gz`. Anything else (a `.scxml`) is left to
 * the Strategies menu.
 */
const RECORDING_NAME = /\.(json|jsonl|ndjson|gz)$/i;

export function isRecordingName(name: string): boolean {
  return RECORDING_NAME.test(name);
}

/**
 * Fetches `?recording=URL` and opens it by its first line (the rest is read after); a failed
 * fetch is a RecordingError `badfetch`.
 */
export async function fetchRecording(url: string): Promise<OpenedRecording> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new RecordingError(
      'badfetch',
      `cannot fetch ${url} (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  if (!response.ok)
    throw new RecordingError('badfetch', `${url} answered ${response.status} ${response.statusText}`);
  // Read as it arrives: a long recording's first line is shown before the rest has come.
  return openRecording(response.body ?? (await response.blob()));
}

/** Hands `blob` to the browser as a download named `name`. */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // The download has its own copy once started; the URL is only needed for the click.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
