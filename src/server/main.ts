/**
 * `npm run server -- [flags]`: the remote engine (docs/server.md). Exits 2 on a bad flag, 1 when
 * it cannot start (port taken, unreadable journal, no app to serve), 0 after SIGINT or SIGTERM,
 * once the journal is flushed.
 */
import { parseCli, USAGE } from './cli-options';
import { createServer } from './create-server';

async function main(): Promise<number> {
  const cli = parseCli(process.argv.slice(2), process.env);
  if (cli.kind === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (cli.kind === 'error') {
    process.stderr.write(`server: ${cli.message}\n${USAGE}\n`);
    return 2;
  }
  const { options } = cli;
  let server: Awaited<ReturnType<typeof createServer>>;
  try {
    server = await createServer(options);
  } catch (error) {
    process.stderr.write(`server: cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const tokens = options.tokens?.operator !== undefined || options.tokens?.viewer !== undefined;
  process.stdout.write(
    `ors-inspector engine on ${server.address.url} (pid ${process.pid}, seq ${server.host.seq}, ` +
      `${options.journal === undefined ? 'no journal' : `journal ${options.journal}`}, ` +
      `${tokens ? 'tokens required' : 'open: every client is an operator'}` +
      `${options.staticDir === undefined ? '' : `, serving ${options.staticDir}`}` +
      `${options.strategies === undefined ? '' : `, strategies from ${options.strategies}`})\n`,
  );
  return new Promise<number>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.stdout.write(`server: ${signal}, stopping\n`);
      server.close().then(
        () => resolve(0),
        (error: unknown) => {
          process.stderr.write(`server: unclean stop: ${error instanceof Error ? error.message : error}\n`);
          resolve(1);
        },
      );
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

main().then((code) => {
  process.exit(code);
});
