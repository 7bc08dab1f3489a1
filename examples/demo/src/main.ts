#!/usr/bin/env node
/** `pnpm demo`: runs the walkthrough and exits non-zero with the error's message if anything fails. */
import { runDemo } from "./walkthrough.js";

runDemo().catch((error: unknown) => {
  console.error(`\nThe demo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
