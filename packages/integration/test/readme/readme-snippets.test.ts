/**
 * Every TypeScript snippet of every README compiles under strict with exactOptionalPropertyTypes, and the
 * runnable ones run against an in-process emulator: fetch to Wrike's host (or localhost) is answered by it
 * (a server a snippet starts on 127.0.0.1 is called for real),
 * and the names a snippet declares with `declare const` (the credentials a reader brings) are the
 * emulator's seeded ones.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmulator } from "@wrikekit/emulator";
import { locate, writeSnippets, type Snippet } from "./snippets.js";

const outDir = join(import.meta.dirname, "../../.readme-snippets");
const tsc = join(import.meta.dirname, "../../node_modules/.bin/tsc");
const snippets: Snippet[] = writeSnippets(outDir);

describe("README snippets", () => {
  it("are found in the root, spec, client and emulator READMEs (msw, react and webhooks check their own)", () => {
    const readmes = new Set(snippets.map((s) => s.readme));
    for (const readme of ["README.md", "packages/client/README.md", "packages/emulator/README.md"]) expect(readmes).toContain(readme);
  });

  it("compile under strict with exactOptionalPropertyTypes", { timeout: 120_000 }, () => {
    let output = "";
    try {
      execFileSync(tsc, ["-p", outDir, "--pretty", "false"], { encoding: "utf8" });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    expect(locate(output, snippets)).toEqual([]);
  });

  describe("run against the emulator", () => {
    const emulator = createEmulator();
    const realFetch = globalThis.fetch;
    const { consumerKey, consumerSecret, user, permanentToken } = emulator.credentials;
    const globals: Record<string, unknown> = { consumerKey, consumerSecret, token: user.token, tokenSecret: user.tokenSecret, auth: { kind: "bearer", token: permanentToken } };
    beforeAll(() => {
      globalThis.fetch = (input, init) => {
        const request = new Request(input, init);
        const { hostname } = new URL(request.url);
        // A server a snippet starts itself listens on 127.0.0.1: that traffic is real.
        if (hostname === "127.0.0.1") return realFetch(request);
        if (hostname !== "www.wrike.com" && hostname !== "localhost") throw new Error(`a README snippet called ${hostname}: only Wrike's host and localhost are emulated`);
        return emulator.handle(request);
      };
      Object.assign(globalThis, globals);
      process.env.WRIKE_TOKEN = permanentToken;
    });
    afterAll(() => {
      globalThis.fetch = realFetch;
      for (const name of Object.keys(globals)) delete (globalThis as Record<string, unknown>)[name];
      delete process.env.WRIKE_TOKEN;
    });
    for (const snippet of snippets.filter((s) => s.runnable)) {
      it(`${snippet.readme}:${snippet.line}`, async () => {
        await import(pathToFileURL(snippet.file).href);
      });
    }
  });
});
