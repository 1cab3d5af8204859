import type { CommandOf } from '../commands';
import type { MixVerb } from './mix';
import type { Population } from './population';
import type { Random } from './random';
import { destination, misaddressed } from './resources';
import {
  drawArrival,
  drawArrivalUdata,
  drawDeletedKeys,
  drawOutcome,
  drawQueue,
  drawUdataChange,
  OUTBOUND_SRC,
} from './vocabulary';

/**
 * One builder a verb: each turns the population into a concrete command in O(1). The mix only
 * chooses a verb when it has candidates, so builders may assume the sets they pick from are not
 * empty. A few draws are deliberately wrong (a stale attach, a misaddressed redirect): real
 * strategies make those mistakes, and the inspector should have refusals to show.
 */
export interface BuildContext {
  readonly random: Random;
  readonly population: Population;
}

const ORIGIN = 'traffic' as const;

/** Share of redirects sent to a form the media does not support (refused, R2). */
const MISADDRESSED = 0.02;
/** Share of attaches aimed at an interaction someone already owns (refused, I1). */
const STALE_ATTACH = 0.02;
/** Share of endings that pick any running session, owning or not (B6 releases what it owned). */
const END_ANY = 0.06;

export function arrive({ random }: BuildContext): CommandOf<'arrive'> {
  const { media, category } = drawArrival(random);
  const queue = drawQueue(random);
  const udata = drawArrivalUdata(random, media);
  return category === undefined
    ? { verb: 'arrive', origin: ORIGIN, media, queue, udata }
    : { verb: 'arrive', origin: ORIGIN, media, category, queue, udata };
}

export function startSession(_: BuildContext): CommandOf<'startSession'> {
  return { verb: 'startSession', origin: ORIGIN, src: OUTBOUND_SRC };
}

/** The owner hands an interaction to another running session (A1). */
export function associate({ random, population }: BuildContext): CommandOf<'associate'> {
  const interactionid = population.owned.pick(random);
  const session = population.ownerOf(interactionid) as string;
  let sessionid = population.running.pick(random);
  // A couple of redraws make a self-associate (refused) rare without a loop that could spin.
  for (let i = 0; i < 2 && sessionid === session; i++) sessionid = population.running.pick(random);
  return { verb: 'associate', origin: ORIGIN, session, interactionid, sessionid };
}

export function redirect({ random, population }: BuildContext): CommandOf<'redirect'> {
  const interactionid = population.owned.pick(random);
  const session = population.ownerOf(interactionid) as string;
  const address = population.addressOf(interactionid);
  const to = random.chance(MISADDRESSED) ? misaddressed(random, address) : destination(random, address);
  return random.chance(0.15)
    ? { verb: 'redirect', origin: ORIGIN, session, interactionid, to, detach: true }
    : { verb: 'redirect', origin: ORIGIN, session, interactionid, to };
}

export function setuData({ random, population }: BuildContext): CommandOf<'setuData'> {
  const interactionid = population.owned.pick(random);
  const session = population.ownerOf(interactionid) as string;
  return { verb: 'setuData', origin: ORIGIN, session, interactionid, udata: drawUdataChange(random) };
}

export function deleteuData({ random, population }: BuildContext): CommandOf<'deleteuData'> {
  const interactionid = population.owned.pick(random);
  const session = population.ownerOf(interactionid) as string;
  const keys = drawDeletedKeys(random);
  return keys === undefined
    ? { verb: 'deleteuData', origin: ORIGIN, session, interactionid }
    : { verb: 'deleteuData', origin: ORIGIN, session, interactionid, keys };
}

export function detach({ random, population }: BuildContext): CommandOf<'detach'> {
  const interactionid = population.owned.pick(random);
  const session = population.ownerOf(interactionid) as string;
  return { verb: 'detach', origin: ORIGIN, session, interactionid };
}

/** A running session takes a waiting, unowned interaction (I1). */
export function attach({ random, population }: BuildContext): CommandOf<'attach'> {
  const stale = population.owned.size > 0 && random.chance(STALE_ATTACH);
  const interactionid = stale ? population.owned.pick(random) : population.unowned.pick(random);
  const session = population.running.pick(random);
  return { verb: 'attach', origin: ORIGIN, session, interactionid };
}

export function terminate({ random, population }: BuildContext): CommandOf<'terminate'> {
  const interactionid = population.owned.pick(random);
  const session = population.ownerOf(interactionid) as string;
  return { verb: 'terminate', origin: ORIGIN, session, interactionid, reason: drawOutcome(random) };
}

export function endSession({ random, population }: BuildContext): CommandOf<'endSession'> {
  const anyone = population.idle.size === 0 || random.chance(END_ANY);
  const session = anyone ? population.running.pick(random) : population.idle.pick(random);
  const reason = random.chance(0.9) ? 'done.scxml' : 'terminated';
  return { verb: 'endSession', origin: ORIGIN, session, reason };
}

/** One builder a verb the mix can choose; the mapped type makes a missing builder a type error. */
export const BUILDERS: { readonly [V in MixVerb]: (ctx: BuildContext) => CommandOf<V> } = {
  arrive,
  startSession,
  associate,
  redirect,
  setuData,
  deleteuData,
  detach,
  attach,
  terminate,
  endSession,
};
