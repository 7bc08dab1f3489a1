/**
 * Seeded fuzzing of the v4 decoders: the default answer of every v4 operation that answers a document (the
 * spec's example, an authored item or one generated from the model, as the MSW handlers answer them),
 * mutated value by value: wrong types, null, missing fields, extra fields, huge and fractional numbers,
 * deep nesting, prototype keys. Nothing may crash or pollute a prototype; a mismatch is reported at the
 * mutated place (or inside it); what the spec allows (extra fields) passes; and through the whole client
 * every failure is a WrikeValidationError with the same issues.
 */
import { describe, expect, it } from "vitest";
import { sampleDocuments } from "@wrikekit/codegen";
import type { MethodDescriptor } from "@wrikekit/core";
import { decode } from "@wrikekit/core/runtime";
import * as methods from "../../src/v4/generated/methods.js";
import { createTransport, WrikeValidationError, wrikeV4Api } from "../../src/index.js";
import { ir } from "./spec.js";
import { random, type Random } from "../seeded-random.js";

const SEED = 0x4_2026;
const MUTATIONS = 40; // per operation
const CLIENT_SHARE = 10; // every 10th mutation also goes through the client


const descriptors = new Map<string, MethodDescriptor<unknown, unknown>>();
for (const value of Object.values(methods)) {
  const d = value as Partial<MethodDescriptor<unknown, unknown>>;
  if (typeof d === "object" && typeof d.id === "string" && d.decodeResult) descriptors.set(d.id, d as MethodDescriptor<unknown, unknown>);
}
const { documents } = sampleDocuments(ir);

/** Parses `text` and decodes it as `id`'s answer, as the transport does. */
function decodeText(id: string, text: string): { result: unknown; issues: { path: string; expected: string }[] } {
  const ctx = decode.newContext(false);
  const result = descriptors.get(id)!.decodeResult!(JSON.parse(text), ctx);
  return { result, issues: ctx.issues };
}

type Key = string | number;
/** Every place in `value` below the root: its keys from the root. */
function places(value: unknown, at: Key[] = [], out: Key[][] = []): Key[][] {
  if (typeof value !== "object" || value === null) return out;
  for (const key of Array.isArray(value) ? value.keys() : Object.keys(value)) {
    out.push([...at, key]);
    places((value as Record<Key, unknown>)[key], [...at, key], out);
  }
  return out;
}
const pathText = (keys: Key[]) => keys.reduce<string>((p, k) => (typeof k === "number" ? `${p}[${k}]` : p === "" ? k : `${p}.${k}`), "");
/** The issue's path is the mutated place, inside it, or the object that holds it (a required field gone). */
const related = (issue: string, place: string) => issue === place || issue.startsWith(`${place}.`) || issue.startsWith(`${place}[`) || place.startsWith(issue);

/** An own, enumerable key of any name, as JSON.parse makes it (`__proto__` included). */
function setOwn(target: object, key: string, value: unknown) {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
/** Stands for lists nested `DEEP` levels deep, put into the text after stringifying (which would recurse). */
const DEEP_MARK = "@@deep@@";
const DEEP = 5_000;
const HOSTILE_KEYS = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "__defineGetter__", "valueOf"];
const HUGE = [2 ** 64, -(2 ** 63), 1e308, -0, 0.5, 9007199254740993, -1];

type Mutation = "wrong-type" | "null" | "delete" | "extra-field" | "number" | "deep" | "rename-hostile";
/** One mutation of `doc` in place at a random place; what it was and where. */
function mutate(doc: Record<string, unknown>, r: Random): { kind: Mutation; place: Key[] } | undefined {
  const all = places(doc).filter((p) => p[0] !== "kind");
  if (all.length === 0) return undefined;
  const place = r.pick(all);
  const parent = place.slice(0, -1).reduce<Record<Key, unknown>>((v, k) => v[k] as Record<Key, unknown>, doc);
  const key = place.at(-1)!;
  const old = parent[key];
  const kind = r.pick<Mutation>(["wrong-type", "null", "delete", "extra-field", "number", "deep", "rename-hostile"]);
  switch (kind) {
    case "wrong-type":
      parent[key] = typeof old === "string" ? 42 : typeof old === "number" ? "42" : typeof old === "boolean" ? "true" : Array.isArray(old) ? { length: 0 } : typeof old === "object" ? [old] : old;
      break;
    case "null":
      parent[key] = null;
      break;
    case "delete":
      if (Array.isArray(parent)) return undefined;
      delete parent[key];
      break;
    case "extra-field": {
      // Beside the value, when it is an object's field; inside it, when it is an object.
      const host = typeof old === "object" && old !== null && !Array.isArray(old) ? (old as object) : Array.isArray(parent) ? undefined : parent;
      if (!host) return undefined;
      setOwn(host, r.pick([...HOSTILE_KEYS, "addedByWrikeLater"]), r.pick<unknown>([{ polluted: "yes" }, "x", 1, null, [1, { polluted: "yes" }], DEEP_MARK]));
      return { kind, place: host === old ? place : place.slice(0, -1) };
    }
    case "number":
      parent[key] = r.pick(HUGE);
      break;
    case "deep":
      parent[key] = DEEP_MARK;
      break;
    case "rename-hostile":
      if (Array.isArray(parent)) return undefined;
      delete parent[key];
      setOwn(parent, r.pick(HOSTILE_KEYS), old);
      break;
  }
  return { kind, place };
}

const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();
function expectNoPollution(result: unknown): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_KEYS);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  // Every decoded object is still a plain object or a list: no `__proto__` key became a prototype.
  const walk = (v: unknown, depth: number): void => {
    if (typeof v !== "object" || v === null || depth > 50) return;
    expect([Object.prototype, Array.prototype]).toContain(Object.getPrototypeOf(v));
    for (const k of Object.keys(v)) walk((v as Record<string, unknown>)[k], depth + 1);
  };
  walk(result, 0);
}

/**
 * A call of `id` through the client's transport with a fetch that answers `answer()` with 200. Its arguments
 * are not what is fuzzed: the path placeholders get a value and nothing else is sent.
 */
function throughClient(id: string, answer: () => string): Promise<unknown> {
  const fetch = async () => new Response(answer(), { headers: { "content-type": "application/json" } });
  const transport = createTransport(wrikeV4Api, { auth: { kind: "bearer", token: "t" }, fetch: fetch as typeof globalThis.fetch });
  const method = descriptors.get(id)!;
  const placeholders = [...method.http.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  return transport.call({ ...method, encodeArgs: (_args, ctx) => placeholders.forEach((name) => ctx.path.push([name, "X1"])) }, {});
}

describe("v4 decoder fuzzing (seeded)", () => {
  const ids = [...documents.keys()].filter((id) => descriptors.has(id));

  it("covers every v4 operation that answers a document, and each default answer decodes without issues", () => {
    expect(ids.length).toBeGreaterThan(150);
    for (const id of ids) expect(decodeText(id, JSON.stringify(documents.get(id)!.document)).issues, id).toEqual([]);
  });

  it("value mutations: typed issues at the mutated place, extra fields pass, no crash, no pollution", async () => {
    const r = random(SEED);
    const counts: Record<string, { n: number; withIssues: number }> = {};
    let viaClient = 0;
    for (const id of ids) {
      const original = JSON.stringify(documents.get(id)!.document);
      for (let k = 0; k < MUTATIONS; k++) {
        const doc = JSON.parse(original) as Record<string, unknown>;
        const mutation = mutate(doc, r);
        if (!mutation) continue;
        const text = JSON.stringify(doc).replace(`"${DEEP_MARK}"`, "[".repeat(DEEP) + "]".repeat(DEEP));
        const place = pathText(mutation.place);
        const label = `${id} ${mutation.kind} at ${place}: ${text.slice(0, 300)}`;
        const { result, issues } = decodeText(id, text);
        const c = (counts[mutation.kind] ??= { n: 0, withIssues: 0 });
        c.n++;
        if (issues.length > 0) c.withIssues++;
        for (const issue of issues) expect(related(issue.path, place), `${label}\n  issue at ${issue.path}`).toBe(true);
        // Wrike adds fields over time: an unknown one passes wherever it is (a hostile name included).
        if (mutation.kind === "extra-field") expect(issues, label).toEqual([]);
        expectNoPollution(result);

        if (k % CLIENT_SHARE === 0) {
          viaClient++;
          const outcome = await throughClient(id, () => text).then(
            (value) => ({ value }),
            (error: unknown) => ({ error }),
          );
          if ("error" in outcome) {
            expect(outcome.error, label).toBeInstanceOf(WrikeValidationError);
            expect((outcome.error as WrikeValidationError).issues.map((i) => i.path)).toEqual(issues.map((i) => i.path));
          } else expect(issues, label).toEqual([]);
        }
      }
    }
    // Wrong types and deep lists are caught wherever the spec types the value (it leaves some free-form: `json`).
    expect(counts["wrong-type"]!.withIssues).toBeGreaterThan(counts["wrong-type"]!.n * 0.8);
    expect(counts.deep!.withIssues).toBeGreaterThan(counts.deep!.n * 0.8);
    expect(counts.null!.withIssues).toBeGreaterThan(0);
    expect(viaClient).toBeGreaterThan(400);
    if (process.env.FUZZ_COUNTS) console.log(counts, viaClient);
  }, 600_000); // about 7 s alone; 20x that on a loaded 2-core machine
});
