import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const src = new URL("../src/", import.meta.url);

/** Every module reachable from `entry` (a path under src/) through relative imports, with the specifiers it imports at run time (type-only imports are erased). */
function graph(entry: string, seen = new Map<string, string[]>()): Map<string, string[]> {
  if (seen.has(entry)) return seen;
  const source = readFileSync(new URL(entry, src), "utf8");
  const specifiers = [...source.matchAll(/^(?:import|export)\s(?!type\s)[^;]*?from\s+"([^"]+)"/gms)].map((m) => m[1]!);
  seen.set(entry, specifiers);
  for (const specifier of specifiers)
    if (specifier.startsWith(".")) graph(new URL(specifier.replace(/\.js$/, ".ts"), new URL(entry, src)).href.slice(src.href.length), seen);
  return seen;
}

// The generated event decoders call core's decode primitives, which run under Deno and in browsers too (pnpm test:deno).
const PORTABLE_PACKAGES = ["@wrikekit/core/runtime/decode"];

describe("the Fetch path runs outside Node", () => {
  for (const entry of ["index.ts", "testing.ts"]) {
    it(`${entry} and what it imports use no node: builtin and no package but core's decode primitives`, () => {
      const modules = graph(entry);
      expect(modules.size).toBeGreaterThan(1);
      expect(modules.has("v4/generated/events.ts")).toBe(true);
      for (const [module, specifiers] of modules) {
        const outside = specifiers.filter((s) => !s.startsWith(".") && !PORTABLE_PACKAGES.includes(s));
        expect({ module, outside }).toEqual({ module, outside: [] });
      }
    });
  }
  it("node.ts is the only module that imports node:", () => {
    expect(graph("node.ts").get("node.ts")).toEqual(expect.arrayContaining(["node:stream"]));
  });
});
