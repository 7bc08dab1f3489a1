/**
 * JSON Schema (draft 2020-12) of the spec's types, for emitters whose output describes arguments and
 * answers to something other than TypeScript (the MCP tool table). Two directions, because the spec's
 * types mean different things each way:
 *
 * - `input`: what the emulator's argument reader and the client's encoders accept: enums closed (their
 *   values, or an argument's narrower `values`), model fields all optional with no others allowed, dates
 *   in the one text form the encoder takes.
 * - `output`: what the client's decoders let through: enums and models open (Wrike adds values and
 *   fields over time), only `required` fields required. No descriptions: an answer's field names say what
 *   they hold, and every tool list carries these schemas (the Task model alone would be 4 KB more).
 *
 * Models become named constants (`SchemaRef`), so a model used by many operations is written once; the
 * emitter prints the references as identifiers and declares each constant before its first use.
 */
import type { Ir, Model, TypeRef } from "../../model.js";
import type { ScalarType } from "../../spec/schema.js";

export type Direction = "input" | "output";

/** A model's schema, printed as the identifier of its constant. */
export class SchemaRef {
  constructor(
    readonly model: string,
    readonly direction: Direction,
  ) {}
  get identifier(): string {
    return `${this.model.charAt(0).toLowerCase()}${this.model.slice(1)}${this.direction === "input" ? "Input" : "Output"}Schema`;
  }
}

export type Schema = { [keyword: string]: unknown };
export type SchemaOrRef = Schema | SchemaRef;

const UTC_TIMESTAMP = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z$";
const LOCAL_DATE_TIME = "^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}:\\d{2})?$";

function scalarSchema(name: ScalarType, direction: Direction): Schema {
  switch (name) {
    case "integer":
    case "long":
      return { type: "integer" };
    case "double":
      return { type: "number" };
    case "boolean":
      return { type: "boolean" };
    case "id":
      return direction === "input" ? { type: ["integer", "string"], pattern: "^\\d+$", minimum: 0 } : { type: "integer" };
    case "json":
      return {};
    case "binary":
      // Tools carry bytes as base64 text; the runtime turns it into the body (see ToolDefinition.base64Arguments).
      return { type: "string", contentEncoding: "base64" };
    case "date":
      return direction === "input" ? { type: "string", format: "date" } : { type: "string" };
    case "utcTimestamp":
      // The pattern's literal Z says UTC; no description, as this schema repeats in every tool's filters.
      return direction === "input" ? { type: "string", pattern: UTC_TIMESTAMP } : { type: "string" };
    case "localDateTime":
      // A task date, or a day (yyyy-MM-dd): the pattern, with no zone in it, says both; no description, as for UTC.
      return direction === "input" ? { type: "string", pattern: LOCAL_DATE_TIME } : { type: "string" };
    default:
      return { type: "string" };
  }
}

/** The schema of one value of `t` (a list when `t.list`); `values` narrows an enum argument. */
export function typeSchema(ir: Ir, t: TypeRef, direction: Direction, values?: readonly (string | number)[]): SchemaOrRef {
  const item: SchemaOrRef =
    t.kind === "model"
      ? new SchemaRef(t.name, direction)
      : t.kind === "enum"
        ? { type: t.valueType, ...(direction === "input" ? { enum: values ?? enumValues(ir, t.name) } : {}) }
        : scalarSchema(t.name, direction);
  return t.list ? { type: "array", items: item } : item;
}

function enumValues(ir: Ir, name: string): (string | number)[] {
  const found = ir.enums.find((e) => e.name === name);
  if (found === undefined) throw new Error(`enum ${name} is not in the spec`);
  return found.values.map(([, value]) => value);
}

/** `schema` that also accepts null. */
export function orNull(schema: SchemaOrRef): SchemaOrRef {
  if (schema instanceof SchemaRef || "enum" in schema || schema.type === undefined) return { anyOf: [schema, { type: "null" }] };
  return { ...schema, type: [...(Array.isArray(schema.type) ? schema.type : [schema.type]), "null"] };
}

/** The key under which a schema holds a model's constant to spread into itself (printed as `...constant`). */
const SPREAD = "...";

/** A description joined onto a schema (the schemas of types carry none of their own). */
export function described(schema: SchemaOrRef, description: string | undefined): SchemaOrRef {
  if (description === undefined || description === "") return schema;
  if (schema instanceof SchemaRef) return { [SPREAD]: schema, description };
  return { ...schema, description };
}

/** The words of a name or text, lower case, camelCase split (StartFinishInterval: start, finish, interval). */
const wordsOf = (text: string) => text.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase().match(/[a-z0-9]+/g) ?? [];

/** At most this many words besides the value's own: "Sort by status" for Status, "Ascending sort order" for Asc. */
const FILLER_WORDS = 3;

/** An enum item's text that only says its value again, give or take a few filler words. */
function repeatsValue(value: string, text: string): boolean {
  const own = wordsOf(value);
  const words = wordsOf(text);
  const others = words.filter((w) => !own.some((o) => w.startsWith(o)));
  return others.length < words.length && others.length <= FILLER_WORDS;
}

/**
 * A reference description without its list of enum values (`* \`Active\` - Active * \`Deferred\``) when the
 * schema's `enum` lists them: items whose text only repeats the value (with a few filler words: "Sort by
 * status") go, items that explain it stay.
 */
export function withoutValueList(description: string | undefined): string | undefined {
  const kept = description?.replace(/\s*\*\s*`([^`]+)`(?:\s*-\s*([^*]*?))?(?=\s*\*\s*`|\s*$)/g, (item, value: string, text: string | undefined) =>
    text === undefined || repeatsValue(value, text) ? "" : item,
  );
  return kept?.trim() || undefined;
}

/** The object schema of a model in one direction. */
export function modelSchema(ir: Ir, model: Model, direction: Direction): Schema {
  const properties = Object.fromEntries(
    model.fields.map((f) => {
      const schema = typeSchema(ir, f.type, direction);
      const nullable = f.nullable ? orNull(schema) : schema;
      return [f.name, direction === "input" ? described(nullable, f.type.kind === "enum" ? withoutValueList(f.description) : f.description) : nullable];
    }),
  );
  const required = direction === "output" ? model.fields.filter((f) => f.required).map((f) => f.name) : [];
  return {
    type: "object",
    ...(model.description && direction === "input" ? { description: model.description } : {}),
    properties,
    ...(required.length > 0 ? { required } : {}),
    ...(direction === "input" ? { additionalProperties: false } : {}),
  };
}

/** Every model reference inside `value`, in the order they appear. */
export function referencesIn(value: unknown, found: SchemaRef[] = []): SchemaRef[] {
  if (value instanceof SchemaRef) found.push(value);
  else if (Array.isArray(value)) for (const v of value) referencesIn(v, found);
  else if (typeof value === "object" && value !== null) for (const v of Object.values(value)) referencesIn(v, found);
  return found;
}

/**
 * The model schemas `roots` need, each after the models it refers to (so that each constant is declared
 * before it is used). A model that refers back to itself cannot be a constant: that is an error here.
 */
export function modelSchemasFor(ir: Ir, roots: readonly SchemaRef[]): Array<{ ref: SchemaRef; schema: Schema }> {
  const byName = new Map(ir.models.map((m) => [m.name, m]));
  const ordered: Array<{ ref: SchemaRef; schema: Schema }> = [];
  const done = new Set<string>();
  const visit = (ref: SchemaRef, path: string[]) => {
    if (done.has(ref.identifier)) return;
    if (path.includes(ref.identifier)) throw new Error(`model ${ref.model} refers to itself (${[...path, ref.identifier].join(" -> ")}): JSON Schema constants cannot`);
    const model = byName.get(ref.model);
    if (model === undefined) throw new Error(`model ${ref.model} is not in the spec`);
    const schema = modelSchema(ir, model, ref.direction);
    for (const inner of referencesIn(schema)) visit(inner, [...path, ref.identifier]);
    done.add(ref.identifier);
    ordered.push({ ref, schema });
  };
  for (const ref of roots) visit(ref, []);
  return ordered;
}

/** Source text of a schema value: JSON, with model references as the identifiers of their constants. */
export function schemaSource(value: unknown): string {
  if (value instanceof SchemaRef) return value.identifier;
  if (Array.isArray(value)) return `[${value.map(schemaSource).join(", ")}]`;
  if (typeof value === "object" && value !== null)
    return `{ ${Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => (k === SPREAD ? `...${schemaSource(v)}` : `${JSON.stringify(k)}: ${schemaSource(v)}`))
      .join(", ")} }`;
  return JSON.stringify(value);
}
