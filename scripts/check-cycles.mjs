#!/usr/bin/env node
/**
 * Fails when a module of packages/<pkg>/src or tools/<tool>/src imports itself through a chain of
 * relative imports (type-only imports included: a cycle of types is still a tangle to read). Run by
 * `pnpm test`; prints each cycle as a chain of paths.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const IMPORT = /(?:^|[\s;])(?:import|export)\s[^"'`;]*?from\s*["'](\.{1,2}\/[^"']+)["']|import\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)|^\s*import\s*["'](\.{1,2}\/[^"']+)["']/gm;

function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx|mts)$/.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

/** The file a relative specifier names: `./x.js` is x.ts (or x.tsx), `./dir` is dir/index.ts. */
function resolveImport(from, specifier) {
  const base = resolve(dirname(from), specifier);
  const stem = base.replace(/\.(m?js|jsx)$/, "");
  return [`${stem}.ts`, `${stem}.tsx`, `${stem}.mts`, base, join(base, "index.ts")].find((p) => existsSync(p) && statSync(p).isFile());
}

const roots = ["packages", "tools"].flatMap((top) => readdirSync(join(root, top)).map((name) => join(root, top, name, "src"))).filter((p) => existsSync(p));
const graph = new Map();
for (const file of roots.flatMap(sources)) {
  const text = readFileSync(file, "utf8");
  graph.set(file, [...text.matchAll(IMPORT)].map((m) => resolveImport(file, m[1] ?? m[2] ?? m[3])).filter(Boolean));
}

const cycles = [];
const state = new Map(); // undefined: not seen, 1: on the current path, 2: done
const path = [];
function visit(file) {
  state.set(file, 1);
  path.push(file);
  for (const next of graph.get(file) ?? []) {
    if (state.get(next) === 1) cycles.push([...path.slice(path.indexOf(next)), next]);
    else if (state.get(next) === undefined) visit(next);
  }
  path.pop();
  state.set(file, 2);
}
for (const file of graph.keys()) if (state.get(file) === undefined) visit(file);

if (cycles.length > 0) {
  console.error(`Import cycles (${cycles.length}):\n${cycles.map((c) => `  ${c.map((f) => relative(root, f)).join(" -> ")}`).join("\n")}`);
  process.exit(1);
}
console.log(`no import cycle in ${graph.size} modules of packages/*/src and tools/*/src`);
