/**
 * Primitives the generated argument encoders call: each checks one argument value and writes its wire
 * form, or records an Issue naming the argument. Nothing is sent unless every argument passes.
 */
import { describeValue, type Issue } from "../errors.js";

/** Wire pairs in the order they are sent: [name, value] before percent-encoding. */
export type WirePairs = Array<[string, string]>;

export interface EncodeContext {
  readonly issues: Issue[];
  readonly pairs: WirePairs;
}

/** Turns one item into its wire text, or returns undefined after recording why it cannot. */
export type ItemEncoder = (value: unknown, path: string, ctx: EncodeContext) => string | undefined;

function reject(value: unknown, path: string, expected: string, ctx: EncodeContext): undefined {
  ctx.issues.push({ path, expected, received: describeValue(value) });
  return undefined;
}

export const string: ItemEncoder = (value, path, ctx) => (typeof value === "string" ? value : reject(value, path, "string", ctx));

export const integer: ItemEncoder = (value, path, ctx) =>
  typeof value === "number" && Number.isSafeInteger(value) ? String(value) : reject(value, path, "integer", ctx);

export const id: ItemEncoder = (value, path, ctx) => {
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return String(value);
  if (typeof value === "string" && /^\d+$/.test(value)) return value;
  return reject(value, path, "an id (non-negative integer)", ctx);
};

export const double: ItemEncoder = (value, path, ctx) =>
  typeof value === "number" && Number.isFinite(value) ? String(value) : reject(value, path, "finite number", ctx);

export const boolean: ItemEncoder = (value, path, ctx) =>
  typeof value === "boolean" ? String(value) : reject(value, path, "boolean", ctx);

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function utcDate(d: Date): string {
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

const DATE_TEXT = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_DATE_TIME_TEXT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;

function isValidDate(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}

/** yyyy-MM-dd; a Date is written with its UTC calendar day. */
export const date: ItemEncoder = (value, path, ctx) => {
  if (typeof value === "string" && DATE_TEXT.test(value)) return value;
  if (isValidDate(value)) return utcDate(value);
  return reject(value, path, "a date (yyyy-MM-dd or a valid Date)", ctx);
};

/** yyyy-MM-dd'T'HH:mm:ss without a zone; a Date is written in UTC. */
export const localDateTime: ItemEncoder = (value, path, ctx) => {
  if (typeof value === "string" && LOCAL_DATE_TIME_TEXT.test(value)) return value;
  if (isValidDate(value)) return `${utcDate(value)}T${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}`;
  return reject(value, path, "a date and time (yyyy-MM-ddTHH:mm:ss or a valid Date)", ctx);
};

/** Wraps an encoder so that its text must also match `pattern`. */
export function matching(encode: ItemEncoder, pattern: RegExp): ItemEncoder {
  return (value, path, ctx) => {
    const text = encode(value, path, ctx);
    if (text !== undefined && !pattern.test(text)) return reject(value, path, `text matching ${pattern}`, ctx);
    return text;
  };
}

/** Encodes one scalar argument into ctx.pairs. */
export function scalar(wireName: string, value: unknown, path: string, encode: ItemEncoder, ctx: EncodeContext): void {
  const text = encode(value, path, ctx);
  if (text !== undefined) ctx.pairs.push([wireName, text]);
}

/** Encodes a list argument: comma-joined, a JSON array, or one pair per item. */
export function list(
  wireName: string,
  value: unknown,
  path: string,
  encoding: "comma" | "json" | "repeat",
  encodeItem: ItemEncoder,
  ctx: EncodeContext,
): void {
  if (!Array.isArray(value)) {
    reject(value, path, "a list", ctx);
    return;
  }
  const texts: string[] = [];
  let ok = true;
  for (let i = 0; i < value.length; i++) {
    const itemPath = `${path}[${i}]`;
    const text = encodeItem(value[i], itemPath, ctx);
    if (text === undefined) ok = false;
    else if (encoding === "comma" && text.includes(",")) {
      reject(value[i], itemPath, "an item without commas (items are joined by commas)", ctx);
      ok = false;
    } else texts.push(text);
  }
  if (!ok) return;
  if (encoding === "repeat") for (const t of texts) ctx.pairs.push([wireName, t]);
  else ctx.pairs.push([wireName, encoding === "comma" ? texts.join(",") : JSON.stringify(texts)]);
}

/** Records a missing required argument. */
export function missing(path: string, ctx: EncodeContext): void {
  ctx.issues.push({ path, expected: "present (required argument)", received: "nothing" });
}

/** The arguments as a record, or undefined after recording that they are not an object. */
export function argsObject(args: unknown, ctx: EncodeContext): Record<string, unknown> | undefined {
  if (typeof args === "object" && args !== null && !Array.isArray(args)) return args as Record<string, unknown>;
  reject(args, "(arguments)", "an object of named arguments", ctx);
  return undefined;
}

/** Records arguments the method does not take (typos from untyped callers). */
export function rejectUnknown(args: object, known: ReadonlySet<string>, ctx: EncodeContext): void {
  for (const key of Object.keys(args)) if (!known.has(key)) ctx.issues.push({ path: key, expected: "no such argument", received: "an unknown argument" });
}

/** Records a call that gives none of a group of alternative arguments. */
export function requireOneOf(args: Record<string, unknown>, names: readonly string[], ctx: EncodeContext): void {
  if (names.every((n) => args[n] === undefined)) ctx.issues.push({ path: names.join(" | "), expected: `one of ${names.join(", ")}`, received: "none" });
}

export function newEncodeContext(): EncodeContext {
  return { issues: [], pairs: [] };
}

// One encoder per scalar type of the spec, named after it, so emitters map a type to `e.<type>`.
export const long = integer;
export const uid = string;
export const timestamp = string;
