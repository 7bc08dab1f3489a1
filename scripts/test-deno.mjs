#!/usr/bin/env node
/**
 * `pnpm test:deno`: the packages of the deno.json workspace at the repository root (core, client, webhooks)
 * under Deno (the npm package `deno`, 2.9.6), from their TypeScript sources:
 *   1. each package's deno.json exports the entries and version its package.json does (JSR gets what npm gets);
 *   2. no module on the path of any entry imports a `node:` builtin (deno info), the Node adapters excepted;
 *   3. `deno check` of every entry, every Deno test and every README block marked ```ts deno;
 *   4. `deno publish --dry-run` (what `pnpm lint:jsr` runs): JSR's checks, slow types among them;
 *   5. `deno test` of packages/<name>/test-deno (the WebCrypto fallback in a process of its own), with
 *      network access to 127.0.0.1 only (the tests' fake Wrike servers).
 * No remote module is loaded (--no-remote); the npm dependencies come from the npm registry into Deno's cache.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const deno = createRequire(import.meta.url).resolve("deno/bin.cjs", { paths: [root] });
const env = { ...process.env, DENO_NO_UPDATE_CHECK: "1", NO_COLOR: "1" };
const readJson = (path) => JSON.parse(readFileSync(join(root, path), "utf8"));

/** Entries written for Node (http/Express adapters): they import node: builtins, which Deno provides. */
const NODE_ADAPTERS = new Set(["@wrikekit/webhooks/node"]);
/** Replaces globalThis.process for its whole run, so it runs alone. */
const ISOLATED_TEST = "packages/core/test-deno/webcrypto_fallback_test.ts";

function fail(message) {
  console.error(`test:deno: ${message}`);
  process.exit(1);
}

function run(args, label) {
  console.log(`::: deno ${args.join(" ")}`);
  const result = spawnSync(process.execPath, [deno, ...args], { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) fail(`${label} failed`);
}

/** Every export of every workspace member, as `{ name: "@wrikekit/client/v2", file: "packages/client/src/v2/index.ts" }`. */
function workspaceEntries() {
  return readJson("deno.json").workspace.flatMap((member) => {
    const dir = member.replace(/^\.\//, "");
    const denoJson = readJson(`${dir}/deno.json`);
    const packageJson = readJson(`${dir}/package.json`);
    const npmExports = Object.keys(packageJson.exports).filter((key) => key !== "./package.json");
    const jsrExports = Object.keys(denoJson.exports);
    const missing = npmExports.filter((key) => !jsrExports.includes(key));
    const extra = jsrExports.filter((key) => !npmExports.includes(key));
    if (missing.length > 0 || extra.length > 0) fail(`${dir}/deno.json exports ${[...missing.map((k) => `lack ${k}`), ...extra.map((k) => `add ${k}`)].join(", ")} compared with its package.json: make them the same entries`);
    if (denoJson.name !== packageJson.name || denoJson.version !== packageJson.version)
      fail(`${dir}/deno.json is ${denoJson.name}@${denoJson.version} but its package.json ${packageJson.name}@${packageJson.version}: copy the name and version over`);
    return Object.entries(denoJson.exports).map(([key, file]) => {
      const path = join(dir, file);
      if (!existsSync(join(root, path))) fail(`${dir}/deno.json exports ${key} as ${file}, which does not exist`);
      return { name: packageJson.name + key.slice(1), file: path };
    });
  });
}

/** The ```ts deno blocks of the package READMEs, written as modules under tmp/ (inside the workspace, so its names resolve). */
function readmeSnippets(members) {
  const outDir = join(root, "tmp/deno-readme-snippets");
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  return members.flatMap((dir) => {
    const readme = readFileSync(join(root, dir, "README.md"), "utf8");
    return [...readme.matchAll(/^```ts deno\n([\s\S]*?)^```$/gm)].map((match) => {
      const line = readme.slice(0, match.index).split("\n").length + 1;
      const file = join(outDir, `${dir.replace(/\//g, "-")}-${line}.ts`);
      writeFileSync(file, `${match[1]}export {};\n`);
      return file;
    });
  });
}

console.log(`::: ${execFileSync(process.execPath, [deno, "--version"], { env, encoding: "utf8" }).split("\n")[0]}`);
const members = readJson("deno.json").workspace.map((member) => member.replace(/^\.\//, ""));
const entries = workspaceEntries();
for (const { name, file } of entries) {
  const graph = JSON.parse(execFileSync(process.execPath, [deno, "info", "--json", "--no-remote", file], { cwd: root, env, encoding: "utf8", maxBuffer: 64 << 20 }));
  const specifiers = graph.modules.map((m) => m.specifier);
  const offending = specifiers.filter((s) => !s.startsWith("file:") && !s.startsWith("npm:") && !(NODE_ADAPTERS.has(name) && s.startsWith("node:")));
  const nodeImports = NODE_ADAPTERS.has(name) ? [] : graph.modules.flatMap((m) => (m.dependencies ?? []).map((d) => d.specifier)).filter((s) => s.startsWith("node:"));
  if (offending.length > 0 || nodeImports.length > 0) fail(`${name} (${file}) reaches ${[...offending, ...nodeImports].join(", ")}`);
  console.log(`::: ${name}: ${specifiers.length} modules, ${NODE_ADAPTERS.has(name) ? "a Node adapter" : "no node: import"}, npm: ${Object.keys(graph.npmPackages ?? {}).join(" ") || "none"}`);
}
const tests = members.flatMap((dir) => {
  const testDir = join(dir, "test-deno");
  return existsSync(join(root, testDir)) ? readdirSync(join(root, testDir)).filter((f) => f.endsWith("_test.ts")).map((f) => join(testDir, f)) : [];
});
const snippets = readmeSnippets(members);
if (snippets.length === 0) fail("no README has a ```ts deno block (packages/client/README.md's Deno section has one)");
run(["check", "--no-remote", ...entries.map((e) => e.file), ...tests, ...snippets], "deno check");
run(["publish", "--dry-run", "--allow-dirty", "--quiet"], "deno publish --dry-run (JSR's checks)");
run(["test", "--no-remote", "--allow-net=127.0.0.1", ...tests.filter((t) => t !== ISOLATED_TEST)], "deno test");
run(["test", "--no-remote", ISOLATED_TEST], "deno test (WebCrypto fallback)");
console.log("test:deno: ok");
