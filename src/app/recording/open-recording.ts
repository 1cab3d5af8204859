import { RecordingConnection } from '../../connection/recording/recording-connection';
import { type Connection, ConnectionError } from '../../connection/types';
import type { InspectorStore } from '../../store/store';
import { fetchRecording } from './recording-files';

/**
 * The connection `?recording=URL` asks for (docs/recordings.md), or null without one. The URL may
 * be relative to the page; one that is no http(s) URL is named in `problems` and left out.
 */
export function linkedRecording(url: URL, problems: string[]): RecordingConnection | null {
  const raw = url.searchParams.get('recording');
  if (raw === null) return null;
  let target: URL;
  try {
    target = new URL(raw, url);
  } catch {
    problems.push(`recording is not a URL: '${raw.slice(0, 80)}'`);
    return null;
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    problems.push(`recording must be an http(s) URL, got '${raw.slice(0, 80)}'`);
    return null;
  }
  return new RecordingConnection(
    () => fetchRecording(target.href),
    target.pathname.split('/').pop() || target.href,
  );
}

/** The name of the recording a connection reads, or null for a live engine. */
export function recordingName(connection: Connection): string | null {
  return connection instanceof RecordingConnection ? connection.name : null;
}

/**
 * Tells the user, in a toast, why a recording did not open (its status says so too): at start,
 * or, for a long one shown by its final state first, once its events were read.
 */
export function reportFailedRecording(
  store: InspectorStore,
  connection: Connection,
  ready: Promise<unknown>,
): void {
  if (!(connection instanceof RecordingConnection)) return;
  const report = (error: unknown) => {
    const reason = error instanceof ConnectionError ? error.reason : String(error);
    store
      .getState()
      .toast({ tone: 'error', title: 'Recording', text: `${connection.name} does not open: ${reason}` });
  };
  ready.then(() => connection.read.catch(report), report);
}
