import type { ResourceInput } from '../resource';
import type { AddressClass } from './population';
import type { Random } from './random';
import { agent, digits, place } from './vocabulary';

/**
 * Redirect destinations per media (spec R). Each list holds the forms a real strategy would use for
 * that media, so nearly every redirect parses; `misaddressed` gives a form the media does not
 * support, the kind of script bug the inspector should show as a refused redirect (R2).
 */
type Draw = (random: Random) => ResourceInput;

const VOICE_GROUPS = ['sales_team', 'support_tier1', 'support_tier2', 'billing_team'];
const QUEUES = ['escalations', 'overflow', 'callbacks', 'vip'];
const WORKBINS = ['pending', 'follow_up', 'drafts'];
const SWITCHES = ['SIP_Switch', 'TServer_Main'];

/** Each entry: [weight, draw]. Weights are relative within a media. */
const BY_CLASS: Readonly<Record<AddressClass, readonly (readonly [number, Draw])[]>> = {
  voice: [
    [45, (r) => ({ type: 'A', agent: agent(r) })],
    [30, (r) => digits(r, '555', 7)],
    [10, (r) => ({ type: 'GA', agent: r.pick(VOICE_GROUPS) })],
    [10, (r) => ({ type: 'RP', dn: digits(r, '7', 4), switch: r.pick(SWITCHES) })],
    [5, (r) => ({ type: 'AP', place: place(r) })],
  ],
  sipChat: [
    [60, (r) => digits(r, '555', 7)],
    [40, (r) => ({ dn: digits(r, '7', 4), switch: 'SIP_Switch' })],
  ],
  multimedia: [
    [50, (r) => agent(r)],
    [25, (r) => ({ type: 'IQ', id: r.pick(QUEUES) })],
    [15, (r) => ({ type: 'A', agent: agent(r) })],
    [10, (r) => ({ type: 'WB', id: r.pick(WORKBINS), wb_type: 'A', wb_owner: agent(r) })],
  ],
  email: [
    [35, (r) => agent(r)],
    [25, () => ({ type: 'IQ', id: 'email_backlog' })],
    [15, () => '_origin'],
    [15, (r) => ({ type: 'WB', id: r.pick(WORKBINS), wb_type: 'A', wb_owner: agent(r) })],
    [10, (r) => ({ type: 'A', agent: agent(r) })],
  ],
};

const TOTALS = Object.fromEntries(
  Object.entries(BY_CLASS).map(([cls, entries]) => [cls, entries.reduce((sum, [weight]) => sum + weight, 0)]),
) as Record<AddressClass, number>;

export function destination(random: Random, address: AddressClass): ResourceInput {
  const entries = BY_CLASS[address];
  let left = random.next() * TOTALS[address];
  for (const [weight, draw] of entries) {
    left -= weight;
    if (left < 0) return draw(random);
  }
  return (entries[entries.length - 1] as readonly [number, Draw])[1](random);
}

/** A form the media does not support: an agent id string on voice, a voice group on multimedia. */
export function misaddressed(random: Random, address: AddressClass): ResourceInput {
  switch (address) {
    case 'voice':
    case 'sipChat':
      return agent(random);
    case 'email':
      return { type: 'GA', agent: random.pick(VOICE_GROUPS) };
    case 'multimedia':
      return random.chance(0.5) ? '_origin' : { type: 'GA', agent: random.pick(VOICE_GROUPS) };
  }
}
