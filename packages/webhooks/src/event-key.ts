import { toHex } from "./hex.js";

/**
 * The stable key of an event, for de-duplication. Wrike events carry no id, and a redelivery repeats the same
 * event, so the key is the event's content: SHA-256 of its canonical JSON (object keys sorted, no whitespace).
 *
 * Why not (webhookId, eventType, entity id, lastUpdatedDate, eventAuthorId): `lastUpdatedDate` has one-second
 * resolution, so two different changes of the same kind to the same task in the same second (two responsibles
 * added one after the other, say) would share that tuple and the second would be dropped as a "replay". The
 * content differs (`addedResponsibles`), so the content hash keeps them apart, while a byte-for-byte or a
 * re-serialised redelivery (other key order, other spacing) maps to the same key.
 */
export type EventKeyFunction = (raw: unknown) => string | Promise<string>;

const utf8 = new TextEncoder();

export const contentEventKey: EventKeyFunction = async (raw) => {
  const digest = await globalThis.crypto.subtle.digest("SHA-256", utf8.encode(canonicalJson(raw)));
  return `sha256:${toHex(new Uint8Array(digest))}`;
};

/** JSON with object keys in UTF-16 code-unit order (`Array.prototype.sort`) at every level; arrays keep their order (it is meaningful). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const record = value as Record<string, unknown>;
    const fields = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
    return `{${fields.join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
