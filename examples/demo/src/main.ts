#!/usr/bin/env node
/** `pnpm demo [--api v4|v2] [--write]`: runs the story and exits non-zero with the error's message if anything fails. */
import { DemoUsageError, parseDemoArgs, USAGE } from "./args.js";
import { runDemo } from "./demo.js";
import { DemoInterrupted } from "./interrupt.js";

// The first Ctrl-C (or SIGTERM) stops the story and lets it clean up (a --write run deletes its scratch folder); a second one ends at once.
const interrupt = new AbortController();
const stop = () => {
  if (interrupt.signal.aborted) process.exit(130);
  console.error("\nInterrupted: cleaning up (Ctrl-C again to stop at once)");
  interrupt.abort();
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
// `pnpm demo --write | head`: once the reader has gone, printing fails (EPIPE). That must not end the process
// before the scratch folder is deleted: the story stops as on Ctrl-C, and what is left to say goes unsaid.
const outputClosed = () => {
  if (!interrupt.signal.aborted) interrupt.abort("its output was closed");
};
process.stdout.on("error", outputClosed);
process.stderr.on("error", outputClosed);

async function main(): Promise<void> {
  const args = parseDemoArgs(process.argv.slice(2));
  if (args.help) return void console.log(USAGE);
  await runDemo({ api: args.api, write: args.write, signal: interrupt.signal });
}

main().catch((error: unknown) => {
  console.error(error instanceof DemoUsageError ? error.message : `\nThe demo ${error instanceof DemoInterrupted ? "stopped" : "failed"}: ${error instanceof Error ? error.message : String(error)}`);
  // An interrupted story may leave calls in flight or waiting to retry: nothing of them is wanted now.
  if (error instanceof DemoInterrupted) process.exit(130);
  process.exitCode = error instanceof DemoUsageError ? 2 : 1;
});
