/**
 * The v2 client's OAuth 1.0a requests, exactly as they leave (URL, Authorization header, form body), are
 * accepted by oauthlib's server-side HMAC-SHA1 check: unicode, reserved characters, empty values, line
 * breaks and lists in the arguments and the credentials. core's oauth1 tests compare base strings; this
 * checks what is sent against what is signed.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createWrikeClient } from "../src/v2/index.js";

const PYTHON = "/usr/bin/python3";
const ORACLE = fileURLToPath(new URL("./fixtures/oauthlib_verify.py", import.meta.url));
const available = existsSync(PYTHON) && spawnSync(PYTHON, ["-c", "import oauthlib.oauth1.rfc5849.signature"]).status === 0;
if (!available) console.warn("oauthlib check skipped: /usr/bin/python3 with python3-oauthlib is needed");

const credentials = { consumerKey: "ck é+&=", consumerSecret: "cs &=%+ ü", token: "tk/?#", tokenSecret: "ts 日本 &" };
const TEXTS = ["plain", "a b+c&d=e", "日本語 😀 𝄞", "", "%20%", "*'()!~", "line\nbreak\r\nend", "\u00a0nbsp", "<tag attr=\"q\">&amp;</tag>", "a,b;c:d@e$f/g?h#i[j]"];

interface Sent {
  url: string;
  authorization: string;
  body: string;
}

describe.skipIf(!available)("oauthlib accepts the v2 client's signed requests", () => {
  it("for texts of every kind, empty values and lists", async () => {
    const sent: Sent[] = [];
    const fetch = async (url: string, init: RequestInit) => {
      sent.push({ url, authorization: (init.headers as Record<string, string>).authorization!, body: String(init.body) });
      return new Response('{"task":{"id":7}}', { headers: { "content-type": "application/json" } });
    };
    const client = createWrikeClient({ auth: { kind: "oauth1", ...credentials }, fetch: fetch as typeof globalThis.fetch, retry: { maxAttempts: 1 }, rateLimit: false });
    for (const text of TEXTS) await client.task.add({ title: text, description: text, parents: [1, 2] });
    await client.task.update({ id: 7, title: "x", description: "" });
    expect(sent).toHaveLength(TEXTS.length + 1);
    // A body changed after signing must fail, or the oracle proves nothing.
    const tampered = { ...sent[1]!, body: sent[1]!.body.replace("title=", "title=x") };
    const input = [...sent, tampered].map((s) => ({ ...s, consumerSecret: credentials.consumerSecret, tokenSecret: credentials.tokenSecret }));
    const run = spawnSync(PYTHON, [ORACLE], { input: JSON.stringify(input), encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toEqual([...sent.map(() => true), false]);
  });
});
