/** Every TypeScript snippet of README.md compiles as a user's project would (strict, exactOptionalPropertyTypes, the built package). */
import { join } from "node:path";
import { expect, it } from "vitest";
import { checkReadmeSnippets } from "../../../scripts/readme-snippets.mjs";

it("README snippets compile under strict with exactOptionalPropertyTypes", () => {
  const { count, diagnostics } = checkReadmeSnippets({ packageDir: join(import.meta.dirname, "..") });
  expect(count).toBeGreaterThanOrEqual(4);
  expect(diagnostics).toBe("");
}, 120_000);
