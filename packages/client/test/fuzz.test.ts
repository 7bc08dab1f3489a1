/**
 * Seeded fuzzing of the decoders (issue 15): thousands of mutations of every reference example, as JSON
 * and as XML, through the parsers and the generated decoders, and a share of them through the whole client
 * (a stub fetch). Nothing may crash, hang or pollute a prototype; every failure is typed; every success
 * reads back identically from the other format; strings arrive exactly as sent in both formats.
 */
import { describe, expect, it } from "vitest";
import { parseXml, XmlSyntaxError } from "@wrikekit/core/xml";
import { decode } from "@wrikekit/core/runtime";
import { createWrikeClient, WrikeApiError, WrikeAsyncKeyMismatchError, WrikeDecodeError, WrikeValidationError, type WrikeClient } from "../src/v2/index.js";
import { xmlSupport } from "../src/xml.js";
import { methodDescriptors, xmlRenderers, type MethodId } from "../src/server.js";
import { examples, type PreparedExample } from "./spec-examples.js";
import { random, type Random } from "./seeded-random.js";

type Format = "json" | "xml";
const SEED = 0x15_2026;
const TEXT_MUTATIONS = 120; // per example and format
const VALUE_MUTATIONS = 40; // per example
const CLIENT_SHARE = 8; // every 8th text mutation also goes through the client


const FRAGMENTS = ["<", ">", "/", "&", ";", '"', "'", "=", "\r", "\n", "\r\n", " ", "\t", "\u0000", "\u0001", "\uD800", "0", "9", "-", ".", "e", "E", "+",
  "99999999999999999999", "9007199254740993", "1e400", "NaN", "true", "null", "{", "}", "[", "]", ",", ":", "]]>", "<![CDATA[", "-->", "<!--", "<?", "?>",
  "&amp;", "&lt;", "&#13;", "&#x0;", "&#1114112;", "&nbsp;", "&", "__proto__", "constructor", "prototype", '"__proto__":{"polluted":1},', "<__proto__><polluted>1</polluted></__proto__>",
  "<!DOCTYPE x [<!ENTITY a \"b\">]>", "\uFEFF", "\u{1F600}"];

function mutateText(text: string, r: Random): string {
  const at = r.int(text.length + 1);
  const span = 1 + r.int(12);
  switch (r.int(6)) {
    case 0: return text.slice(0, at) + r.pick(FRAGMENTS) + text.slice(at); // insert
    case 1: return text.slice(0, at) + text.slice(at + span); // delete
    case 2: return text.slice(0, at) + r.pick(FRAGMENTS) + text.slice(at + span); // replace
    case 3: return text.slice(0, at); // truncate
    case 4: return text.slice(0, at) + text.slice(Math.max(0, at - span), at) + text.slice(at); // duplicate
    default: { // several small edits
      let out = text;
      for (let k = 0; k < 3; k++) out = mutateText(out, r);
      return out;
    }
  }
}

const decoderOf = (id: string) => methodDescriptors[id as MethodId].decodeResult!;
const parse = (format: Format, text: string): unknown => (format === "json" ? JSON.parse(text) : parseXml(text));

/** Parses and decodes; a parse failure must be the parser's own typed error, and decoding never throws. */
function decodeText(id: string, format: Format, text: string): { parsed: false } | { parsed: true; root: string; result: unknown; issues: number } {
  let document: unknown;
  try {
    document = parse(format, text);
  } catch (error) {
    expect(error).toBeInstanceOf(format === "json" ? SyntaxError : XmlSyntaxError);
    return { parsed: false };
  }
  const ctx = decode.newContext(format === "xml");
  const result = decoderOf(id)(document, ctx);
  const root = typeof document === "object" && document !== null ? (Object.keys(document)[0] ?? "") : "";
  return { parsed: true, root, result, issues: ctx.issues.length };
}

/** XML 1.0 cannot carry these characters at all, so a value holding one has no XML equivalent. */
const NOT_IN_XML = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
function representableInXml(value: unknown): boolean {
  if (typeof value === "string") return !NOT_IN_XML.test(value);
  if (typeof value !== "object" || value === null) return true;
  return Object.values(value).every(representableInXml);
}

const render = (id: string, format: Format, root: string, value: unknown): string =>
  format === "json" ? JSON.stringify({ [root]: value }) : xmlRenderers[id as MethodId]!({ [root]: structuredClone(value) } as never);

/**
 * `partial` (read back from XML, which carries only the fields the spec knows) equals `full` wherever it has
 * a field: nothing was changed on the way, only unknown fields left out.
 */
function expectContainedIn(partial: unknown, full: unknown, path = "(root)"): void {
  if (typeof partial === "object" && partial !== null && typeof full === "object" && full !== null) {
    expect(Array.isArray(partial), path).toBe(Array.isArray(full));
    if (Array.isArray(partial)) expect(partial.length, path).toBe((full as unknown[]).length);
    for (const key of Object.keys(partial)) expectContainedIn((partial as Record<string, unknown>)[key], (full as Record<string, unknown>)[key], `${path}.${key}`);
    return;
  }
  expect(partial, path).toStrictEqual(full);
}

/** A decoded success reads back the same from the other format (where the other format can carry it). */
function expectSameFromOtherFormat(id: string, format: Format, root: string, result: unknown): void {
  const other: Format = format === "json" ? "xml" : "json";
  if (other === "xml" && !representableInXml(result)) return;
  const again = decodeText(id, other, render(id, other, root, result));
  expect(again.parsed && again.issues, `${id}: the ${other} rendering of a decoded ${format} answer decodes`).toBe(0);
  if (!again.parsed) return;
  if (other === "json") expect(again.result).toStrictEqual(result);
  else expectContainedIn(again.result, result);
}

const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();
function expectNoPollution(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_KEYS);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

/** The example's text in both formats: its own, and the other format's rendering of its decoded value. */
function textsOf(ex: PreparedExample): { root: string; value: unknown; texts: Record<Format, string> } {
  const own = decodeText(ex.method.id, ex.format, ex.repaired);
  if (!own.parsed || own.issues > 0) throw new Error(`${ex.method.id} ${ex.name} does not decode`);
  const other: Format = ex.format === "json" ? "xml" : "json";
  const texts = { [ex.format]: ex.repaired, [other]: render(ex.method.id, other, own.root, own.result) } as Record<Format, string>;
  return { root: own.root, value: own.result, texts };
}

function stubClient(format: Format, answer: () => string): WrikeClient {
  const fetch = async () => new Response(answer(), { status: 200, headers: { "content-type": format === "json" ? "application/json" : "application/xml" } });
  return createWrikeClient({ auth: { kind: "bearer", token: "t" }, format, xml: xmlSupport, fetch: fetch as typeof globalThis.fetch, rateLimit: false, retry: false });
}

function callMethod(client: WrikeClient, ex: PreparedExample): Promise<unknown> {
  const group = client[ex.method.group as keyof WrikeClient] as unknown as Record<string, (args: unknown) => Promise<unknown>>;
  return group[ex.method.key]!(ex.args ?? {});
}

const documentExamples = examples.filter((ex) => methodDescriptors[ex.method.id as MethodId].decodeResult !== undefined);

describe("decoder fuzzing (seeded)", () => {
  it("text mutations of every example, JSON and XML: typed failures only, successes agree across formats and with the client", async () => {
    const r = random(SEED);
    const counts = { mutations: 0, parseErrors: 0, withIssues: 0, decoded: 0, throughClient: 0 };
    for (const ex of documentExamples) {
      const { texts } = textsOf(ex);
      for (const format of ["json", "xml"] as const) {
        let answer = texts[format];
        const client = stubClient(format, () => answer);
        expect(await callMethod(client, ex), `${ex.method.id} ${ex.name} (${format}) through the client`).toBeDefined();
        for (let k = 0; k < TEXT_MUTATIONS; k++) {
          const raw = mutateText(texts[format], r);
          // As it travels: a lone surrogate cannot be sent in UTF-8 and arrives as U+FFFD.
          const text = new TextDecoder().decode(new TextEncoder().encode(raw));
          if (raw !== text) decodeText(ex.method.id, format, raw);
          counts.mutations++;
          const direct = decodeText(ex.method.id, format, text);
          if (!direct.parsed) counts.parseErrors++;
          else if (direct.issues > 0) counts.withIssues++;
          else {
            counts.decoded++;
            expectSameFromOtherFormat(ex.method.id, format, direct.root, direct.result);
          }
          if (k % CLIENT_SHARE === 0) {
            counts.throughClient++;
            answer = text;
            const outcome = await callMethod(client, ex).then(
              (value) => ({ value }),
              (error: unknown) => ({ error }),
            );
            if ("error" in outcome) {
              const typed = [WrikeDecodeError, WrikeValidationError, WrikeApiError, WrikeAsyncKeyMismatchError].some((type) => outcome.error instanceof type);
              expect(typed, `${ex.method.id} (${format}): ${String(outcome.error)} for ${JSON.stringify(text)}`).toBe(true);
              // The client reads bytes: a declaration naming a charset no decoder knows (mutated) is refused before parsing.
              const unknownCharset = outcome.error instanceof WrikeDecodeError && outcome.error.message.includes("unknown charset");
              if (outcome.error instanceof WrikeDecodeError && !unknownCharset) expect(direct.parsed, `${String(outcome.error)} for ${JSON.stringify(text)}`).toBe(false);
            } else {
              expect(direct.parsed && direct.issues === 0).toBe(true);
              if (direct.parsed) expect(outcome.value).toStrictEqual(direct.result);
            }
          }
        }
        expectNoPollution();
      }
    }
    // The mutations reach every outcome, not only the parsers' errors.
    expect(counts.parseErrors).toBeGreaterThan(counts.mutations / 10);
    expect(counts.decoded).toBeGreaterThan(counts.mutations / 10);
    expect(counts.withIssues).toBeGreaterThan(0);
    expect(counts.mutations).toBeGreaterThan(5000);
    if (process.env.FUZZ_COUNTS) console.log(counts);
  }, 120_000);

  const TRICKY_STRINGS = ["", " ", "  padded  ", "\ttab", "line\nbreak", "a\r\nb", "\r", "trailing\r\n", "<b>&amp;</b>", "]]>", `"'`, "&#13;", "__proto__", "\u00a0nbsp\u00a0", "\u{1F600}", "ünï"];

  /** Every string in `value`, with a setter, so a mutation can replace one in place. */
  function stringSlots(value: unknown, out: { get(): string; set(s: string): void }[] = []) {
    if (typeof value !== "object" || value === null) return out;
    const container = value as Record<string, unknown>;
    for (const key of Object.keys(container)) {
      const v = container[key];
      if (typeof v === "string") out.push({ get: () => container[key] as string, set: (s) => (container[key] = s) });
      else stringSlots(v, out);
    }
    return out;
  }

  it("value mutations: tricky strings arrive exactly as sent, identically from JSON and XML; __proto__ keys stay data", () => {
    const r = random(SEED + 1);
    let compared = 0;
    for (const ex of documentExamples) {
      const { root, value } = textsOf(ex);
      const slots = stringSlots(value);
      if (slots.length === 0) continue;
      for (let k = 0; k < VALUE_MUTATIONS; k++) {
        const mutated = structuredClone(value);
        const mutatedSlots = stringSlots(mutated);
        const slot = r.pick(mutatedSlots);
        const tricky = r.pick(TRICKY_STRINGS);
        slot.set(tricky);
        const fromJson = decodeText(ex.method.id, "json", render(ex.method.id, "json", root, mutated));
        const fromXml = decodeText(ex.method.id, "xml", render(ex.method.id, "xml", root, mutated));
        // A string slot may be an enum or a date: a tricky value there is reported the same in both formats.
        expect(fromJson.parsed && fromXml.parsed).toBe(true);
        if (!fromJson.parsed || !fromXml.parsed) continue;
        expect(fromXml.issues, `${ex.method.id}: ${JSON.stringify(tricky)}`).toBe(fromJson.issues);
        if (fromJson.issues > 0) continue;
        compared++;
        expect(fromJson.result).toStrictEqual(mutated);
        expectContainedIn(fromXml.result, fromJson.result);
        expect(stringSlots(fromXml.result).some((s) => s.get() === tricky)).toBe(true);
      }
      // A JSON answer with __proto__ keys at every level decodes without touching a prototype.
      const hostile = render(ex.method.id, "json", root, value).replace(/\{/g, '{"__proto__":{"polluted":"yes"},');
      const decoded = decodeText(ex.method.id, "json", hostile);
      expect(decoded.parsed).toBe(true);
      expectNoPollution();
    }
    expect(compared).toBeGreaterThan(200);
  }, 120_000);
});
