import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/** Every module reachable from `entry` through relative imports, with the specifiers it imports. */
function graph(entry: string, seen = new Map<string, string[]>()): Map<string, string[]> {
  if (seen.has(entry)) return seen;
  const source = readFileSync(new URL(`../src/${entry}`, import.meta.url), "utf8");
  const specifiers = [...source.matchAll(/^(?:import|export)\s[^;]*?from\s+"([^"]+)"/gms)].map((m) => m[1]!);
  seen.set(entry, specifiers);
  for (const specifier of specifiers) if (specifier.startsWith("./")) graph(specifier.slice(2).replace(/\.js$/, ".ts"), seen);
  return seen;
}

describe("the Fetch path runs outside Node", () => {
  for (const entry of ["index.ts", "testing.ts"]) {
    it(`${entry} and what it imports use no node: builtin and no package`, () => {
      const modules = graph(entry);
      expect(modules.size).toBeGreaterThan(1);
      for (const [module, specifiers] of modules) expect({ module, outside: specifiers.filter((s) => !s.startsWith("./")) }).toEqual({ module, outside: [] });
    });
  }
  it("node.ts is the only module that imports node:", () => {
    expect(graph("node.ts").get("node.ts")).toEqual(expect.arrayContaining(["node:http", "node:stream"]));
  });
});
