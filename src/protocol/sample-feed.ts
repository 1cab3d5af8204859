import type { EngineHost } from './host';
import type { HostMessage } from './messages';
import { type SamplesManifest, startSampleSessions } from './samples';

/** One arrival every 1.5 s: a handful of sample sessions alive at once, each easy to follow. */
export const SAMPLE_FEED_EVERY_MS = 1500;

/**
 * The default demo: interactions arriving on the sample strategies' queues, one queue after the
 * other, so the samples move them live. It is a client of the host, so it hears what every client
 * hears: the first change to the traffic controls (start, pause, rate...) means an operator has
 * taken over, and it stops; so does a reset (a new epoch is a world someone builds by hand).
 */
export class SampleFeed {
  private timer: ReturnType<typeof setInterval> | null = null;
  private arrivals = 0;
  private readonly epoch: string;
  private readonly client = {
    role: 'operator' as const,
    send: (message: HostMessage) => {
      if (message.kind === 'traffic') this.stop();
    },
  };

  constructor(
    private readonly host: EngineHost,
    private readonly queues: readonly string[],
    private readonly everyMs = SAMPLE_FEED_EVERY_MS,
  ) {
    this.epoch = host.epoch;
  }

  get running(): boolean {
    return this.timer !== null;
  }

  start(): void {
    if (this.timer !== null || this.queues.length === 0) return;
    this.host.connect(this.client);
    this.timer = setInterval(() => this.arrive(), this.everyMs);
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    this.host.disconnect(this.client);
  }

  private arrive(): void {
    if (this.host.epoch !== this.epoch) {
      this.stop();
      return;
    }
    const queue = this.queues[this.arrivals % this.queues.length] ?? '';
    this.arrivals += 1;
    this.host.current.execute({
      verb: 'arrive',
      media: 'TMediaVoice',
      queue,
      udata: { customer: `C-${1000 + this.arrivals}`, lang: 'en' },
      origin: 'traffic',
    });
  }
}

/**
 * Runs the samples on a host made with their setup: starts their long-running sessions, then the
 * feed. A session that cannot start is a configuration error, thrown naming it.
 */
export function runSamples(host: EngineHost, manifest: SamplesManifest, everyMs?: number): SampleFeed {
  const runtime = host.strategies;
  if (runtime === null) throw new Error('samples: the host runs no strategies');
  const started = startSampleSessions(runtime, manifest);
  if (!started.ok) throw new Error(`samples: ${started.error.field} ${started.error.reason}`);
  const feed = new SampleFeed(host, Object.keys(manifest.provisioning), everyMs);
  feed.start();
  return feed;
}
