#!/usr/bin/env node
/** wrikekit-emulator: runs the emulator until SIGINT or SIGTERM, then saves the state file. */
import { readFileSync } from "node:fs";
import { CliUsageError, runCli, USAGE } from "./cli.js";
import type { EmulatorServer } from "./server.js";

/**
 * Ctrl-C under `pnpm emulator` delivers SIGINT twice (the terminal signals the whole process group, and pnpm
 * forwards it): every signal after the first is ignored while the state is saved, so that the process
 * exits 0 rather than being killed half-way (which pnpm would report as ELIFECYCLE).
 */
function stopOnSignals(server: EmulatorServer): void {
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`wrikekit-emulator: could not save the state: ${(error as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

try {
  // The package's own package.json, one folder above dist/ (and src/), shipped in every tarball.
  const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
  await runCli(process.argv.slice(2), { print: (text) => process.stdout.write(`${text}\n`), version, onStarted: stopOnSignals });
} catch (error) {
  process.stderr.write(`wrikekit-emulator: ${(error as Error).message}\n`);
  if (error instanceof CliUsageError) process.stderr.write(`${USAGE}\n`);
  process.exit(error instanceof CliUsageError ? 2 : 1);
}
