#!/usr/bin/env node
/** wrikekit-mcp: serves until stdin closes (stdio) or SIGINT/SIGTERM (HTTP). */
import { CliUsageError, runCli, USAGE } from "./cli.js";

const log = (line: string) => void process.stderr.write(`${line}\n`);

try {
  const running = await runCli(process.argv.slice(2), { env: process.env, log });
  const stop = () => void running.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
} catch (error) {
  log(`wrikekit-mcp: ${(error as Error).message}`);
  if (error instanceof CliUsageError) log(USAGE);
  process.exit(error instanceof CliUsageError ? 2 : 1);
}
