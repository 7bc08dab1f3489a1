/**
 * Reading a REST request's arguments from the generated operation table: path placeholders, the query,
 * a form body, headers and a raw upload body, each argument from the place the spec puts it, parsed by
 * its type and encoding (JSON text for arrays and models, comma-separated ids in paths, [a,b] for webhook events). Nothing is
 * dropped silently: an unknown parameter, an unknown field of a JSON object, a value of the wrong type
 * or an unknown enum value is an issue naming it.
 */
import type { Issue } from "../errors.js";
import { bracketItems } from "../runtime/wire.js";
import { decodeComponent } from "./rest-routes.js";
import type { RestArgument, RestEnums, RestModels, RestOperation, RestType } from "./rest-table.js";

export interface RestRequestParts {
  /** Decoded path placeholders by name. */
  readonly path: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  /** The form body's parameters (empty for GET, DELETE and uploads). */
  readonly body: URLSearchParams;
  readonly headers: Headers;
  /** The request body as bytes, for an upload's `raw` argument. */
  readonly raw?: Uint8Array;
}

export interface RestArgsResult {
  readonly args: Record<string, unknown>;
  /** Present but malformed (or unknown) arguments. */
  readonly issues: Issue[];
  /** Required arguments that are absent, by name. */
  readonly missing: string[];
}

export interface RestSchema {
  readonly models: RestModels;
  readonly enums: RestEnums;
}

/** Query parameters any operation accepts besides its own: the verb override for clients that cannot send it. */
const COMMON_PARAMS = new Set(["method"]);

const SCALAR_TEXT: Readonly<Record<string, (text: string) => unknown>> = {
  string: (t) => t,
  opaqueId: (t) => (t !== "" && t.length <= 256 ? t : undefined),
  integer: (t) => (/^-?\d+$/.test(t) && Number.isSafeInteger(Number(t)) ? Number(t) : undefined),
  long: (t) => (/^-?\d+$/.test(t) && Number.isSafeInteger(Number(t)) ? Number(t) : undefined),
  double: (t) => (t.trim() !== "" && Number.isFinite(Number(t)) ? Number(t) : undefined),
  boolean: (t) => (t === "true" ? true : t === "false" ? false : undefined),
  date: (t) => (/^\d{4}-\d{2}-\d{2}$/.test(t) ? t : undefined),
  // Task dates: Wrike answers yyyy-MM-ddTHH:mm:ss and also takes a day.
  localDateTime: (t) => (/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2})?$/.test(t) ? t : undefined),
  utcTimestamp: (t) => (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(t) ? t : undefined),
};

const EXPECTED: Readonly<Record<string, string>> = {
  opaqueId: "an id (1 to 256 characters)",
  integer: "an integer",
  long: "an integer",
  double: "a number",
  boolean: "true or false",
  date: "a date yyyy-MM-dd",
  localDateTime: "a date and time yyyy-MM-ddTHH:mm:ss or a day yyyy-MM-dd",
  utcTimestamp: "a UTC time yyyy-MM-ddTHH:mm:ssZ",
  json: "JSON text",
};

const received = (value: unknown) => {
  const text = typeof value === "string" ? value : JSON.stringify(value) ?? String(value);
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
};

class Reader {
  readonly issues: Issue[] = [];
  constructor(private readonly schema: RestSchema) {}

  bad(path: string, expected: string, value: unknown): undefined {
    this.issues.push({ path, expected, received: received(value) });
    return undefined;
  }

  /** One item given as text (a query or form value, a path segment). */
  text(type: RestType, text: string, path: string, values?: readonly string[]): unknown {
    if (type.kind === "enum") return this.enumValue(type.name, text, path, values);
    if (type.kind === "model" || type.name === "json") return this.jsonText(type, text, path);
    const parse = SCALAR_TEXT[type.name];
    if (parse === undefined) return this.bad(path, `a ${type.name}`, text);
    const value = parse(text);
    return value === undefined ? this.bad(path, EXPECTED[type.name] ?? type.name, text) : value;
  }

  enumValue(name: string, value: unknown, path: string, values?: readonly string[]): unknown {
    const allowed = values ?? this.schema.enums[name] ?? [];
    return typeof value === "string" && allowed.includes(value) ? value : this.bad(path, `one of ${allowed.join(", ")}`, value);
  }

  jsonText(type: RestType, text: string, path: string, nullable = false): unknown {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return this.bad(path, type.list ? "a JSON array" : type.kind === "model" ? `a JSON object (${type.name})` : "JSON text", text);
    }
    return this.json(type, parsed, path, nullable);
  }

  /** A value that arrived as JSON: checked against the type, models field by field. */
  json(type: RestType, value: unknown, path: string, nullable: boolean): unknown {
    if (value === null) return nullable ? null : this.bad(path, `a value (null is not accepted here)`, value);
    if (type.list) {
      if (!Array.isArray(value)) return this.bad(path, "a JSON array", value);
      const before = this.issues.length;
      const items = value.map((item, i) => this.json({ ...type, list: false }, item, `${path}[${i}]`, nullable));
      return this.issues.length === before ? items : undefined;
    }
    if (type.kind === "enum") return this.enumValue(type.name, value, path);
    if (type.kind === "model") return this.model(type.name, value, path, nullable);
    switch (type.name) {
      case "json":
        return value;
      case "integer":
      case "long":
        return Number.isSafeInteger(value) ? value : this.bad(path, "an integer", value);
      case "double":
        return typeof value === "number" && Number.isFinite(value) ? value : this.bad(path, "a number", value);
      case "boolean":
        return typeof value === "boolean" ? value : this.bad(path, "true or false", value);
      default:
        return typeof value === "string" ? this.text(type, value, path) : this.bad(path, EXPECTED[type.name] ?? "a string", value);
    }
  }

  model(name: string, value: unknown, path: string, nullable: boolean): unknown {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return this.bad(path, `a JSON object (${name})`, value);
    const fields = this.schema.models[name] ?? {};
    const out: Record<string, unknown> = {};
    const before = this.issues.length;
    for (const [key, item] of Object.entries(value)) {
      const field = fields[key];
      if (field === undefined) {
        this.bad(`${path}.${key}`, `a field of ${name} (${Object.keys(fields).join(", ")})`, key);
        continue;
      }
      out[key] = this.json(field.type, item, `${path}.${key}`, nullable || field.nullable === true);
    }
    return this.issues.length === before ? out : undefined;
  }
}

/** A number outside the argument's minimum and maximum is an issue, as a malformed one is. */
function inRange(reader: Reader, arg: RestArgument, value: unknown, text: string): unknown {
  if (typeof value !== "number" || ((arg.minimum ?? -Infinity) <= value && value <= (arg.maximum ?? Infinity))) return value;
  const range = arg.maximum === undefined ? `at least ${arg.minimum}` : arg.minimum === undefined ? `at most ${arg.maximum}` : `from ${arg.minimum} to ${arg.maximum}`;
  return reader.bad(arg.wireName, `a number ${range}`, text);
}

function readOne(reader: Reader, arg: RestArgument, text: string): unknown {
  const { type, wireName } = arg;
  if (!type.list || arg.encoding === "raw") return inRange(reader, arg, reader.text(type, text, wireName, arg.values), text);
  if (arg.encoding === "comma" || arg.encoding === "bracket") {
    const items = arg.encoding === "bracket" ? bracketItems(text) : text === "" ? [] : text.split(",");
    if (items === undefined) return reader.bad(wireName, "a list in brackets, such as [a,b]", text);
    if (arg.maxItems !== undefined && items.length > arg.maxItems) return reader.bad(wireName, `at most ${arg.maxItems} items`, text);
    const before = reader.issues.length;
    const values = items.map((item, i) => reader.text({ ...type, list: false }, item.trim(), `${wireName}[${i}]`, arg.values));
    return reader.issues.length === before ? values : undefined;
  }
  const values = reader.jsonText(type, text, wireName, arg.nullable === true) as unknown[] | undefined;
  if (values !== undefined && arg.values !== undefined) values.forEach((v, i) => reader.enumValue(type.name, v, `${wireName}[${i}]`, arg.values));
  return values;
}

/** Reads an operation's arguments from the request's parts. */
export function readRestArgs(operation: RestOperation, parts: RestRequestParts, schema: RestSchema): RestArgsResult {
  const reader = new Reader(schema);
  const args: Record<string, unknown> = {};
  const missing: string[] = [];
  const known = { query: new Set<string>(COMMON_PARAMS), body: new Set<string>() };
  for (const [name, arg] of Object.entries(operation.args)) {
    let text: string | undefined | null;
    if (arg.encoding === "raw") {
      if (parts.raw !== undefined && parts.raw.length > 0) args[name] = parts.raw;
      else if (arg.required) missing.push(name);
      continue;
    }
    switch (arg.in) {
      case "path":
        text = parts.path[arg.wireName];
        break;
      case "header": {
        const header = parts.headers.get(arg.wireName);
        text = header === null ? null : decodeComponent(header); // non-ASCII file names arrive percent-encoded
        break;
      }
      default:
        // Writes carry their arguments in the form body; Wrike also takes them in the query.
        known.query.add(arg.wireName);
        known.body.add(arg.wireName);
        text = parts.body.get(arg.wireName) ?? parts.query.get(arg.wireName);
    }
    if (text === undefined || text === null) {
      if (arg.required) missing.push(name);
      continue;
    }
    const value = readOne(reader, arg, text);
    if (value !== undefined) args[name] = value;
  }
  for (const [where, params] of [["query", parts.query], ["body", parts.body]] as const) {
    for (const name of new Set(params.keys())) {
      if (!known[where].has(name)) reader.bad(name, `a parameter of ${operation.id} (${Object.values(operation.args).filter((a) => a.in !== "path").map((a) => a.wireName).join(", ") || "none"})`, name);
    }
  }
  return { args, issues: reader.issues, missing };
}
