import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STRATEGIES, parseCli } from './cli-options';

describe('npm run server flags and environment', () => {
  it('defaults to open local use on 127.0.0.1:3001, gentle traffic (running unless said: the server decides), no journal, the sample strategies', () => {
    expect(parseCli([], {})).toEqual({
      kind: 'run',
      options: {
        port: 3001,
        host: '127.0.0.1',
        traffic: { seed: 1, rate: 20 },
        journal: undefined,
        staticDir: undefined,
        strategies: DEFAULT_STRATEGIES,
        realmPool: 64,
        tokens: { operator: undefined, viewer: undefined },
      },
    });
    // The repository's samples, wherever the server is started from.
    expect(DEFAULT_STRATEGIES).toBe(join(process.cwd(), 'public', 'strategies'));
    expect(existsSync(DEFAULT_STRATEGIES)).toBe(true);
  });

  it('reads every flag, and each from its variable, a flag winning over its variable', () => {
    const argv = ['--port', '0', '--host', '0.0.0.0', '--seed', '7', '--rate', '500', '--traffic', 'off'];
    const flags = [
      ...argv,
      '--journal',
      'data/j.jsonl',
      '--operator-token',
      'op',
      '--viewer-token',
      'view',
      '--static',
      'dist',
      '--strategies',
      'mine',
      '--realm-pool',
      '0',
    ];
    const env = {
      ORS_PORT: '4000',
      ORS_HOST: '::1',
      ORS_SEED: '9',
      ORS_RATE: '30',
      ORS_TRAFFIC: 'on',
      ORS_JOURNAL: 'env.jsonl',
      ORS_OPERATOR_TOKEN: 'env-op',
      ORS_VIEWER_TOKEN: 'env-view',
      ORS_STATIC: 'build',
      ORS_STRATEGIES: 'env-strategies',
      ORS_REALM_POOL: '8',
    };
    const fromFlags = {
      port: 0,
      host: '0.0.0.0',
      traffic: { running: false, seed: 7, rate: 500 },
      journal: 'data/j.jsonl',
      staticDir: 'dist',
      strategies: 'mine',
      realmPool: 0,
      tokens: { operator: 'op', viewer: 'view' },
    };
    expect(parseCli(flags, env)).toEqual({ kind: 'run', options: fromFlags });
    expect(parseCli([], env)).toEqual({
      kind: 'run',
      options: {
        port: 4000,
        host: '::1',
        traffic: { running: true, seed: 9, rate: 30 },
        journal: 'env.jsonl',
        staticDir: 'build',
        strategies: 'env-strategies',
        realmPool: 8,
        tokens: { operator: 'env-op', viewer: 'env-view' },
      },
    });
  });

  it('says what is wrong with a bad flag', () => {
    const error = (argv: string[], env = {}) => {
      const cli = parseCli(argv, env);
      return cli.kind === 'error' ? cli.message : cli.kind;
    };
    expect(error(['--bogus'])).toBe("Unknown option '--bogus'");
    expect(error(['--port'])).toContain("'--port <value>' argument missing");
    expect(error(['extra'])).toContain("Unexpected argument 'extra'");
    expect(error(['--port', '70000'])).toBe('--port must be a whole number from 0 to 65535, got "70000"');
    expect(error([], { ORS_PORT: '3e3' })).toBe('--port must be a whole number from 0 to 65535, got "3e3"');
    expect(error(['--rate', '0'])).toBe('--rate must be a whole number from 1 to 10000, got "0"');
    expect(error(['--seed', '-1'])).toContain("'--seed'");
    expect(error(['--realm-pool', '2000'])).toBe(
      '--realm-pool must be a whole number from 0 to 1024, got "2000"',
    );
    expect(error(['--traffic', 'maybe'])).toBe('--traffic must be on or off, got "maybe"');
    expect(error(['--operator-token', 'same', '--viewer-token', 'same'])).toBe(
      'the operator and viewer tokens must differ',
    );
    expect(parseCli(['--help'], {})).toEqual({ kind: 'help' });
  });
});
