#!/usr/bin/env node
/**
 * `pnpm test:deno`: @wrikekit/core and @wrikekit/client under Deno (the npm package `deno`, 2.9.6), from
 * their TypeScript sources as the deno.json workspace at the repository root maps them:
 *   1. no module on the path of any entry point imports a `node:` builtin (deno info);
 *   2. `deno check` of the entry points and the Deno tests;
 *   3. `deno test` of packages/{core,client}/test-deno (the WebCrypto fallback in a process of its own).
 * No remote module is loaded (--no-remote); the npm dependencies come from the npm registry into Deno's cache.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const deno = createRequire(import.meta.url).resolve("deno/bin.cjs", { paths: [root] });
const env = { ...process.env, DENO_NO_UPDATE_CHECK: "1", NO_COLOR: "1" };

const entries = [
  "packages/core/src/index.ts",
  "packages/core/src/runtime/index.ts",
  "packages/core/src/xml/index.ts",
  "packages/core/src/oauth1/index.ts",
  "packages/core/src/server/index.ts",
  "packages/client/src/index.ts",
  "packages/client/src/v2/index.ts",
  "packages/client/src/server.ts",
  "packages/client/src/v4/server.ts",
];
const tests = ["packages/core/test-deno/oauth1_test.ts", "packages/client/test-deno/client_test.ts"];
const isolatedTests = ["packages/core/test-deno/webcrypto_fallback_test.ts"];

function run(args, label) {
  console.log(`::: deno ${args.join(" ")}`);
  const result = spawnSync(process.execPath, [deno, ...args], { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`test:deno: ${label} failed`);
    process.exit(result.status ?? 1);
  }
}

console.log(`::: ${execFileSync(process.execPath, [deno, "--version"], { env, encoding: "utf8" }).split("\n")[0]}`);
for (const entry of entries) {
  const graph = JSON.parse(execFileSync(process.execPath, [deno, "info", "--json", "--no-remote", entry], { cwd: root, env, encoding: "utf8", maxBuffer: 64 << 20 }));
  const specifiers = graph.modules.map((m) => m.specifier);
  const offending = specifiers.filter((s) => !s.startsWith("file:") && !s.startsWith("npm:"));
  const deps = graph.modules.flatMap((m) => (m.dependencies ?? []).map((d) => d.specifier)).filter((s) => s.startsWith("node:"));
  if (offending.length > 0 || deps.length > 0) {
    console.error(`test:deno: ${entry} reaches ${[...offending, ...deps].join(", ")}`);
    process.exit(1);
  }
  console.log(`::: ${entry}: ${specifiers.length} modules, no node: import, npm: ${Object.keys(graph.npmPackages ?? {}).join(" ") || "none"}`);
}
run(["check", "--no-remote", ...entries, ...tests, ...isolatedTests], "deno check");
run(["test", "--no-remote", ...tests], "deno test");
run(["test", "--no-remote", ...isolatedTests], "deno test (WebCrypto fallback)");
console.log("test:deno: ok");
