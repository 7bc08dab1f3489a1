/**
 * Where node's crypto is absent (browsers, workers, a Deno without the node compatibility globals),
 * HMAC-SHA1 falls back to WebCrypto. Simulated by hiding `process` before core is first imported:
 * this file runs in its own `deno test` invocation (see scripts/test-deno.mjs), so no other test has
 * loaded core yet.
 */
import { assertEquals } from "../../../scripts/deno/assert.ts";

Deno.test("signs RFC 5849 1.2 through WebCrypto when process.getBuiltinModule is missing", async () => {
  const saved = Object.getOwnPropertyDescriptor(globalThis, "process");
  Object.defineProperty(globalThis, "process", { value: undefined, configurable: true, writable: true });
  try {
    const core = await import("@wrikekit/core/oauth1");
    assertEquals(core.syncHmacSha1(), undefined, "no synchronous (node) HMAC visible");
    const signed = await core.signRequest(
      { method: "GET", url: "http://photos.example.net/photos?file=vacation.jpg&size=original" },
      { consumerKey: "dpf43f3p2l4k3l03", consumerSecret: "kd94hf93k423kf44", token: "nnch734d00sl2jdk", tokenSecret: "pfkkdhi9sl3r4s00" },
      { nonce: "chapoH", timestamp: "137131202", includeVersion: false },
    );
    assertEquals(signed.signature, "MdpQcU8iPSUjWoN/UDMsK2sui9I=");
  } finally {
    if (saved) Object.defineProperty(globalThis, "process", saved);
  }
});
