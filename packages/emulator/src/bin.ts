#!/usr/bin/env node
/** wrikekit-emulator: runs the emulator until SIGINT or SIGTERM, then saves the state file. */
import { CliUsageError, runCli, USAGE } from "./cli.js";
import type { EmulatorServer } from "./server.js";

function stopOnSignals(server: EmulatorServer): void {
  const shutdown = () => {
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`wrikekit-emulator: could not save the state: ${(error as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

try {
  await runCli(process.argv.slice(2), { print: (text) => process.stdout.write(`${text}\n`), onStarted: stopOnSignals });
} catch (error) {
  process.stderr.write(`wrikekit-emulator: ${(error as Error).message}\n`);
  if (error instanceof CliUsageError) process.stderr.write(`${USAGE}\n`);
  process.exit(error instanceof CliUsageError ? 2 : 1);
}
