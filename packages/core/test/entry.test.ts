/**
 * The main entry is what an application uses: the OAuth 1.0a internals and the XML parser stay behind
 * their opt-in entries (./oauth1, ./xml), so that a JSON, bearer-token app neither loads nor bundles them.
 */
import { readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import * as core from "../src/index.js";

const src = join(dirname(fileURLToPath(import.meta.url)), "../src");

/** Every source file the module reaches through value imports and re-exports (`import type` and `export type` left out). */
function reachable(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(file, "utf8");
  for (const [, what, specifier] of text.matchAll(/^(?:import|export)\s+(type\s+)?[^;]*?from\s+"(\.{1,2}\/[^"]+)"/gms)) {
    if (what) continue;
    reachable(join(dirname(file), specifier!.replace(/\.js$/, ".ts")), seen);
  }
  return seen;
}

describe("@wrikekit/core's main entry", () => {
  it("exports no OAuth 1.0a internals and no XML parser", () => {
    for (const name of ["percentEncode", "verifySignature", "signRequest", "signRequestSync", "signatureBaseString", "parseFormUrlEncoded", "parseXml", "xmlSupport"]) expect(core, name).not.toHaveProperty(name);
  });

  it("does not reach the XML parser, and of OAuth 1.0a only what oauth1Auth and the flow need", () => {
    const files = [...reachable(join(src, "index.ts"))].map((f) => relative(src, f));
    expect(files.filter((f) => f.startsWith("xml/"))).toEqual([]);
    // The verifier (servers) never: an application signs, it does not verify.
    expect(files).not.toContain("oauth1/verify.ts");
    expect(files).toContain("transport/transport.ts");
    // The walk itself: from the XML entry it does reach the parser.
    expect([...reachable(join(src, "xml/index.ts"))].map((f) => relative(src, f))).toContain("xml/parser.ts");
  });
});
