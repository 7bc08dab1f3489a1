/**
 * The main entry runs in a browser (`setupWorker`): nothing it imports, in this package or in the
 * packages it depends on (their built ESM, as a bundler reads them), imports a node: module or another
 * Node built-in. msw itself is the user's and is not walked.
 */
import { existsSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const ENTRY = fileURLToPath(new URL("../src/index.ts", import.meta.url));
const IMPORT = /(?:^|[\n;])\s*(?:import|export)\s(?:[^'";]*?\sfrom\s)?\s*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/g;
const BUILTINS = new Set(builtinModules);

/** A bare specifier's file as a bundler for the browser resolves it: the package's `browser`/`import` export. */
function resolvePackage(specifier: string, from: string): string {
  const name = specifier.split("/").slice(0, specifier.startsWith("@") ? 2 : 1).join("/");
  const subpath = `.${specifier.slice(name.length)}`;
  for (let dir = dirname(from); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, "node_modules", name, "package.json");
    if (!existsSync(manifest)) continue;
    const pkg = JSON.parse(readFileSync(manifest, "utf8")) as { exports?: unknown; module?: string; main?: string };
    if (pkg.exports === undefined) return join(dirname(manifest), subpath === "." ? (pkg.module ?? pkg.main ?? "index.js") : subpath);
    let target = (pkg.exports as Record<string, unknown>)[subpath] ?? (subpath === "." ? pkg.exports : undefined);
    while (typeof target === "object" && target !== null) target = (target as Record<string, unknown>).browser ?? (target as Record<string, unknown>).import ?? (target as Record<string, unknown>).default;
    if (typeof target !== "string") throw new Error(`${specifier} (imported by ${from}) has no ESM export`);
    return join(dirname(manifest), target);
  }
  throw new Error(`${specifier} (imported by ${from}) is not installed`);
}

/** Every file the entry imports, and each Node built-in one of them imports. */
function importGraph(entry: string): { files: Set<string>; nodeImports: string[] } {
  const files = new Set<string>();
  const nodeImports: string[] = [];
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const [, from, dynamic] of readFileSync(file, "utf8").matchAll(IMPORT)) {
      const specifier = (from ?? dynamic)!;
      if (specifier.startsWith("node:") || BUILTINS.has(specifier.split("/")[0]!)) nodeImports.push(`${file} imports ${specifier}`);
      else if (specifier === "msw" || specifier.startsWith("msw/")) continue;
      else if (specifier.startsWith(".")) visit(join(dirname(file), file.endsWith(".ts") ? specifier.replace(/\.js$/, ".ts") : specifier));
      else visit(resolvePackage(specifier, file));
    }
  };
  visit(entry);
  return { files, nodeImports };
}

it("the main entry imports no Node built-in, directly or through its dependencies", () => {
  const { files, nodeImports } = importGraph(ENTRY);
  // The walk reaches the generated handlers, the client's tables and core's server code.
  for (const reached of ["src/v4/generated/handlers.ts", "client/dist/v4/server.js", "core/dist/server/index.js"]) expect([...files].some((f) => f.endsWith(reached))).toBe(true);
  expect(nodeImports).toEqual([]);
});
