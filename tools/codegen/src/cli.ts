#!/usr/bin/env node
/** `wrikekit-codegen generate` writes the generated files; `check` fails when they differ from the spec's output. */
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { findDrift, generateAll, writeGenerated } from "./generate.js";
import { SpecError } from "./spec/load.js";

const repoRoot = process.env.WRIKEKIT_ROOT ?? join(fileURLToPath(import.meta.url), "../../../..");
const command = process.argv[2];

try {
  const started = performance.now();
  const files = generateAll(repoRoot);
  if (command === "generate") {
    writeGenerated(repoRoot, files);
    console.log(`generated ${files.length} files in ${Math.round(performance.now() - started)} ms`);
  } else if (command === "check") {
    const drift = findDrift(repoRoot, files);
    if (drift.length > 0) {
      console.error(`Generated files differ from what spec/ produces:\n${drift.map((d) => `  ${d}`).join("\n")}\nRun \`pnpm generate\` and commit the result.`);
      process.exit(1);
    }
    console.log(`generate:check: ${files.length} generated files match spec/`);
  } else {
    console.error("usage: wrikekit-codegen generate|check");
    process.exit(2);
  }
} catch (e) {
  if (e instanceof SpecError) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}
