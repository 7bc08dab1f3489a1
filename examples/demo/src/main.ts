#!/usr/bin/env node
/** `pnpm demo [--api v4|v2] [--write]`: runs the story and exits non-zero with the error's message if anything fails. */
import { DemoUsageError, parseDemoArgs, USAGE } from "./args.js";
import { runDemo } from "./demo.js";

async function main(): Promise<void> {
  const args = parseDemoArgs(process.argv.slice(2));
  if (args.help) return void console.log(USAGE);
  await runDemo({ api: args.api, write: args.write });
}

main().catch((error: unknown) => {
  console.error(error instanceof DemoUsageError ? error.message : `\nThe demo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = error instanceof DemoUsageError ? 2 : 1;
});
