/**
 * Every TypeScript snippet of every README compiles under strict with exactOptionalPropertyTypes, and the
 * runnable ones run against an in-process emulator: fetch to Wrike's host (or localhost) is answered by it
 * (a server a snippet starts on 127.0.0.1 is called for real), and the names a snippet declares with
 * `declare const` (the credentials a reader brings) are the emulator's seeded ones. See snippets.ts for the
 * marks. Package READMEs are read on npm, so their links must be absolute.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmulator } from "@wrikekit/emulator";
import { declaredNames, locate, readmePaths, repoRoot, writeSnippets, type Snippet } from "./snippets.js";

const outDir = join(import.meta.dirname, "../../.readme-snippets");
const tsc = join(import.meta.dirname, "../../node_modules/.bin/tsc");
const snippets: Snippet[] = writeSnippets(outDir);
const runnable = snippets.filter((s) => s.mode === "run");

const emulator = createEmulator();
const { consumerKey, consumerSecret, user, permanentToken } = emulator.credentials;
const webhookSecret = "the webhook's secret";
/** What a runnable snippet may leave to its reader: the emulator's seeded credentials, a webhook's secret. */
const globals: Record<string, unknown> = { consumerKey, consumerSecret, token: user.token, tokenSecret: user.tokenSecret, secret: webhookSecret };
const env: Record<string, string> = { WRIKE_TOKEN: permanentToken, WRIKE_WEBHOOK_SECRET: webhookSecret };

describe("README snippets", () => {
  it("come from every README with TypeScript in it, each package's among them", () => {
    const readmes = new Set(snippets.map((s) => s.readme));
    for (const name of ["client", "core", "emulator", "mcp", "msw", "react", "webhooks"]) expect(readmes).toContain(`packages/${name}/README.md`);
    expect(readmes).toContain("README.md");
    expect(readmes).toContain("examples/signing-proxy/README.md");
    const withTs = readmePaths().filter((p) => /^ *```tsx?\b/m.test(readFileSync(join(repoRoot, p), "utf8")));
    expect([...readmes].sort()).toEqual(withTs);
  });

  it("compile under strict with exactOptionalPropertyTypes", { timeout: 180_000 }, () => {
    let output = "";
    try {
      execFileSync(tsc, ["-p", outDir, "--pretty", "false"], { encoding: "utf8" });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    expect(locate(output, snippets)).toEqual([]);
  });

  it("that run declare only what the test gives them (else mark them compile-only)", () => {
    const unknown = runnable.flatMap((s) => declaredNames(s.code).filter((n) => !(n in globals)).map((n) => `${s.readme}:${s.line}: ${n}`));
    expect(unknown).toEqual([]);
  });

  describe("run against the emulator", () => {
    const realFetch = globalThis.fetch;
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
      Object.assign(process.env, env);
    });
    afterAll(() => {
      globalThis.fetch = realFetch;
      for (const name of Object.keys(globals)) delete (globalThis as Record<string, unknown>)[name];
      for (const name of Object.keys(env)) delete process.env[name];
    });
    for (const snippet of runnable) {
      it(`${snippet.readme}:${snippet.line}`, async () => {
        await import(pathToFileURL(snippet.file).href);
      });
    }
  });
});

describe("package READMEs (read on npm)", () => {
  it("link absolutely: a relative link is broken on npmjs.com", () => {
    const relativeLinks = readmePaths()
      .filter((p) => p.startsWith("packages/"))
      .flatMap((p) => [...readFileSync(join(repoRoot, p), "utf8").matchAll(/\]\(([^)\s]+)[^)]*\)/g)].map((m) => `${p}: ${m[1]}`))
      .filter((link) => !/: (https?:\/\/|mailto:|#)/.test(link));
    expect(relativeLinks).toEqual([]);
  });
});
