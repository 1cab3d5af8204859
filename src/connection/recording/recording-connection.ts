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
import { afterPaint } from './after-paint';
import type { OpenedRecording } from './read-recording';
import type { Recording } from './recording';
import { RecordingError } from './recording-error';

/** Events per call of the listener's `events`: the batches a host sends are as large. */
const BATCH = 10_000;

/**
 * From this many events on, a recording's final state is shown first: reading and checking a
 * million events takes seconds, its first line a few milliseconds.
 */
export const HEAD_FIRST = 50_000;

/**
 * A recording, opened read-only (docs/recordings.md): `start` reads it (a file, a URL) and gives
 * the listener its base snapshot and then its events, the way a host would; it is a viewer, and
 * every write is refused as `forbidden`. `history` and `snapshot` answer from the recording.
 */
export class RecordingConnection implements Connection {
  readonly kind = 'recording' as const;
  readonly role = 'viewer' as const;
  private listener: ConnectionListener | null = null;
  /** The whole recording, once `start` has opened it (a long one is still being read). */
  private whole: Promise<Recording> | null = null;
  private loaded: Promise<void> = Promise.resolve();
  /** The recording replayed, made on the first question that needs it (history, snapshot). */
  private replayed: Engine | null = null;

  /** `name`: what the recording was read from (a file's name, a URL), for the page to show. */
  constructor(
    /** A file read whole (a Recording), or one opened by its first line (`openRecording`). */
    private readonly load: () => Promise<OpenedRecording | Recording>,
    readonly name = 'recording',
  ) {}

  /**
   * Reads the recording and gives it to the listener: its base snapshot, its events, then
   * `connected`. A long one (HEAD_FIRST events or more) shows its final state first, from its
   * first line, and is `connected` at once, its base following before `start` returns (marked to
   * fill the record in behind the state on screen); once that frame is drawn, its events follow
   * as they are read and checked.
   */
  async start(listener: ConnectionListener): Promise<void> {
    this.listener = listener;
    listener.status({ state: 'connecting' });
    let opened: OpenedRecording;
    try {
      const loaded = await this.load();
      opened = 'head' in loaded ? loaded : openedWhole(loaded);
    } catch (error) {
      throw this.refuse(listener, error);
    }
    if (this.listener !== listener)
      throw new ConnectionError('closed', 'connection', 'stopped while opening');
    const head = opened.head;
    if (head === null || head.events < HEAD_FIRST) {
      this.whole = opened.rest();
      try {
        await this.deliver(listener, await this.whole);
      } catch (error) {
        throw this.refuse(listener, error);
      }
      return;
    }
    listener.snapshot({ epoch: head.epoch, snapshot: head.final, traffic: head.traffic });
    listener.status({ state: 'connected', role: this.role });
    if (head.labels.length > 0) listener.strategies(head.labels);
    // Before `start` returns, so the page's record already starts at the base: a link's seq
    // between base and final is then one still to come, waited for, not one from before it.
    listener.snapshot({
      epoch: head.epoch,
      snapshot: head.base,
      traffic: head.traffic,
      fillTo: head.final.seq,
    });
    this.whole = this.fill(listener, opened);
    this.loaded = this.whole.then(
      (recording) => {
        // The record's present gets the labels too, now that it has reached the final state.
        if (this.listener === listener && recording.labels.length > 0) listener.strategies(recording.labels);
      },
      (error: unknown) => {
        throw this.listener === listener ? this.refuse(listener, error) : refusal(error);
      },
    );
    // Its failure is told to the listener (closed, with the reason); `loaded` is for who asks.
    this.loaded.catch(() => {});
  }

  /**
   * A long recording's events, behind its final state on screen: read once that state is drawn,
   * so the first frame does not wait for the reading, then handed on as they are read.
   */
  private async fill(listener: ConnectionListener, opened: OpenedRecording): Promise<Recording> {
    await afterPaint();
    if (this.listener !== listener)
      throw new ConnectionError('closed', 'connection', 'stopped while opening');
    // Stopped while reading: the rest of the file is not read for nobody.
    return opened.rest((events) => {
      if (this.listener !== listener)
        throw new ConnectionError('closed', 'connection', 'stopped while reading');
      listener.events(events);
    });
  }

  /** Settles once every event is read and given to the listener; rejects with why it did not open. */
  get read(): Promise<void> {
    return this.loaded;
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
    const { engine, recording } = await this.replay();
    const found = await findHistory(engine, recording.epoch, query, null);
    if ('code' in found) throw new ConnectionError(found.code, found.field, found.reason);
    return found;
  }

  /** A recording holds its strategy sessions' labels, not their statecharts. */
  async strategy(session: string): Promise<StrategyInspection> {
    const labelled = (await this.opened()).labels.some((label) => label.session === session);
    throw new ConnectionError(
      'unknown',
      'session',
      labelled
        ? `the recording holds the states of ${session}'s strategy, not its statechart`
        : `no strategy session ${session} in the recording`,
    );
  }

  async snapshot(): Promise<Snapshot> {
    return (await this.replay()).engine.snapshot();
  }

  /**
   * The listener's part: the base, the events in batches (a frame drawn between two, so the page
   * takes them a batch at a time), then `connected`.
   */
  private async deliver(listener: ConnectionListener, recording: Recording): Promise<void> {
    listener.snapshot({ epoch: recording.epoch, snapshot: recording.base, traffic: recording.traffic });
    for (let start = 0; start < recording.events.length; start += BATCH) {
      if (start > 0) await afterPaint();
      if (this.listener !== listener)
        throw new ConnectionError('closed', 'connection', 'stopped while opening');
      listener.events(recording.events.slice(start, start + BATCH));
    }
    listener.status({ state: 'connected', role: this.role });
    if (recording.labels.length > 0) listener.strategies(recording.labels);
  }

  private refuse(listener: ConnectionListener, error: unknown): ConnectionError {
    const refused = refusal(error);
    listener.status({ state: 'closed', reason: refused.reason });
    this.listener = null;
    return refused;
  }

  private opened(): Promise<Recording> {
    if (this.whole === null) throw new ConnectionError('closed', 'connection', 'no recording is open');
    return this.whole.catch((error: unknown) => {
      throw refusal(error);
    });
  }

  private async replay(): Promise<{ engine: Engine; recording: Recording }> {
    const recording = await this.opened();
    this.replayed ??= Engine.replay(recording.events, {}, recording.base);
    return { engine: this.replayed, recording };
  }
}

/**
 * A recording read whole (a picked file), opened as a streamed one is: by its final state first
 * when its header gave one, its events then handed over a batch a frame.
 */
function openedWhole(recording: Recording): OpenedRecording {
  const { epoch, traffic, base, final, labels, events } = recording;
  return {
    head: final === undefined ? null : { epoch, traffic, base, final, labels, events: events.length },
    rest: async (take) => {
      for (let start = 0; take !== undefined && start < events.length; start += BATCH) {
        if (start > 0) await afterPaint();
        take(events.slice(start, start + BATCH));
      }
      return recording;
    },
  };
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
