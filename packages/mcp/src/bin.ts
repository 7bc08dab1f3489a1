#!/usr/bin/env node
/** wrikekit-mcp: serves until stdin closes (stdio) or SIGINT/SIGTERM (HTTP). */
import { CliUsageError, runCli, USAGE, type RunningServer } from "./cli.js";

const log = (line: string) => void process.stderr.write(`${line}\n`);

// Signals are handled from the start: one that comes while the server is still starting ends it cleanly too.
let running: Promise<RunningServer> | undefined;
const stop = () => void (running ?? Promise.resolve({ close: async () => {} })).then((server) => server.close()).finally(() => process.exit(0));
process.once("SIGINT", stop);
process.once("SIGTERM", stop);

try {
  running = runCli(process.argv.slice(2), { env: process.env, log, print: (text) => void process.stdout.write(`${text}\n`) });
  await running;
} catch (error) {
  log(`wrikekit-mcp: ${(error as Error).message}`);
  if (error instanceof CliUsageError) log(USAGE);
  process.exit(error instanceof CliUsageError ? 2 : 1);
}
