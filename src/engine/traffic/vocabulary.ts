import type { Category, MediaName } from '../media';
import type { Udata } from '../model';
import type { Random } from './random';

/**
 * The words of a made-up contact center: queues, media, customers, agents. Kept apart from the
 * command logic so the demo can be given a different flavour without touching how traffic flows.
 */

/** Repeated names weigh the draw: most contacts are for sales and support. */
const QUEUES = [
  'sales',
  'sales',
  'sales',
  'support',
  'support',
  'support',
  'support',
  'billing',
  'billing',
  'retention',
];
const LANGS = ['en', 'en', 'en', 'en', 'fr', 'de', 'es', 'nl'];
const SEGMENTS = ['gold', 'silver', 'silver', 'bronze', 'bronze', 'bronze'];
const INTENTS = ['new-order', 'cancel', 'invoice', 'password-reset', 'upgrade', 'complaint', 'delivery'];
const SUBJECTS = ['Invoice question', 'Order not received', 'Change my plan', 'Complaint', 'Refund request'];
const STEPS = ['ivr.menu', 'ivr.identify', 'queue.wait', 'agent.greet', 'agent.wrapup', 'survey'];
const OUTCOMES = ['completed', 'completed', 'completed', 'abandoned', 'transferred', 'timeout'];

export const OUTBOUND_SRC = 'http://ors/strategies/outbound.scxml';

interface Arrival {
  readonly media: MediaName;
  /** Only set when it differs from the media's default (SIP Server chat). */
  readonly category?: Category;
}

/** Voice dominates a contact center; chat is next; e-mail trails. A few chats come over SIP. */
export function drawArrival(random: Random): Arrival {
  const r = random.next();
  if (r < 0.6) return { media: 'TMediaVoice' };
  if (r < 0.84) return { media: 'TMediaChat' };
  if (r < 0.87) return { media: 'TMediaChat', category: 'chat' };
  return { media: 'TMediaEMail' };
}

export function drawQueue(random: Random): string {
  return random.pick(QUEUES);
}

/** What the routing strategy learns first: who the customer is and the language they speak. */
export function drawArrivalUdata(random: Random, media: MediaName): Udata {
  const udata: Record<string, string | number | boolean> = {
    customer: `C-${1000 + random.int(9000)}`,
    lang: random.pick(LANGS),
  };
  if (random.chance(0.4)) udata.segment = random.pick(SEGMENTS);
  if (media === 'TMediaVoice') udata.ani = digits(random, '555', 7);
  else if (media === 'TMediaEMail') udata.subject = random.pick(SUBJECTS);
  else udata.page = random.pick(['/help', '/checkout', '/account', '/pricing']);
  return udata;
}

/** What a strategy writes while it routes: an intent, a priority, a step, a verification flag. */
export function drawUdataChange(random: Random): Udata {
  switch (random.int(5)) {
    case 0:
      return { intent: random.pick(INTENTS) };
    case 1:
      return { priority: 1 + random.int(9) };
    case 2:
      return { step: random.pick(STEPS) };
    case 3:
      return { verified: random.chance(0.7) };
    default:
      return { step: random.pick(STEPS), waited: random.int(600) };
  }
}

/** Keys a strategy clears again; `undefined` means every key (deleteuData without names). */
export function drawDeletedKeys(random: Random): string[] | undefined {
  if (random.chance(0.15)) return undefined;
  return [random.pick(['priority', 'step', 'waited', 'intent'])];
}

export function drawOutcome(random: Random): string {
  return random.pick(OUTCOMES);
}

export function agent(random: Random): string {
  return `agent${1 + random.int(250)}`;
}

export function place(random: Random): string {
  return `place${1 + random.int(250)}`;
}

/** A DN: a prefix and random digits up to `length` characters. */
export function digits(random: Random, prefix: string, length: number): string {
  let out = prefix;
  while (out.length < length) out += random.int(10);
  return out;
}
