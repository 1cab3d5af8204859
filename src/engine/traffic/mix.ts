import type { Verb } from '../commands';
import type { Population } from './population';
import type { Random } from './random';

/**
 * Which verb comes next. The weights are a feedback loop on the population, so traffic settles
 * around the target instead of drifting:
 * - sessions: arrivals (and outbound starts) fade out near the target, endings grow with the load;
 * - owned interactions: terminations grow with how many each session holds on average;
 * - unowned interactions: attaches grow with how many are waiting, so they cannot pile up.
 * A verb with nothing to act on weighs 0, so the chosen verb always has candidates.
 * Associate carries the largest fixed weight: moving interactions between sessions is what the
 * inspector exists to show.
 */
const MIX_VERBS = [
  'arrive',
  'startSession',
  'associate',
  'redirect',
  'setuData',
  'deleteuData',
  'detach',
  'attach',
  'terminate',
  'endSession',
] as const satisfies readonly Verb[];

export type MixVerb = (typeof MIX_VERBS)[number];

export class Mix {
  /** Reused on every draw: `next()` allocates nothing for the choice itself. */
  private readonly weights = new Float64Array(MIX_VERBS.length);

  constructor(private readonly target: number) {}

  choose(population: Population, random: Random): MixVerb {
    const total = this.weigh(population);
    let left = random.next() * total;
    for (let i = 0; i < MIX_VERBS.length; i++) {
      left -= this.weights[i] as number;
      if (left < 0 && (this.weights[i] as number) > 0) return MIX_VERBS[i] as MixVerb;
    }
    return 'arrive';
  }

  private weigh(population: Population): number {
    const running = population.running.size;
    const owned = population.owned.size;
    const unowned = population.unowned.size;
    const load = running / this.target;
    // Full while well below the target, fading from 5/6 of it to nothing at it: the target is a
    // ceiling the population approaches, not a level it swings around.
    const growth = Math.min(2, Math.max(0, 6 * (1 - load)));
    const perSession = running === 0 ? 0 : owned / running;
    const w = this.weights;
    w[0] = 10 * growth; // arrive: 20 on an empty engine, so it always gets traffic
    w[1] = 0.6 * growth; // startSession
    w[2] = owned > 0 && running > 1 ? 24 : 0; // associate
    w[3] = owned > 0 ? 12 : 0; // redirect
    w[4] = owned > 0 ? 9 : 0; // setuData
    w[5] = owned > 0 ? 1.5 : 0; // deleteuData
    w[6] = owned > 0 ? 2 : 0; // detach
    w[7] = unowned > 0 && running > 0 ? 2 + (40 * unowned) / this.target : 0; // attach
    w[8] = owned > 0 ? 8 * perSession : 0; // terminate
    // endSession: mostly sessions that own nothing; with none idle, now and then one that does (B6).
    w[9] = running > 0 ? (population.idle.size > 0 ? 9 : 1) * load * load : 0;
    let total = 0;
    for (let i = 0; i < w.length; i++) total += w[i] as number;
    return total;
  }
}
