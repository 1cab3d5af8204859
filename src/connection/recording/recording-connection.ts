import { Engine, type Snapshot } from '../../engine';
import { findHistory } from '../../protocol/history';
import type {
  History,
  HistoryQuery,
  StrategyInspection,
  TrafficStatus,
  WireResult,
} from '../../protocol/messages';
import { type Connection, ConnectionError, type ConnectionListener } from '../types';
import type { Recording } from './recording';
import { RecordingError } from './recording-error';

/** Events per call of the listener's `events`: the batches a host sends are as large. */
const BATCH = 10_000;

/**
 * A recording, opened read-only (docs/recordings.md): `start` reads it (a file, a URL) and gives
 * the listener its base snapshot and then its events, the way a host would; it is a viewer, and
 * every write is refused as `forbidden`. `history` and `snapshot` answer from the recording.
 */
export class RecordingConnection implements Connection {
  readonly kind = 'recording' as const;
  readonly role = 'viewer' as const;
  private listener: ConnectionListener | null = null;
  private recording: Recording | null = null;
  /** The recording replayed, made on the first question that needs it (history, snapshot). */
  private replayed: Engine | null = null;

  /** `name`: what the recording was read from (a file's name, a URL), for the page to show. */
  constructor(
    private readonly load: () => Promise<Recording>,
    readonly name = 'recording',
  ) {}

  async start(listener: ConnectionListener): Promise<void> {
    this.listener = listener;
    listener.status({ state: 'connecting' });
    let recording: Recording;
    try {
      recording = await this.load();
    } catch (error) {
      const refused = refusal(error);
      listener.status({ state: 'closed', reason: refused.reason });
      this.listener = null;
      throw refused;
    }
    if (this.listener !== listener)
      throw new ConnectionError('closed', 'connection', 'stopped while opening');
    this.recording = recording;
    listener.snapshot({ epoch: recording.epoch, snapshot: recording.base, traffic: recording.traffic });
    for (let start = 0; start < recording.events.length; start += BATCH)
      listener.events(recording.events.slice(start, start + BATCH));
    listener.status({ state: 'connected', role: this.role });
    if (recording.labels.length > 0) listener.strategies(recording.labels);
  }

  stop(): void {
    this.listener?.status({ state: 'closed', reason: 'stopped' });
    this.listener = null;
  }

  command(): Promise<WireResult> {
    return readOnly();
  }

  traffic(): Promise<TrafficStatus> {
    return readOnly();
  }

  reset(): Promise<void> {
    return readOnly();
  }

  provision(): Promise<{ readonly queue: string; readonly strategy: string }> {
    return readOnly();
  }

  async history(query: HistoryQuery): Promise<History> {
    const { engine, recording } = this.replay();
    const found = await findHistory(engine, recording.epoch, query, null);
    if ('code' in found) throw new ConnectionError(found.code, found.field, found.reason);
    return found;
  }

  /** A recording holds its strategy sessions' labels, not their statecharts. */
  async strategy(session: string): Promise<StrategyInspection> {
    const labelled = this.opened().labels.some((label) => label.session === session);
    throw new ConnectionError(
      'unknown',
      'session',
      labelled
        ? `the recording holds the states of ${session}'s strategy, not its statechart`
        : `no strategy session ${session} in the recording`,
    );
  }

  async snapshot(): Promise<Snapshot> {
    return this.replay().engine.snapshot();
  }

  private opened(): Recording {
    if (this.recording === null) throw new ConnectionError('closed', 'connection', 'no recording is open');
    return this.recording;
  }

  private replay(): { engine: Engine; recording: Recording } {
    const recording = this.opened();
    this.replayed ??= Engine.replay(recording.events, {}, recording.base);
    return { engine: this.replayed, recording };
  }
}

function readOnly(): Promise<never> {
  return Promise.reject(
    new ConnectionError('forbidden', 'type', 'a recording is read-only: nothing was sent'),
  );
}

/** What failed to open, as the connection's error: a bad file keeps its code, line and field. */
function refusal(error: unknown): ConnectionError {
  if (error instanceof RecordingError)
    return new ConnectionError(error.code, error.where.field ?? 'recording', error.message);
  if (error instanceof ConnectionError) return error;
  return new ConnectionError(
    'badrecording',
    'recording',
    error instanceof Error ? error.message : String(error),
  );
}
