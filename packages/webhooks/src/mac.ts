/**
 * Internal: the MAC of the signing scheme on WebCrypto (`crypto.subtle`), so it runs in Node 20+, Deno, Bun,
 * browsers and edge runtimes with no `node:` import. The secret lives only inside a non-extractable CryptoKey.
 */
import { fromHex, toHex } from "./hex.js";
import type { WebhookSigningScheme } from "./scheme.js";

const utf8 = new TextEncoder();

export interface WebhookMac {
  /** The MAC of `data` in the scheme's encoding (lower-case hex). */
  sign(data: Uint8Array | string): Promise<string>;
  /** Whether `mac` (as found in the header) is the MAC of `data`; constant time (WebCrypto's verify). */
  verify(mac: string, data: Uint8Array): Promise<boolean>;
}

export function createWebhookMac(secret: string, scheme: WebhookSigningScheme): WebhookMac {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new TypeError("@wrikekit/webhooks needs WebCrypto (globalThis.crypto.subtle): Node 20+, Deno, Bun, browsers and edge runtimes have it");
  const algorithm = { name: "HMAC", hash: scheme.hash };
  let key: Promise<CryptoKey> | undefined;
  const cryptoKey = () => (key ??= subtle.importKey("raw", utf8.encode(secret), algorithm, false, ["sign", "verify"]));
  return {
    async sign(data) {
      const bytes = typeof data === "string" ? utf8.encode(data) : data;
      return toHex(new Uint8Array(await subtle.sign("HMAC", await cryptoKey(), bytes as BufferSource)));
    },
    async verify(mac, data) {
      const expected = fromHex(mac);
      // A value that is not hex of the digest's length cannot be a MAC; its length says nothing about the secret.
      if (!expected) return false;
      return subtle.verify("HMAC", await cryptoKey(), expected as BufferSource, data as BufferSource);
    },
  };
}
