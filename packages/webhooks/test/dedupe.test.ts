import { describe, expect, it } from "vitest";
import { canonicalJson, contentEventKey, MemoryDedupeStore } from "../src/index.js";

describe("MemoryDedupeStore", () => {
  it("claim is exclusive until completed or released, and expires with the lease", () => {
    let now = 0;
    const store = new MemoryDedupeStore({ now: () => now });
    expect(store.claim("k", 100)).toBe("claimed");
    expect(store.claim("k", 100)).toBe("in-flight");
    store.release("k");
    expect(store.claim("k", 100)).toBe("claimed");
    now = 100; // a crashed claimant's lease ran out
    expect(store.claim("k", 100)).toBe("claimed");
    store.complete("k", 1000);
    now = 1099;
    expect(store.claim("k", 100)).toBe("done");
    now = 1100;
    expect(store.claim("k", 100)).toBe("claimed");
  });

  it("stays within maxKeys: expired keys are swept first, then the oldest goes", () => {
    let now = 0;
    const store = new MemoryDedupeStore({ maxKeys: 3, now: () => now });
    store.complete("old-short", 10);
    store.complete("a", 1_000_000);
    store.complete("b", 1_000_000);
    now = 5_000;
    store.complete("c", 1_000_000); // full: "old-short" has expired and is swept, a and b stay
    expect(store.size).toBe(3);
    expect([store.claim("a", 1), store.claim("b", 1)]).toEqual(["done", "done"]);
    store.complete("d", 1_000_000); // full, nothing expired, within the sweep pause: the oldest write ("a") goes
    expect(store.size).toBe(3);
    expect([store.claim("b", 1), store.claim("c", 1), store.claim("d", 1)]).toEqual(["done", "done", "done"]);
    expect(store.claim("a", 1)).toBe("claimed");
  });

  it("refuses a bound that is not a positive integer", () => {
    expect(() => new MemoryDedupeStore({ maxKeys: 0 })).toThrow(/maxKeys must be a positive integer \(got 0\)/);
  });
});

describe("the event key", () => {
  it("is SHA-256 of the canonical JSON: key order and spacing do not matter, content does", async () => {
    expect(canonicalJson({ b: [2, { d: 1, c: null }], a: "x", skip: undefined })).toBe('{"a":"x","b":[2,{"c":null,"d":1}]}');
    // printf '%s' '{"a":"x","b":[2,{"c":null,"d":1}]}' | sha256sum
    expect(await contentEventKey({ b: [2, { d: 1, c: null }], a: "x" })).toBe("sha256:31025fcdfe8594101b1f3071c98a614a8fcee59c97b317b6bf1f0d4325b11221");
    expect(await contentEventKey({ a: "x", b: [2, { c: null, d: 1 }] })).toBe(await contentEventKey({ b: [2, { d: 1, c: null }], a: "x" }));
    expect(await contentEventKey({ a: "x", b: [{ c: null, d: 1 }, 2] })).not.toBe(await contentEventKey({ a: "x", b: [2, { c: null, d: 1 }] }));
  });
});
