/**
 * Primitives the generated response decoders call. A decoder has the signature `(value, key, ctx)`;
 * `ctx.path` holds the keys of the enclosing objects and lists, so the path of a mismatch
 * (`filteredList.list[2].status`) is only built when there is one.
 *
 * Decoding works in place on the freshly parsed document (JSON.parse or the XML parser produced it, so
 * nobody else holds it) and turns wire forms into the spec's canonical ones: numeric strings into
 * numbers, XML list wrappers into arrays, XML's "true"/"false" into booleans. The generated code checks
 * the canonical case inline and only calls these primitives for values that need converting or reporting.
 */
import { describeValue, type Issue } from "../errors.js";

export interface DecodeContext {
  readonly issues: Issue[];
  /**
   * Set when the document came from XML (every scalar arrived as a string, lists as wrapper elements):
   * converts those forms. Only XML support brings it, so JSON-only bundles leave XML's conversions out.
   */
  fromXml?: FromXml;
  /** Keys from the root to the value being decoded. */
  readonly path: (string | number)[];
}

export type Decoder<T> = (value: unknown, key: string | number, ctx: DecodeContext) => T;

export function joinPath(parentPath: string, key: string | number): string {
  if (typeof key === "number") return `${parentPath}[${key}]`;
  if (key === "") return parentPath;
  return parentPath === "" ? key : `${parentPath}.${key}`;
}

function pathTo(key: string | number, ctx: DecodeContext): string {
  return joinPath(ctx.path.reduce<string>(joinPath, ""), key);
}

function fail<T>(value: unknown, key: string | number, expected: string, ctx: DecodeContext): T {
  // The answer itself (a v4 document that is null or a list) has no path: "(root)", as v2's root check says.
  ctx.issues.push({ path: pathTo(key, ctx) || "(root)", expected, received: describeValue(value) });
  return value as T;
}

export function missing(key: string, ctx: DecodeContext): void {
  fail(undefined, key, "present (required field)", ctx);
}

const INTEGER_TEXT = /^-?\d+$/;
const NUMBER_TEXT = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
// Numbers that do not fit are errors, never rounded: two ids past 2^53 could otherwise collide.
const SAFE_INTEGER = `within ±${Number.MAX_SAFE_INTEGER}`;

/**
 * The id an all-digit string of at most 15 characters stands for (always a safe integer), else -1:
 * the common case of numeric-string ids, read without a regular expression.
 */
function shortDigits(text: string): number {
  const length = text.length;
  if (length === 0 || length > 15) return -1;
  let n = 0;
  for (let i = 0; i < length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  return n;
}

/** A numeric string as an integer, or undefined when it is not one or does not fit a safe integer. */
function integerText(text: string): number | undefined {
  const n = shortDigits(text);
  if (n >= 0) return n;
  if (!INTEGER_TEXT.test(text)) return undefined;
  const parsed = Number(text);
  return Number.isSafeInteger(parsed) ? parsed : undefined;
}

/** Object ids: numbers, or numeric strings from XML and from methods that send ids as strings. */
export const id: Decoder<number> = (value, key, ctx) => {
  if (typeof value === "number" && Number.isSafeInteger(value)) return value;
  const parsed = typeof value === "string" ? integerText(value) : undefined;
  return parsed ?? fail(value, key, `an id (integer or numeric string ${SAFE_INTEGER})`, ctx);
};

// Checks: a value in its canonical form passes, any other is reported. The decoders of an API without XML
// call these (and the check* list loops below) directly, so its bundles carry none of XML's conversions.

const INTEGER = `integer ${SAFE_INTEGER}`;
/** Finite numbers only: JSON's 1e400 parses as Infinity, which no field means. */
const DOUBLE = "a finite number";

export const checkInteger: Decoder<number> = (value, key, ctx) => (Number.isSafeInteger(value) ? (value as number) : fail(value, key, INTEGER, ctx));

export const checkDouble: Decoder<number> = (value, key, ctx) => (Number.isFinite(value) ? (value as number) : fail(value, key, DOUBLE, ctx));

export const checkBoolean: Decoder<boolean> = (value, key, ctx) => (typeof value === "boolean" ? value : fail(value, key, "boolean", ctx));

export const string: Decoder<string> = (value, key, ctx) => (typeof value === "string" ? value : fail(value, key, "string", ctx));

/** Whether a model decoder's value is an object (reported when not), for decoders that work on the value itself. */
export function checkObject(value: unknown, key: string | number, ctx: DecodeContext): value is Record<string, unknown> {
  if (typeof value === "object" && value !== null && !Array.isArray(value)) return true;
  fail(value, key, "object", ctx);
  return false;
}

// The canonical cases of optional scalar fields, which generated decoders check inline, all fields of an
// object in one condition, before calling optionalScalars.
export const isOptionalString = (v: unknown): boolean => v === undefined || typeof v === "string";
export const isOptionalBoolean = (v: unknown): boolean => v === undefined || typeof v === "boolean";
export const isOptionalInteger = (v: unknown): boolean => v === undefined || Number.isSafeInteger(v);
export const isOptionalDouble = (v: unknown): boolean => v === undefined || Number.isFinite(v);

/**
 * Reports the optional scalar fields of `o` that are not in their canonical form, each through the check
 * `checks` names for it: one call and a table instead of a report written out per field, which is what the
 * decoders spend most bytes on. Only called when the inline condition fails (keyed loads cost about ten
 * times a named one), and only for fields that need no converting.
 */
export function optionalScalars(o: Record<string, unknown>, checks: Readonly<Record<string, Decoder<unknown>>>, ctx: DecodeContext): void {
  for (const key in checks) {
    const v = o[key];
    if (v !== undefined) checks[key]!(v, key, ctx);
  }
}

// A scalar list's item is reported at key `${key}[${i}]`: the same path text as pushing key then i, and
// nothing to undo on the slow path.

// Each list decoder has its loop written out, the canonical case checked inline: the hot path of large
// documents (a shared loop helper, one call deeper, measured slower).

/** A list field of an API without XML: absent, or an array whose items decodeItem checks in place (models, json). */
export function checkList(value: unknown, key: string | number, ctx: DecodeContext, decodeItem: Decoder<unknown>): void {
  if (Array.isArray(value)) {
    ctx.path.push(key);
    for (let i = 0; i < value.length; i++) value[i] = decodeItem(value[i], i, ctx);
    ctx.path.pop();
  } else if (value !== undefined) fail(value, key, "list", ctx);
}

/** A list-of-strings field of an API without XML: absent, or an array of strings. */
export function checkStringList(value: unknown, key: string | number, ctx: DecodeContext): void {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (typeof value[i] !== "string") fail(value[i], `${key}[${i}]`, "string", ctx);
  } else if (value !== undefined) fail(value, key, "list", ctx);
}

/** The decoder of a list whose items `decodeItem` checks, for reportFields' tables. */
export const listOf =
  (decodeItem: Decoder<unknown>): Decoder<void> =>
  (value, key, ctx) =>
    checkList(value, key, ctx, decodeItem);

/**
 * Reports what is wrong with an object that a generated canonical check refused (the decoders of models that
 * only check): each field through the decoder `decoders` names for it, an absent required field as missing,
 * null let through for the nullable ones. A walk of a table with keyed loads, not code per field: it runs
 * only for an object with a mismatch, so it is written for size.
 */
export function reportFields(o: unknown, key: string | number, ctx: DecodeContext, decoders: Readonly<Record<string, Decoder<unknown>>>, required: readonly string[] = [], nullable: readonly string[] = []): void {
  if (!checkObject(o, key, ctx)) return;
  ctx.path.push(key);
  for (const name in decoders) {
    const v = o[name];
    if (v === undefined) {
      if (required.includes(name)) missing(name, ctx);
    } else if (v !== null || !nullable.includes(name)) decoders[name]!(v, name, ctx);
  }
  ctx.path.pop();
}

// Decoders that also convert: XML's forms (every scalar as text, lists as wrapper elements) and
// comma-separated lists. They assign back what they return.

export const integer: Decoder<number> = (value, key, ctx) => {
  if (typeof value === "number" && Number.isSafeInteger(value)) return value;
  return (ctx.fromXml?.(value, "integer") as number | undefined) ?? fail(value, key, INTEGER, ctx);
};

export const double: Decoder<number> = (value, key, ctx) => {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  return (ctx.fromXml?.(value, "double") as number | undefined) ?? fail(value, key, DOUBLE, ctx);
};

export const boolean: Decoder<boolean> = (value, key, ctx) => {
  if (typeof value === "boolean") return value;
  return (ctx.fromXml?.(value, "boolean") as boolean | undefined) ?? fail(value, key, "boolean", ctx);
};

/** The object a model decoder works on (an empty XML element is one with every field absent); reports and returns undefined when it is not one. */
export function object(value: unknown, key: string | number, ctx: DecodeContext): Record<string, unknown> | undefined {
  if (typeof value === "object" && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  const empty = ctx.fromXml?.(value, "object") as Record<string, unknown> | undefined;
  if (empty) return empty;
  fail(value, key, "object", ctx);
  return undefined;
}

/**
 * The items of a list. JSON sends an array; XML sends a wrapper element whose children are
 * `itemElement`s (one child parses as an object, several as an array, none as ""). With
 * `commaSeparated`, one string "1,2" is also accepted, as some reference examples send it.
 */
function items(value: unknown, key: string, ctx: DecodeContext, itemElement: string | undefined, commaSeparated: boolean): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  const wrapped = ctx.fromXml?.(value, "list", itemElement) as unknown[] | undefined;
  if (wrapped) return wrapped;
  if (commaSeparated && typeof value === "string") return value === "" ? [] : value.split(",");
  fail(value, key, "list", ctx);
  return undefined;
}

/** A list whose items a decoder checks one by one (models, and scalars without a loop of their own). */
export function list<T>(value: unknown, key: string, ctx: DecodeContext, itemElement: string | undefined, decodeItem: Decoder<T>, commaSeparated = false): T[] {
  const a = items(value, key, ctx, itemElement, commaSeparated);
  if (a === undefined) return value as T[];
  ctx.path.push(key);
  for (let i = 0; i < a.length; i++) a[i] = decodeItem(a[i], i, ctx);
  ctx.path.pop();
  return a as T[];
}

// A JSON array is checked where it is (items() only for XML wrappers and comma-separated strings).
export function stringList(value: unknown, key: string, ctx: DecodeContext, itemElement?: string, commaSeparated = false): string[] {
  const a = Array.isArray(value) ? value : items(value, key, ctx, itemElement, commaSeparated);
  if (a === undefined) return value as string[];
  for (let i = 0; i < a.length; i++) if (typeof a[i] !== "string") fail(a[i], `${key}[${i}]`, "string", ctx);
  return a as string[];
}

/** Ids as numbers; short numeric strings (the usual wire form of parent and dependency ids) are read inline. */
export function idList(value: unknown, key: string, ctx: DecodeContext, itemElement?: string, commaSeparated = false): number[] {
  const a = Array.isArray(value) ? value : items(value, key, ctx, itemElement, commaSeparated);
  if (a === undefined) return value as number[];
  for (let i = 0; i < a.length; i++) {
    const item: unknown = a[i];
    if (typeof item === "number" && Number.isSafeInteger(item)) continue;
    const n = typeof item === "string" ? shortDigits(item) : -1;
    if (n >= 0) a[i] = n;
    else a[i] = id(item, `${key}[${i}]`, ctx);
  }
  return a as number[];
}

export function integerList(value: unknown, key: string, ctx: DecodeContext, itemElement?: string, commaSeparated = false): number[] {
  const a = Array.isArray(value) ? value : items(value, key, ctx, itemElement, commaSeparated);
  if (a === undefined) return value as number[];
  for (let i = 0; i < a.length; i++) if (!Number.isSafeInteger(a[i])) a[i] = integer(a[i], `${key}[${i}]`, ctx);
  return a as number[];
}

/** Moves a field sent under an alias (a misspelling seen in the wild) to its canonical name. */
export function renameAlias(obj: Record<string, unknown>, alias: string, canonical: string): void {
  if (obj[canonical] === undefined && obj[alias] !== undefined) {
    obj[canonical] = obj[alias];
    delete obj[alias];
  }
}

/** What XML sends instead of a canonical value: a scalar as text, an empty element as "", a list as a wrapper element. */
export type FromXml = (value: unknown, expected: "integer" | "double" | "boolean" | "object" | "list", itemElement?: string) => unknown;

/** An element with no content but XML whitespace (space, tab, line breaks). */
const isBlank = (value: unknown): boolean => typeof value === "string" && /^[ \t\r\n]*$/.test(value);

/**
 * The canonical form of an XML value, or undefined when it has none: numbers and booleans from their
 * text; an element with no children and no attributes as an object whose fields are all absent or as an
 * empty list, also when it holds only whitespace (`<parents>\n  </parents>`, an indented empty list: the
 * parser keeps text as it is, so a string field keeps such text); a list's wrapper element, whose
 * children are `itemElement`s (one child parses as an object, several as an array), as the array of its items.
 */
export const fromXml: FromXml = (value, expected, itemElement) => {
  if (expected === "list") {
    if (isBlank(value)) return [];
    if (typeof value !== "object" || value === null || !(itemElement! in value)) return undefined;
    const inner = (value as Record<string, unknown>)[itemElement!];
    return Array.isArray(inner) ? inner : [inner];
  }
  if (expected === "object") return isBlank(value) ? {} : undefined;
  if (typeof value !== "string") return undefined;
  if (expected === "integer") return integerText(value);
  if (expected === "boolean") return value === "true" ? true : value === "false" ? false : undefined;
  const parsed = NUMBER_TEXT.test(value) ? Number(value) : NaN;
  return Number.isFinite(parsed) ? parsed : undefined;
};

/** A context for decoding one document; `xml` when it came from XML. */
export function newContext(xml: boolean): DecodeContext {
  return { issues: [], path: [], fromXml: xml ? fromXml : undefined };
}

/** For root dispatch: reports a document whose root key is none of the method's. */
export function unknownRoot(document: unknown, roots: readonly string[], ctx: DecodeContext): undefined {
  const found = typeof document === "object" && document !== null ? Object.keys(document).join(", ") || "no keys" : describeValue(document);
  ctx.issues.push({ path: "(root)", expected: `one of root keys ${roots.join(", ")}`, received: found });
  return undefined;
}

/** Untyped JSON (records the reference leaves open): passed through as parsed. */
export const json: Decoder<unknown> = (value) => value;
