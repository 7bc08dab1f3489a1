/**
 * Primitives the generated wire-argument readers call: the server side of runtime/encode.ts. A server
 * (the emulator, a mock) reads a request's form parameters back into typed arguments with them.
 */
import type { Issue } from "../errors.js";

export interface WireContext {
  /** Arguments present but malformed. */
  readonly issues: Issue[];
  /** Required arguments (or groups of alternatives) that are absent, by name. */
  readonly missing: string[];
}

/** Reads one item's text; returns undefined after recording an issue. */
export type WireParser = (text: string, path: string, ctx: WireContext) => unknown;

function bad(text: string, path: string, expected: string, ctx: WireContext): undefined {
  ctx.issues.push({ path, expected, received: JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text) });
  return undefined;
}

export const string: WireParser = (text) => text;
export const id: WireParser = (text, path, ctx) => (/^\d+$/.test(text) ? Number(text) : bad(text, path, "an id", ctx));
export const integer: WireParser = (text, path, ctx) => (/^-?\d+$/.test(text) ? Number(text) : bad(text, path, "an integer", ctx));
export const double: WireParser = (text, path, ctx) => (text.trim() !== "" && Number.isFinite(Number(text)) ? Number(text) : bad(text, path, "a number", ctx));
export const boolean: WireParser = (text, path, ctx) => (text === "true" ? true : text === "false" ? false : bad(text, path, "true or false", ctx));
export const date: WireParser = (text, path, ctx) => (/^\d{4}-\d{2}-\d{2}$/.test(text) ? text : bad(text, path, "a date yyyy-MM-dd", ctx));
export const localDateTime: WireParser = (text, path, ctx) =>
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(text) ? text : bad(text, path, "a date and time yyyy-MM-ddTHH:mm:ss", ctx);

export function matching(parse: WireParser, pattern: RegExp): WireParser {
  return (text, path, ctx) => (pattern.test(text) ? parse(text, path, ctx) : bad(text, path, `text matching ${pattern}`, ctx));
}

/** One scalar argument, or undefined when absent or malformed. */
export function scalar(params: URLSearchParams, wireName: string, parse: WireParser, ctx: WireContext): unknown {
  const text = params.get(wireName);
  return text === null ? undefined : parse(text, wireName, ctx);
}

/**
 * The untrimmed items of a `[a,b]` list (`[]` has none), or undefined when the text is not in brackets. A JSON
 * array of strings (what a JSON request body's array becomes) gives its strings, without their quotes.
 */
export function bracketItems(text: string): string[] | undefined {
  const strings = jsonStrings(text);
  if (strings !== undefined) return strings;
  const inner = /^\s*\[(.*)\]\s*$/s.exec(text)?.[1];
  if (inner === undefined) return undefined;
  return inner.trim() === "" ? [] : inner.split(",");
}

function jsonStrings(text: string): string[] | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) && parsed.every((item) => typeof item === "string") ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** One list argument, or undefined when absent or malformed. */
export function list(params: URLSearchParams, wireName: string, encoding: "comma" | "bracket" | "json" | "repeat", parse: WireParser, ctx: WireContext): unknown[] | undefined {
  let texts: string[];
  if (encoding === "repeat") {
    texts = params.getAll(wireName);
    if (texts.length === 0) return undefined;
  } else {
    const text = params.get(wireName);
    if (text === null) return undefined;
    if (encoding === "comma") texts = text === "" ? [] : text.split(",");
    else if (encoding === "bracket") {
      const items = bracketItems(text);
      if (items === undefined) return bad(text, wireName, "a list in brackets, such as [a,b]", ctx);
      texts = items;
    } else {
      try {
        const parsed: unknown = JSON.parse(text);
        if (!Array.isArray(parsed)) return bad(text, wireName, "a JSON array", ctx);
        texts = parsed.map(String);
      } catch {
        return bad(text, wireName, "a JSON array", ctx);
      }
    }
  }
  const before = ctx.issues.length;
  const values = texts.map((t, i) => parse(t.trim(), `${wireName}[${i}]`, ctx));
  return ctx.issues.length === before ? values : undefined;
}

export function newWireContext(): WireContext {
  return { issues: [], missing: [] };
}

// One reader per scalar type of the spec, named after it, so emitters map a type to `w.<type>`.
export const long = integer;
export const uid = string;
export const timestamp = string;
