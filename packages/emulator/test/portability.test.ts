/** The browser-safe entry point (src/index.ts) and everything it imports use no Node API. */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const ENTRY = fileURLToPath(new URL("../src/index.ts", import.meta.url));
const RELATIVE_IMPORT = /from "(\.{1,2}\/[^"]+)\.js"/g;

function closure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const [, path] of readFileSync(file, "utf8").matchAll(RELATIVE_IMPORT)) closure(resolve(dirname(file), `${path}.ts`), seen);
  return seen;
}

it("imports no node: module and uses no Buffer or process", () => {
  const files = closure(ENTRY);
  expect(files.size).toBeGreaterThan(20);
  for (const file of files) {
    const source = readFileSync(file, "utf8");
    expect({ file, nodeImport: /from "node:|require\(/.test(source), nodeGlobal: /\b(Buffer|process)\.\w/.test(source) }).toEqual({ file, nodeImport: false, nodeGlobal: false });
  }
});
