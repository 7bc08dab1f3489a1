/**
 * @wrikekit/core under Deno, from its TypeScript sources: RFC 5849's own example signed (with the default
 * HMAC provider and with WebCrypto) and verified. Run by `pnpm test:deno`.
 */
import { signRequest, syncHmacSha1, verifySignature, webCryptoHmacSha1, type OAuth1Params } from "@wrikekit/core/oauth1";
import { assert, assertEquals } from "../../../scripts/deno/assert.ts";

// RFC 5849 section 1.2: printer.example.com reads a photo from photos.example.net.
const request = { method: "GET", url: "http://photos.example.net/photos?file=vacation.jpg&size=original" };
const credentials = { consumerKey: "dpf43f3p2l4k3l03", consumerSecret: "kd94hf93k423kf44", token: "nnch734d00sl2jdk", tokenSecret: "pfkkdhi9sl3r4s00" };
const options = { nonce: "chapoH", timestamp: "137131202", includeVersion: false, realm: "Photos" } as const;
const EXPECTED = "MdpQcU8iPSUjWoN/UDMsK2sui9I=";

Deno.test("runs on Deno", () => {
  assert(typeof Deno.version.deno === "string");
});

Deno.test("RFC 5849 1.2: signs the photos request with the default HMAC-SHA1", async () => {
  const signed = await signRequest(request, credentials, options);
  assertEquals(signed.signature, EXPECTED);
  assertEquals(
    signed.authorizationHeader,
    'OAuth realm="Photos", oauth_consumer_key="dpf43f3p2l4k3l03", oauth_token="nnch734d00sl2jdk", ' +
      'oauth_signature_method="HMAC-SHA1", oauth_timestamp="137131202", oauth_nonce="chapoH", ' +
      'oauth_signature="MdpQcU8iPSUjWoN%2FUDMsK2sui9I%3D"',
  );
});

Deno.test("RFC 5849 1.2: the same signature through WebCrypto (crypto.subtle)", async () => {
  assert(globalThis.crypto?.subtle !== undefined, "Deno has WebCrypto");
  const signed = await signRequest(request, credentials, { ...options, hmacSha1: webCryptoHmacSha1 });
  assertEquals(signed.signature, EXPECTED);
});

Deno.test("Deno offers node's crypto through process.getBuiltinModule; core finds it without a node: import", async () => {
  const sync = syncHmacSha1();
  assert(sync !== undefined, "process.getBuiltinModule('node:crypto') is available on Deno 2");
  assertEquals(sync!("key", "text"), await webCryptoHmacSha1("key", "text"));
});

Deno.test("verifies what it signs, and refuses a tampered request", async () => {
  const bodyParams: OAuth1Params = [["title", "Über & more"]];
  const post = { method: "POST", url: "https://www.wrike.com/api/json/v2/wrike.task.add", bodyParams };
  const signed = await signRequest(post, credentials);
  const lookupSecrets = () => ({ consumerSecret: credentials.consumerSecret, tokenSecret: credentials.tokenSecret });
  const ok = await verifySignature({ ...post, authorization: signed.authorizationHeader }, { lookupSecrets });
  assertEquals(ok.ok, true);
  const tampered = await verifySignature({ ...post, bodyParams: [["title", "changed"]], authorization: signed.authorizationHeader }, { lookupSecrets });
  assertEquals(tampered.ok, false);
});
