/**
 * Signatures made outside this package, on seeded random bodies and secrets (non-ASCII, multi-KiB, bytes
 * that are not UTF-8): node:crypto's createHmac, and /usr/bin/python3's hmac when it can be run. The
 * receiver accepts exactly those, refuses each with one bit of the body flipped, a duplicated header or a
 * signature of another body, and no refusal carries the secret.
 */
import { spawnSync } from "node:child_process";
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createWebhookReceiver, type WebhookReceiverError } from "../src/index.js";
import { post } from "./fixtures.js";

const EVENT = { taskId: "IEAAAOH5KQAKE5J2", webhookId: "IEAAAOH5JAAAAAAG", eventAuthorId: "KUAAAAHK", eventType: "TaskCreated", lastUpdatedDate: "2026-12-01T21:00:00Z" };

/** A small seeded generator (mulberry32), so that a failure can be replayed. */
function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = seeded(20261203);
const pick = (text: string) => text[Math.floor(random() * text.length)]!;
const SECRET_CHARS = "abcXYZ019-_ :+/=%\u00e9\u2615\u4e2d";
const cases = Array.from({ length: 12 }, (_, i) => {
  const secret = Array.from({ length: 8 + Math.floor(random() * 40) }, () => pick(SECRET_CHARS)).join("");
  const padding = " ".repeat(Math.floor(random() * 4096));
  const events = Array.from({ length: 1 + (i % 3) }, (_, k) => ({ ...EVENT, taskId: `T${i}-${k}`, note: Array.from({ length: 20 }, () => pick(SECRET_CHARS)).join("") }));
  return { secret, body: new TextEncoder().encode(`${padding}${JSON.stringify(events)}\n`) };
});

const nodeHmac = (secret: string, body: Uint8Array) => createHmac("sha256", secret).update(body).digest("hex");

/** The same signatures from Python's hmac, or undefined when /usr/bin/python3 cannot be run. */
function pythonHmacs(): string[] | undefined {
  const script = "import hmac,hashlib,json,sys,base64\nfor c in json.load(sys.stdin): print(hmac.new(c['s'].encode('utf-8'), base64.b64decode(c['b']), hashlib.sha256).hexdigest())";
  const input = JSON.stringify(cases.map(({ secret, body }) => ({ s: secret, b: Buffer.from(body).toString("base64") })));
  const run = spawnSync("/usr/bin/python3", ["-c", script], { input, encoding: "utf8" });
  return run.status === 0 ? run.stdout.trim().split("\n") : undefined;
}

describe("signatures from independent HMAC-SHA256 implementations", () => {
  const python = pythonHmacs();

  it("node:crypto and Python agree, and the receiver accepts their signatures over the raw bytes", async () => {
    for (const [i, { secret, body }] of cases.entries()) {
      const signature = nodeHmac(secret, body);
      if (python) expect(python[i], `case ${i}`).toBe(signature);
      const handled: string[] = [];
      const receive = createWebhookReceiver({ secret, handler: (event) => void handled.push(String((event as { taskId?: string }).taskId)), dedupe: false });
      const response = await receive(post(body, { "X-Hook-Secret": signature }));
      expect(response.status, `case ${i}`).toBe(200);
      expect(handled.length).toBe(1 + (i % 3));
    }
  });

  it("one flipped bit anywhere, a duplicated header or another body's signature: 401, no handler, no secret in what is reported", async () => {
    for (const [i, { secret, body }] of cases.entries()) {
      const errors: WebhookReceiverError[] = [];
      let ran = 0;
      const receive = createWebhookReceiver({ secret, handler: () => void ran++, dedupe: false, onError: (e) => errors.push(e) });
      const signature = nodeHmac(secret, body);
      const flipped = body.slice();
      const at = Math.floor(random() * flipped.length);
      flipped[at]! ^= 1 << Math.floor(random() * 8);
      const duplicated = new Headers([["X-Hook-Secret", signature], ["X-Hook-Secret", signature]]);
      const other = cases[(i + 1) % cases.length]!.body;
      for (const request of [post(flipped, { "X-Hook-Secret": signature }), new Request(post(body), { headers: duplicated }), post(body, { "X-Hook-Secret": nodeHmac(secret, other) })]) {
        const response = await receive(request);
        expect(response.status, `case ${i}`).toBe(401);
        expect(await response.text()).not.toContain(secret);
      }
      expect(ran).toBe(0);
      for (const error of errors) for (const text of [error.message, error.stack, JSON.stringify(error)]) expect(text).not.toContain(secret);
    }
  });

  it("a correctly signed body that is not UTF-8 is a payload error (400), not a signature error", async () => {
    const secret = cases[0]!.secret;
    const body = new Uint8Array([...new TextEncoder().encode('[{"taskId":"'), 0xff, 0xfe, ...new TextEncoder().encode('"}]')]);
    const response = await createWebhookReceiver({ secret, handler: () => {} })(post(body, { "X-Hook-Secret": nodeHmac(secret, body) }));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "payload" });
  });
});
