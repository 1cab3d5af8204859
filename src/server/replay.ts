/**
 * `npm run replay -- FILE [--time MS]`: runs JSON-line commands (FILE `-` for stdin) on a fresh
 * engine and prints every event and every error as one JSON line, in order. Refused commands and
 * malformed lines print an error line and the run goes on; only input that cannot be read at all
 * exits non-zero. `--time MS` fixes the clock, for output that is the same on every run.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { Engine } from '../engine';
import { runJsonLines } from '../protocol/jsonl';

const USAGE = 'usage: npm run replay -- FILE|- [--time MS]';

async function main(argv: readonly string[]): Promise<number> {
  const [file, flag, value] = argv;
  if (file === undefined || (flag !== undefined && (flag !== '--time' || !/^\d+$/.test(value ?? '')))) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const time = flag === undefined ? undefined : Number(value);
  const engine = new Engine(time === undefined ? {} : { clock: () => time });
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
  for (const line of runJsonLines(engine, lines)) process.stdout.write(`${JSON.stringify(line)}\n`);
  return 0;
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
