/**
 * The argument encoders: the generated code describes each method's arguments as a table of rows
 * (`encoder`), which one interpreter walks; each writer checks one argument value and writes its wire
 * form, or records an Issue naming the argument. Nothing is sent unless every argument passes.
 */
import { describeValue, WrikeAsyncKeyMismatchError, type Issue } from "../errors.js";
import { v2TimestampParts } from "../dates.js";

/** Wire pairs in the order they are sent: [name, value] before percent-encoding. */
export type WirePairs = Array<[string, string]>;

/**
 * Where an argument travels (the spec's `in`): one of the context's pair lists, `ctx.pairs` (the form body,
 * the default), `ctx.query`, `ctx.path` or `ctx.headers`. REST APIs use all four, rpc-style v2 only the body.
 */
export type Slot = WirePairs;

/** A raw request body (uploads): the file's bytes as they are sent. */
export type RawBody = Blob | ArrayBuffer | Uint8Array | ReadableStream<Uint8Array>;

/** What an upload argument takes: a raw body, or a Node Readable (any async iterable of bytes), read as a web stream. */
export type UploadBody = RawBody | AsyncIterable<Uint8Array>;

/**
 * What the encoders build, slot by slot (see the REST request contract): the API's protocol turns it into the URL,
 * the query string, the headers and the body.
 */
export interface EncodeContext {
  readonly issues: Issue[];
  /** Form body pairs: every v2 argument, v4 arguments `in: body`. */
  readonly pairs: WirePairs;
  /** Path parameters: wire name and text before percent-encoding (a list: its items joined with ","). */
  readonly path: WirePairs;
  readonly query: WirePairs;
  readonly headers: WirePairs;
  /** The raw body of an upload (`encoding: raw`). */
  body?: RawBody;
  /** Set when that body is a stream: read as it is sent, it cannot go out again (one attempt, no resend). */
  streamed?: boolean;
  /** The values of sensitive arguments (see `secret`), which the call's errors never quote. */
  secrets?: string[];
  /** What the arguments ask of the decoded answer (see `echoed`): throws when the answer does not do it. */
  check?: (result: unknown, methodId: string) => void;
}

/** Turns one item into its wire text, or returns undefined after recording why it cannot. */
export type ItemEncoder = (value: unknown, path: string, ctx: EncodeContext) => string | undefined;

function reject(value: unknown, path: string, expected: string, ctx: EncodeContext): undefined {
  ctx.issues.push({ path, expected, received: describeValue(value) });
  return undefined;
}

/**
 * Whether text has a UTF-8 form: a lone surrogate has none, and a form body would carry U+FFFD instead.
 * Where String#isWellFormed is missing (browsers before 2023), encodeURIComponent refuses the same texts.
 */
function isWellFormed(text: string): boolean {
  try {
    return (text as { isWellFormed?: () => boolean }).isWellFormed?.() ?? encodeURIComponent(text) !== undefined;
  } catch {
    return false;
  }
}

export const string: ItemEncoder = (value, path, ctx) =>
  typeof value !== "string" ? reject(value, path, "string", ctx) : isWellFormed(value) ? value : reject(value, path, "text without a lone UTF-16 surrogate (it has no UTF-8 form)", ctx);

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

/** yyyy-MM-dd; a Date is written with its UTC calendar day, a v2 timestamp (as v2 answers) with its day. */
export const date: ItemEncoder = (value, path, ctx) => {
  if (typeof value === "string" && DATE_TEXT.test(value)) return value;
  const v2 = typeof value === "string" ? v2TimestampParts(value) : undefined;
  if (v2) return v2.localDateTime.slice(0, 10);
  if (isValidDate(value)) return utcDate(value);
  return reject(value, path, "a date (yyyy-MM-dd, a date as Wrike returned it, or a valid Date)", ctx);
};

/**
 * yyyy-MM-dd'T'HH:mm:ss without a zone; a Date is written in UTC, a v2 timestamp (yyyy-MM-dd HH:mm:ss.S, as
 * v2 answers) with its digits, the fraction of a second dropped (the argument form has none).
 */
export const localDateTime: ItemEncoder = (value, path, ctx) => {
  if (typeof value === "string" && LOCAL_DATE_TIME_TEXT.test(value)) return value;
  const v2 = typeof value === "string" ? v2TimestampParts(value) : undefined;
  if (v2) return v2.localDateTime;
  if (isValidDate(value)) return `${utcDate(value)}T${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}`;
  const hint = typeof value === "string" && DATE_TEXT.test(value) ? `; for a whole day pass "${value}T00:00:00"` : "";
  return reject(value, path, `a date and time (yyyy-MM-ddTHH:mm:ss, a date as Wrike returned it, or a valid Date${hint})`, ctx);
};

/** Wraps an encoder so that its text must also match `pattern`. */
export function matching(encode: ItemEncoder, pattern: RegExp): ItemEncoder {
  return (value, path, ctx) => {
    const text = encode(value, path, ctx);
    if (text !== undefined && !pattern.test(text)) return reject(value, path, `text matching ${pattern}`, ctx);
    return text;
  };
}

/**
 * Writes one argument's value into its slot under its wire name, or records an Issue at `path` (the
 * argument's name); `item` checks the value or each of its items. Writers that need no item or wire name
 * (`raw`) take fewer parameters.
 */
export type Writer<I> = (value: unknown, path: string, ctx: EncodeContext, slot: Slot, item: I, wireName: string) => void;

/** Encodes one scalar argument into its slot. */
export const scalar: Writer<ItemEncoder> = (value, path, ctx, slot, encode, wireName) => {
  const text = encode(value, path, ctx);
  if (text !== undefined) slot.push([wireName, text]);
};

/** A nullable argument's writer: null is sent as the JSON text `null`, which removes the value (v4 metadata, custom fields). */
export function nullable<I>(write: Writer<I>): Writer<I> {
  return (value, path, ctx, slot, item, wireName) => {
    if (value === null) slot.push([wireName, "null"]);
    else write(value, path, ctx, slot, item, wireName);
  };
}

/** What the items of a joined list may not contain, and why (the refusal's `expected`). */
interface Separators {
  readonly forbidden: RegExp;
  readonly expected: string;
}

const COMMA_JOINED: Separators = { forbidden: /,/, expected: "an item without commas (items are joined by commas)" };
const BRACKETED: Separators = { forbidden: /[,[\]]/, expected: "an item without commas or brackets (items are sent as [a,b])" };

/**
 * The wire texts of a list argument's items, or undefined after recording why not. Items of a joined list
 * may not contain its separators.
 */
function itemTexts(value: unknown, path: string, encodeItem: ItemEncoder, ctx: EncodeContext, separators?: Separators): string[] | undefined {
  if (!Array.isArray(value)) return reject(value, path, "a list", ctx);
  const before = ctx.issues.length;
  const texts = value.map((item, i) => {
    const itemPath = `${path}[${i}]`;
    const text = encodeItem(item, itemPath, ctx);
    if (separators && text !== undefined && separators.forbidden.test(text)) reject(item, itemPath, separators.expected, ctx);
    return text;
  });
  return ctx.issues.length === before ? (texts as string[]) : undefined;
}

// One function per list encoding, so that a bundle carries only the encodings its methods use.

/** A list argument sent as its items joined by commas. */
export const commaList: Writer<ItemEncoder> = (value, path, ctx, slot, encodeItem, wireName) => {
  const texts = itemTexts(value, path, encodeItem, ctx, COMMA_JOINED);
  if (texts) slot.push([wireName, texts.join(",")]);
};

/** A list argument sent as its items, unquoted, joined by commas inside brackets: `[TaskCreated,CommentAdded]` (v4 webhook events). */
export const bracketList: Writer<ItemEncoder> = (value, path, ctx, slot, encodeItem, wireName) => {
  const texts = itemTexts(value, path, encodeItem, ctx, BRACKETED);
  if (texts) slot.push([wireName, `[${texts.join(",")}]`]);
};

/** A list argument sent as one pair per item. */
export const repeatList: Writer<ItemEncoder> = (value, path, ctx, slot, encodeItem, wireName) => {
  for (const text of itemTexts(value, path, encodeItem, ctx) ?? []) slot.push([wireName, text]);
};

/** A list argument sent as a JSON array: strings (ids, enum values, dates given as Date) as JSON strings, numbers and booleans as they are. */
export const jsonList: Writer<ItemEncoder> = (value, path, ctx, slot, encodeItem, wireName) => {
  const texts = itemTexts(value, path, encodeItem, ctx);
  if (texts) slot.push([wireName, JSON.stringify((value as unknown[]).map((item, i) => (typeof item === "number" || typeof item === "boolean" ? item : texts[i])))]);
};

// JSON-text arguments whose values are objects or free JSON (v4 `dates`, `customFields`, `metadata`): the
// value, or each item of the list, checked by an ItemChecker (which returns it, or undefined after recording
// why not), the whole value or list sent as one JSON text.

/** A JSON-text argument holding one value. */
export const jsonValue: Writer<ItemChecker> = (value, path, ctx, slot, checkItem, wireName) => {
  const checked = checkItem(value, path, ctx);
  if (checked !== undefined) slot.push([wireName, JSON.stringify(checked)]);
};

/** A JSON-text argument holding a list, sent as one JSON array. */
export const jsonArray: Writer<ItemChecker> = (value, path, ctx, slot, checkItem, wireName) => {
  if (!Array.isArray(value)) {
    reject(value, path, "a list", ctx);
    return;
  }
  const before = ctx.issues.length;
  const items = value.map((item, i) => checkItem(item, `${path}[${i}]`, ctx));
  if (ctx.issues.length === before) slot.push([wireName, JSON.stringify(items)]);
};

/** Checks one item of a JSON-text argument and returns what JSON.stringify should write. */
export type ItemChecker = (value: unknown, path: string, ctx: EncodeContext) => unknown;

/** Any value JSON can carry (what the reference leaves untyped), without a Date inside (see dateIn). */
export const json: ItemChecker = (value, path, ctx) => {
  try {
    if (JSON.stringify(value) !== undefined) {
      const date = dateIn(value, path);
      return date === undefined ? value : reject(date[1], date[0], "text in the form Wrike takes (a Date goes only in an argument typed as a date)", ctx);
    }
  } catch {
    // A cycle or a bigint: not JSON.
  }
  return reject(value, path, "a JSON value (no functions, cycles or bigints)", ctx);
};

/**
 * The first Date inside a JSON value, with its path. JSON.stringify would send it as an ISO text with
 * milliseconds, a form no Wrike field takes, and an invalid one as null, which clears a nullable field.
 */
function dateIn(value: unknown, path: string): [path: string, date: Date] | undefined {
  if (value instanceof Date) return [path, value];
  if (typeof value !== "object" || value === null) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const found = dateIn(item, Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`);
    if (found) return found;
  }
  return undefined;
}

/** An object argument sent as JSON text (a model of the spec: `dates`, `project`, a custom-field filter). */
export const object: ItemChecker = (value, path, ctx) =>
  typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date) ? json(value, path, ctx) : reject(value, path, "an object", ctx);

/** The raw body of an upload: a Blob, bytes, a web ReadableStream, or a Node Readable (read as a web stream). */
export function raw(value: unknown, path: string, ctx: EncodeContext): void {
  if (value instanceof Blob || value instanceof ArrayBuffer || value instanceof Uint8Array || value instanceof ReadableStream) ctx.body = value;
  else if (isAsyncIterable(value)) ctx.body = streamOf(value);
  else return reject(value, path, "file contents: a Blob, a Uint8Array, an ArrayBuffer, a ReadableStream or a Node Readable", ctx);
  ctx.streamed = ctx.body instanceof ReadableStream;
  // First among the headers, so that a content-type argument header replaces it.
  ctx.headers.unshift(["content-type", "application/octet-stream"]);
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === "object" && value !== null && typeof (value as AsyncIterable<unknown>)[Symbol.asyncIterator] === "function";
}

/** A web stream over an async iterable of chunks (a Node Readable yields Buffers, which are Uint8Arrays). */
function streamOf(source: AsyncIterable<unknown>): ReadableStream<Uint8Array> {
  const iterator = source[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(typeof next.value === "string" ? new TextEncoder().encode(next.value) : (next.value as Uint8Array));
    },
    async cancel(reason) {
      await iterator.return?.(reason);
    },
  });
}

/**
 * The writer of the spec's echo argument (v2: asyncKey), a scalar: a request that carries it as a string
 * gets it back unchanged in the result's field of the same name, which the exchange checks after decoding.
 * Servers apply the same rule through server/echo.ts.
 */
export const echoed: Writer<ItemEncoder> = (sent, field, ctx, slot, encode, wireName) => {
  scalar(sent, field, ctx, slot, encode, wireName);
  if (typeof sent === "string")
    ctx.check = (result, method) => {
      const received = (result as Record<string, unknown> | undefined)?.[field];
      if (received !== sent) throw new WrikeAsyncKeyMismatchError({ method, sent, received: typeof received === "string" ? received : undefined });
    };
};

/** Records a missing required argument (also a path placeholder left empty, which the REST protocol finds). */
export function missing(path: string, ctx: EncodeContext): void {
  reject(undefined, path, "present (required argument)", ctx);
}

/** A method's argument encoder: returns the arguments as a record, or undefined after recording that they are not an object. */
export type ArgsEncoder<Args> = (args: Args, ctx: EncodeContext) => Record<string, unknown> | undefined;

/** Adds to `encode` the check that a call gives at least one of each group of alternative arguments. */
export function requireOneOf<Args>(encode: ArgsEncoder<Args>, ...groups: ReadonlyArray<readonly string[]>): ArgsEncoder<Args> {
  return (args, ctx) => {
    const a = encode(args, ctx);
    if (a)
      for (const names of groups)
        if (names.every((n) => a[n] === undefined)) ctx.issues.push({ path: names.join(" | "), expected: `one of ${names.join(", ")}`, received: "none" });
    return a;
  };
}

/** The name of a slot in the context (the spec's `in`): the form body (every v2 argument), the query, the path or the headers. */
export type SlotName = "pairs" | "query" | "path" | "headers";

type Row<I> = readonly [name: string, write: Writer<I>, item: I, slot?: SlotName, required?: boolean, wireName?: string];

/**
 * One argument of a method, in the spec's order: its name (also the path of its issues), the writer of its
 * encoding with the item encoder or checker that writer takes, its slot (default: the form body), whether
 * it is required, and its wire name where it is not the name.
 */
export type ArgumentRow = Row<ItemEncoder> | Row<ItemChecker> | Row<undefined>;

/**
 * A method's argument encoder, from its table: checks that the arguments are an object of known names, and
 * writes each row's argument or records it missing.
 */
export function encoder<Args>(rows: readonly ArgumentRow[]): ArgsEncoder<Args> {
  return (args: unknown, ctx: EncodeContext) => {
    if (typeof args === "object" && args !== null && !Array.isArray(args)) {
      // Arguments the method does not take (typos from untyped callers).
      for (const key of Object.keys(args)) if (!rows.some((row) => row[0] === key)) ctx.issues.push({ path: key, expected: "no such argument", received: "an unknown argument" });
      for (const [name, write, item, slot, required, wireName = name] of rows) {
        const value = (args as Record<string, unknown>)[name];
        if (value === undefined) {
          if (required) missing(name, ctx);
        }
        // Each row pairs its writer with an item of the writer's type (ArgumentRow), hence the cast.
        else (write as Writer<unknown>)(value, name, ctx, ctx[slot ?? "pairs"], item, wireName);
      }
      return args as Record<string, unknown>;
    }
    reject(args, "(arguments)", "an object of named arguments", ctx);
    return undefined;
  };
}

export function newEncodeContext(): EncodeContext {
  return { issues: [], pairs: [], path: [], query: [], headers: [] };
}

/** A v4 id: opaque text, never checked with a pattern (up to 256 characters since 2025-07). */
export const opaqueId: ItemEncoder = (value, path, ctx) =>
  typeof value === "string" && value.length > 0 && isWellFormed(value) ? value : reject(value, path, "an id (a non-empty string)", ctx);

const UTC_TIMESTAMP_TEXT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/** yyyy-MM-dd'T'HH:mm:ss'Z'; a Date is written as its UTC instant, to the second. */
export const utcTimestamp: ItemEncoder = (value, path, ctx) => {
  if (typeof value === "string" && UTC_TIMESTAMP_TEXT.test(value)) return value;
  if (isValidDate(value)) return `${value.toISOString().slice(0, 19)}Z`;
  return reject(value, path, "a UTC timestamp (yyyy-MM-ddTHH:mm:ssZ or a valid Date)", ctx);
};

/** A header value: text a header can carry (no line breaks, no characters past U+00FF). */
export const header: ItemEncoder = (value, path, ctx) =>
  typeof value === "string" && /^[^\r\n\u0100-\uffff]*$/.test(value) ? value : reject(value, path, "text a header can carry (no line breaks, Latin-1 only)", ctx);

/**
 * The item encoder of a credential (a spec argument marked `sensitive`, such as a webhook's secret): the
 * issues it records say what kind of value was given, never the value, since they end up in error messages;
 * the value is noted so that the call's errors never quote it either (a server echoing the form it refused).
 */
export const secret =
  (encodeItem: ItemEncoder): ItemEncoder =>
  (value, path, ctx) => {
    const before = ctx.issues.length;
    const text = encodeItem(value, path, ctx);
    for (let i = before; i < ctx.issues.length; i++) ctx.issues[i] = { ...ctx.issues[i]!, received: `${value === null ? "null" : Array.isArray(value) ? "a list" : typeof value} (a secret: not shown)` };
    if (typeof text === "string") (ctx.secrets ??= []).push(text);
    return text;
  };

// One encoder per scalar type of the spec, named after it, so emitters map a type to `e.<type>`.
export const long = integer;
export const uid = string;
export const timestamp = string;
