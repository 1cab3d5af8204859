/**
 * `npm run replay -- FILE [--time MS] [--strategies DIR]`: runs JSON lines (FILE `-` for stdin)
 * headless on a fresh engine with the strategy runtime, and prints one JSON line per event, per
 * error and per event a strategy session received, then a summary per strategy session (the
 * line format: `replay-strategies.ts`, docs/strategies.md). Refused and malformed lines print an
 * error line and the run goes on; only input that cannot be read exits non-zero. The clock is
 * virtual: it starts at `--time MS` (default: now) and moves only by `{"advance": MS}` lines.
 * Documents are read from DIR (default `public/strategies`, the samples), never outside it.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { loadRealmFactory } from '../scxml/script/node-realms';
import { runStrategyLines } from './replay-strategies';
import { StrategyDirectory } from './strategy-directory';

const USAGE = 'usage: npm run replay -- FILE|- [--time MS] [--strategies DIR]';

async function main(argv: readonly string[]): Promise<number> {
  let file: string | undefined;
  let time: string | undefined;
  let dir: string | undefined;
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: { time: { type: 'string' }, strategies: { type: 'string' } },
      allowPositionals: true,
    });
    [file] = positionals;
    ({ time, strategies: dir } = values);
    if (positionals.length !== 1 || (time !== undefined && !/^\d+$/.test(time))) file = undefined;
  } catch {
    file = undefined;
  }
  if (file === undefined) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const input = file === '-' ? process.stdin : createReadStream(file, { encoding: 'utf8' });
  const lines: string[] = [];
  try {
    for await (const line of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY }))
      lines.push(line);
  } catch (error) {
    process.stderr.write(
      `replay: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  }
  let directory: StrategyDirectory;
  try {
    directory = await StrategyDirectory.open(dir ?? 'public/strategies');
  } catch (error) {
    process.stderr.write(`replay: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const options = {
    realms: await loadRealmFactory(),
    documents: directory.read,
    time: time === undefined ? Date.now() : Number(time),
  };
  for (const line of runStrategyLines(options, lines)) process.stdout.write(`${JSON.stringify(line)}\n`);
  return 0;
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
