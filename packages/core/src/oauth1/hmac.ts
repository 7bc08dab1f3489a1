/**
 * HMAC-SHA1 providers. No static `node:` import: node's crypto is looked up
 * once through `process.getBuiltinModule` (Node >= 20.16, Deno, Bun) and
 * used synchronously when present; otherwise WebCrypto (async) is used.
 */
import { OAuth1Error } from "./errors.js";

/**
 * Computes HMAC-SHA1 of `text` (the signature base string) under `key` (the
 * signing key `encode(consumerSecret)&encode(tokenSecret)`), both taken as
 * UTF-8, and returns the digest in base64. May be synchronous or asynchronous.
 * It receives secret material: an implementation must not log its arguments.
 */
export type HmacSha1 = (key: string, text: string) => string | Promise<string>;

/** A synchronous {@link HmacSha1}. */
export type HmacSha1Sync = (key: string, text: string) => string;

interface NodeHmac {
  update(data: string): NodeHmac;
  digest(encoding: "base64"): string;
}
/** A KeyObject, opaque here. */
type NodeSecretKey = object;
interface NodeCryptoLike {
  createHmac(algorithm: string, key: string | Uint8Array | NodeSecretKey): NodeHmac;
  createSecretKey?(key: Uint8Array): NodeSecretKey;
}
interface BufferLike {
  from(text: string, encoding: "utf8"): Uint8Array;
}
interface ProcessLike {
  getBuiltinModule?: (id: string) => unknown;
}

let nodeHmacCache: HmacSha1Sync | null | undefined;

function lookUpNodeHmac(): HmacSha1Sync | null {
  try {
    const proc = (globalThis as { process?: ProcessLike }).process;
    const mod = proc?.getBuiltinModule?.("node:crypto") as Partial<NodeCryptoLike> | undefined;
    if (mod && typeof mod.createHmac === "function") {
      const crypto = mod as NodeCryptoLike;
      const buffer = (globalThis as { Buffer?: BufferLike }).Buffer;
      if (typeof buffer?.from !== "function") return (key, text) => crypto.createHmac("sha1", key).update(text).digest("base64");
      // The last key, made ready once: a client signs every call with one key, and createHmac prepares a
      // string key (UTF-8 bytes, then a key handle) on every call. A KeyObject skips both; bytes skip the first.
      const ready =
        typeof crypto.createSecretKey === "function"
          ? (key: string) => crypto.createSecretKey!(buffer.from(key, "utf8"))
          : (key: string) => buffer.from(key, "utf8");
      let lastKey: string | undefined;
      let lastReady: Uint8Array | NodeSecretKey | undefined;
      return (key, text) => {
        if (key !== lastKey) {
          lastReady = ready(key);
          lastKey = key;
        }
        return crypto.createHmac("sha1", lastReady!).update(text).digest("base64");
      };
    }
  } catch {
    // not available in this runtime
  }
  return null;
}

/**
 * The synchronous HMAC-SHA1 of node's crypto module when the runtime offers
 * it, else `undefined`. The lookup is done once and cached.
 */
export function syncHmacSha1(): HmacSha1Sync | undefined {
  if (nodeHmacCache === undefined) nodeHmacCache = lookUpNodeHmac();
  return nodeHmacCache ?? undefined;
}

const encoder = /* @__PURE__ */ new TextEncoder();

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]!);
  return btoa(binary);
}

/** HMAC-SHA1 through WebCrypto (`crypto.subtle`), available in browsers, Deno, Node and workers. */
export const webCryptoHmacSha1: (key: string, text: string) => Promise<string> = async (key, text) => {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) {
    throw new OAuth1Error("hmac_unavailable", "no HMAC-SHA1 implementation: neither node:crypto nor crypto.subtle is available; pass options.hmacSha1");
  }
  const cryptoKey = await subtle.importKey("raw", encoder.encode(key), { name: "HMAC", hash: "SHA-1" }, false, ["sign"]);
  const digest = await subtle.sign("HMAC", cryptoKey, encoder.encode(text));
  return toBase64(new Uint8Array(digest));
};

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return value !== null && typeof value === "object" && typeof (value as { then?: unknown }).then === "function";
}

const ignore = (): void => {};

/** @internal Runs an HMAC provider (or the default) synchronously, or throws a clear error. */
export function runHmacSync(provider: HmacSha1 | undefined, key: string, text: string): string {
  if (provider === undefined) {
    const sync = syncHmacSha1();
    if (sync === undefined) {
      throw new OAuth1Error(
        "sync_hmac_unavailable",
        "no synchronous HMAC-SHA1 in this runtime (node:crypto is not reachable); use the async signRequest(), which falls back to WebCrypto, or pass a synchronous options.hmacSha1",
      );
    }
    return sync(key, text);
  }
  const result = provider(key, text);
  if (typeof result === "string") return result;
  if (isThenable(result)) {
    result.then(ignore, ignore); // avoid an unhandled rejection
    throw new OAuth1Error(
      "sync_hmac_unavailable",
      "options.hmacSha1 returned a Promise; use the async signRequest() with an asynchronous HMAC provider",
    );
  }
  throw new OAuth1Error("invalid_argument", "options.hmacSha1 must return a base64 string");
}

/** @internal Runs an HMAC provider (or the default: node's crypto, else WebCrypto). */
export async function runHmac(provider: HmacSha1 | undefined, key: string, text: string): Promise<string> {
  let result: unknown;
  if (provider !== undefined) result = await provider(key, text);
  else {
    const sync = syncHmacSha1();
    result = sync !== undefined ? sync(key, text) : await webCryptoHmacSha1(key, text);
  }
  if (typeof result !== "string") throw new OAuth1Error("invalid_argument", "options.hmacSha1 must return a base64 string");
  return result;
}
