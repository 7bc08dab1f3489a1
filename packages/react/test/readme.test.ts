/** Every TypeScript snippet of README.md compiles as a user's project would (strict, exactOptionalPropertyTypes, the built package). */
import { join } from "node:path";
import { expect, it } from "vitest";
import { checkReadmeSnippets } from "../../../scripts/readme-snippets.mjs";

// What the README leaves to the reader: the app, its tokens and its session.
const prelude = `
declare const accessToken: string;
declare const accessTokenFromYourServer: string;
declare const hostFromYourServer: string;
declare const sessionToken: string;
declare function App(): import("react").ReactNode;
`;

it("README snippets compile under strict with exactOptionalPropertyTypes", () => {
  const { count, diagnostics } = checkReadmeSnippets({ packageDir: join(import.meta.dirname, ".."), prelude });
  expect(count).toBeGreaterThanOrEqual(5);
  expect(diagnostics).toBe("");
}, 120_000);
