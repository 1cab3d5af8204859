import type { Command } from '../commands';
import type { EngineEvent } from '../events';
import type { Snapshot } from '../snapshot';
import { BUILDERS, type BuildContext } from './build';
import { Mix } from './mix';
import { Population } from './population';
import { Random } from './random';

export interface TrafficOptions {
  seed: number;
  /** upper bound on running sessions the generator aims for, default 60 */
  targetSessions?: number;
}

const DEFAULT_TARGET_SESSIONS = 60;

export interface TrafficStats {
  readonly running: number;
  readonly idle: number;
  readonly owned: number;
  readonly unowned: number;
}

/**
 * Seeded contact-center traffic. Its only inputs are the seed and the events it is fed, so the same
 * seed fed the same events gives the same commands (no clock, no Math.random). It never reads the
 * engine: the population it picks from is built from events, which is what keeps `next()` O(1) on
 * an engine holding thousands of sessions.
 */
export class TrafficGenerator {
  private readonly random: Random;
  private readonly population = new Population();
  private readonly mix: Mix;
  private readonly ctx: BuildContext;

  constructor(options: TrafficOptions) {
    if (!Number.isFinite(options.seed))
      throw new RangeError(`seed must be a finite number, got ${options.seed}`);
    const target = options.targetSessions ?? DEFAULT_TARGET_SESSIONS;
    if (!Number.isFinite(target) || target < 1) {
      throw new RangeError(`targetSessions must be at least 1, got ${target}`);
    }
    this.random = new Random(options.seed);
    this.mix = new Mix(target);
    this.ctx = { random: this.random, population: this.population };
  }

  /**
   * Feed it every event the engine journals, in order (engine.subscribe(events => gen.observe(events))).
   * Events it has already seen (by `seq`) are skipped, so `pump` may feed them again safely. One
   * generator follows one engine: events of another engine, with lower `seq`, would be ignored.
   */
  observe(events: readonly EngineEvent[]): void {
    this.population.observe(events);
  }

  /** Picks up from a snapshot: for an engine that did not start empty. Call before observing. */
  load(snapshot: Snapshot): void {
    this.population.load(snapshot);
  }

  /** The next command to run; always typed `Command` with origin 'traffic'. */
  next(): Command {
    return BUILDERS[this.mix.choose(this.population, this.random)](this.ctx);
  }

  /** What the generator believes is alive: for a demo's status line and for tests. */
  get stats(): TrafficStats {
    const { running, idle, owned, unowned } = this.population;
    return { running: running.size, idle: idle.size, owned: owned.size, unowned: unowned.size };
  }
}
