import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_TRAFFIC, TRAFFIC_RATE } from '../protocol/messages';
import { DEFAULT_HOST, DEFAULT_PORT, type ServerOptions } from './create-server';
import { DEFAULT_REALM_POOL } from './strategy-setup';

export const USAGE = `usage: npm run server -- [--port 3001] [--host 127.0.0.1] [--seed 1] [--rate 20] [--traffic on|off]
         [--journal FILE] [--operator-token TOKEN] [--viewer-token TOKEN] [--static DIR]
         [--strategies DIR] [--realm-pool 64]
Each flag may come from the environment instead: ORS_PORT, ORS_HOST, ORS_SEED, ORS_RATE, ORS_TRAFFIC,
ORS_JOURNAL, ORS_OPERATOR_TOKEN, ORS_VIEWER_TOKEN, ORS_STATIC, ORS_STRATEGIES, ORS_REALM_POOL (a flag wins
over its variable). --realm-pool N keeps N script realms made ahead in idle time (0: none).
Strategies are read from --strategies DIR only (default: the repository's public/strategies). When DIR
has a samples.json, its samples run fed by arrivals and random traffic starts paused unless --traffic on.
Without tokens every client is an operator; prefer the variables for tokens (flags show in ps).`;

/** Each flag and the environment variable that stands in for it. */
const FLAGS = {
  port: 'ORS_PORT',
  host: 'ORS_HOST',
  seed: 'ORS_SEED',
  rate: 'ORS_RATE',
  traffic: 'ORS_TRAFFIC',
  journal: 'ORS_JOURNAL',
  'operator-token': 'ORS_OPERATOR_TOKEN',
  'viewer-token': 'ORS_VIEWER_TOKEN',
  static: 'ORS_STATIC',
  strategies: 'ORS_STRATEGIES',
  'realm-pool': 'ORS_REALM_POOL',
} as const;

/** The sample strategies that ship with the repository. */
export const DEFAULT_STRATEGIES = fileURLToPath(new URL('../../public/strategies', import.meta.url));
type Flag = keyof typeof FLAGS;
/** About 72 MB of waiting realms (RSS, measured): more would only hold memory; a burst that large queues anyway. */
const MAX_REALM_POOL = 1024;

export type Cli =
  | { readonly kind: 'run'; readonly options: ServerOptions }
  | { readonly kind: 'help' }
  | { readonly kind: 'error'; readonly message: string };

class UsageError extends Error {}

/** Reads the server's options from flags and environment. Pure: no file is looked at here. */
export function parseCli(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Cli {
  try {
    return read(argv, env);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))
      return { kind: 'error', message: firstSentence((error as Error).message) };
    throw error;
  }
}

function read(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Cli {
  const flags = Object.fromEntries(Object.keys(FLAGS).map((flag) => [flag, { type: 'string' }])) as Record<
    Flag,
    { type: 'string' }
  >;
  const { values } = parseArgs({
    args: [...argv],
    options: { ...flags, help: { type: 'boolean', short: 'h' } },
    strict: true,
    allowPositionals: false,
  });
  if (values.help === true) return { kind: 'help' };
  const value = (flag: Flag): string | undefined => {
    const text = values[flag] ?? env[FLAGS[flag]];
    return text === '' ? undefined : text;
  };
  const operator = value('operator-token');
  const viewer = value('viewer-token');
  if (operator !== undefined && operator === viewer)
    throw new UsageError('the operator and viewer tokens must differ');
  const traffic = value('traffic');
  if (traffic !== undefined && traffic !== 'on' && traffic !== 'off')
    throw new UsageError(`--traffic must be on or off, got "${traffic}"`);
  const options: ServerOptions = {
    port: integer('port', value('port'), 0, 65_535) ?? DEFAULT_PORT,
    host: value('host') ?? DEFAULT_HOST,
    traffic: {
      // Unsaid, it depends on what runs: paused while the sample strategies run (create-server).
      ...(traffic === undefined ? {} : { running: traffic === 'on' }),
      seed: integer('seed', value('seed'), 0, 2 ** 32 - 1) ?? DEFAULT_TRAFFIC.seed,
      rate: integer('rate', value('rate'), TRAFFIC_RATE.min, TRAFFIC_RATE.max) ?? DEFAULT_TRAFFIC.rate,
    },
    journal: value('journal'),
    staticDir: value('static'),
    strategies: value('strategies') ?? DEFAULT_STRATEGIES,
    realmPool: integer('realm-pool', value('realm-pool'), 0, MAX_REALM_POOL) ?? DEFAULT_REALM_POOL,
    tokens: { operator, viewer },
  };
  return { kind: 'run', options };
}

function integer(flag: Flag, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const number = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(number >= min && number <= max))
    throw new UsageError(`--${flag} must be a whole number from ${min} to ${max}, got "${text}"`);
  return number;
}

/** Node's parseArgs messages go on with advice about `--`; the first sentence says it. */
function firstSentence(message: string): string {
  return message.split('. ')[0] ?? message;
}
