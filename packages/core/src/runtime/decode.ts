/**
 * Primitives the generated response decoders call. Every decoder has the same signature,
 * `(value, parentPath, key, ctx) => decoded`, so scalars, models and list items compose; the path of a
 * mismatch is only built when there is one.
 *
 * Decoding works in place on the freshly parsed document (JSON.parse or the XML parser produced it, so
 * nobody else holds it) and turns wire forms into the spec's canonical ones: numeric strings into
 * numbers, XML list wrappers into arrays, XML's "true"/"false" into booleans.
 */
import { describeValue, type Issue } from "../errors.js";

export interface DecodeContext {
  readonly issues: Issue[];
  /** The document came from XML: every scalar arrived as a string and lists as wrapper elements. */
  readonly xml: boolean;
}

export type Decoder<T> = (value: unknown, parentPath: string, key: string | number, ctx: DecodeContext) => T;

export function joinPath(parentPath: string, key: string | number): string {
  if (typeof key === "number") return `${parentPath}[${key}]`;
  return parentPath === "" ? key : `${parentPath}.${key}`;
}

function fail<T>(value: unknown, parentPath: string, key: string | number, expected: string, ctx: DecodeContext): T {
  ctx.issues.push({ path: joinPath(parentPath, key), expected, received: describeValue(value) });
  return value as T;
}

export function missing(parentPath: string, key: string, ctx: DecodeContext): void {
  ctx.issues.push({ path: joinPath(parentPath, key), expected: "present (required field)", received: "nothing" });
}

const INTEGER_TEXT = /^-?\d+$/;
const NUMBER_TEXT = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** Object ids: numbers, or numeric strings from XML and from methods that send ids as strings. */
export const id: Decoder<number> = (value, parentPath, key, ctx) => {
  if (typeof value === "number" && Number.isSafeInteger(value)) return value;
  if (typeof value === "string" && INTEGER_TEXT.test(value)) return Number(value);
  return fail(value, parentPath, key, "an id (integer or numeric string)", ctx);
};

export const integer: Decoder<number> = (value, parentPath, key, ctx) => {
  if (typeof value === "number" && Number.isSafeInteger(value)) return value;
  if (ctx.xml && typeof value === "string" && INTEGER_TEXT.test(value)) return Number(value);
  return fail(value, parentPath, key, "integer", ctx);
};

export const double: Decoder<number> = (value, parentPath, key, ctx) => {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (ctx.xml && typeof value === "string" && NUMBER_TEXT.test(value)) return Number(value);
  return fail(value, parentPath, key, "number", ctx);
};

export const boolean: Decoder<boolean> = (value, parentPath, key, ctx) => {
  if (typeof value === "boolean") return value;
  if (ctx.xml && (value === "true" || value === "false")) return value === "true";
  return fail(value, parentPath, key, "boolean", ctx);
};

export const string: Decoder<string> = (value, parentPath, key, ctx) => {
  if (typeof value === "string") return value;
  return fail(value, parentPath, key, "string", ctx);
};

/** The object an inline model decoder works on; reports and returns undefined when it is not one. */
export function object(value: unknown, parentPath: string, key: string | number, ctx: DecodeContext): Record<string, unknown> | undefined {
  if (typeof value === "object" && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  // An XML element with no children and no attributes parses as "": an object whose fields are all absent.
  if (ctx.xml && value === "") return {};
  fail(value, parentPath, key, "object", ctx);
  return undefined;
}

/**
 * A list. JSON sends an array; XML sends a wrapper element whose children are `itemElement`s (one child
 * parses as an object, several as an array, none as ""). With `commaSeparated`, one string "1,2" is also
 * accepted, as some reference examples send it.
 */
export function list<T>(
  value: unknown,
  parentPath: string,
  key: string,
  ctx: DecodeContext,
  itemElement: string,
  decodeItem: Decoder<T>,
  commaSeparated = false,
): T[] {
  let items: unknown[];
  if (Array.isArray(value)) items = value;
  else if (ctx.xml && value === "") return [];
  else if (ctx.xml && typeof value === "object" && value !== null && itemElement in value) {
    const inner = (value as Record<string, unknown>)[itemElement];
    items = Array.isArray(inner) ? inner : [inner];
  } else if (commaSeparated && typeof value === "string") items = value === "" ? [] : value.split(",");
  else return fail(value, parentPath, key, "list", ctx);
  const path = joinPath(parentPath, key);
  for (let i = 0; i < items.length; i++) items[i] = decodeItem(items[i], path, i, ctx);
  return items as T[];
}

/** Moves a field sent under an alias (a misspelling seen in the wild) to its canonical name. */
export function renameAlias(obj: Record<string, unknown>, alias: string, canonical: string): void {
  if (obj[canonical] === undefined && obj[alias] !== undefined) {
    obj[canonical] = obj[alias];
    delete obj[alias];
  }
}

export function newContext(xml: boolean): DecodeContext {
  return { issues: [], xml };
}

/** For root dispatch: reports a document whose root key is none of the method's. */
export function unknownRoot(document: unknown, roots: readonly string[], ctx: DecodeContext): never | undefined {
  const found = typeof document === "object" && document !== null ? Object.keys(document).join(", ") || "no keys" : describeValue(document);
  ctx.issues.push({ path: "(root)", expected: `one of root keys ${roots.join(", ")}`, received: found });
  return undefined;
}

// One decoder per scalar type of the spec, named after it, so emitters map a type to `d.<type>`.
export const long = integer;
export const uid = string;
export const timestamp = string;
export const date = string;
export const localDateTime = string;
