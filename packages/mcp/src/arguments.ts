/**
 * Checks a tool call's arguments against the tool's input schema before anything is sent, and says, per
 * argument, what is wrong and what to do: an assistant reads these texts to correct its next call. The
 * SDK's own check only relays the validator's summary ("data must NOT have additional properties", no
 * name), so the runtime checks itself, with the validator the SDK bundles.
 *
 * A `null` where the schema takes no null is read as "left out": models often send `null` for an optional
 * argument they mean to skip, and Wrike takes no null for any argument. A required argument sent as null
 * is then reported missing.
 */
import { Ajv, addFormats } from "@modelcontextprotocol/server/validators/ajv";
import type { ObjectJsonSchema } from "./table.js";

type Ajv = InstanceType<typeof Ajv>;
type AjvError = NonNullable<ReturnType<Ajv["compile"]>["errors"]>[number];

let engine: Ajv | undefined;
const ajv = (): Ajv => {
  if (engine === undefined) {
    engine = new Ajv({ strict: false, allErrors: true, validateFormats: true });
    addFormats(engine);
  }
  return engine;
};

/** `dates.start`, `taskIds[0]`: the argument as the model wrote it. */
function argumentPath(error: AjvError, leaf?: string): string {
  const steps = error.instancePath.split("/").slice(1).map((step) => step.replace(/~1/g, "/").replace(/~0/g, "~"));
  if (leaf !== undefined) steps.push(leaf);
  return steps.reduce((path, step) => (/^\d+$/.test(step) ? `${path}[${step}]` : path === "" ? step : `${path}.${step}`), "");
}

const FORMATS: Readonly<Record<string, string>> = { date: "a day as yyyy-MM-dd, e.g. 2025-03-07", "date-time": "a timestamp as yyyy-MM-ddTHH:mm:ssZ" };

function received(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  const text = JSON.stringify(value);
  return typeof value === "object" || text === undefined ? typeof value : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** The schema node at a JSON pointer of the arguments (through properties and items only). */
function schemaAt(schema: unknown, pointer: string): Record<string, unknown> | undefined {
  let node = schema as Record<string, unknown> | undefined;
  for (const step of pointer.split("/").slice(1)) {
    if (node === undefined) return undefined;
    node = (/^\d+$/.test(step) ? node.items : (node.properties as Record<string, unknown> | undefined)?.[step]) as Record<string, unknown> | undefined;
  }
  return node;
}

function valueAt(args: unknown, pointer: string): unknown {
  return pointer.split("/").slice(1).reduce<unknown>((value, step) => (value as Record<string, unknown> | undefined)?.[step], args);
}

/** One line per problem: the argument, what is wrong with it, and what to do. */
function describeError(error: AjvError, schema: ObjectJsonSchema, args: unknown): string {
  const params = error.params as Record<string, unknown>;
  const value = valueAt(args, error.instancePath);
  switch (error.keyword) {
    case "required":
      return `argument ${argumentPath(error, String(params.missingProperty))}: is required; add it`;
    case "additionalProperties": {
      const known = Object.keys((schemaAt(schema, error.instancePath)?.properties as object | undefined) ?? {});
      return `argument ${argumentPath(error, String(params.additionalProperty))}: is not an argument here; leave it out${known.length > 0 ? ` (the arguments here are ${known.join(", ")})` : ""}`;
    }
    case "enum":
      return `argument ${argumentPath(error)}: must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}, got ${received(value)}`;
    case "type": {
      const type = String(params.type).replace("array", "list");
      return `argument ${argumentPath(error)}: must be ${/^[aeiou]/.test(type) ? "an" : "a"} ${type}, got ${received(value)}`;
    }
    case "format":
      return `argument ${argumentPath(error)}: must be ${FORMATS[String(params.format)] ?? `in the format ${String(params.format)}`}, got ${received(value)}`;
    case "pattern":
      return `argument ${argumentPath(error)}: must match ${String(params.pattern)}, got ${received(value)}`;
    default:
      return `argument ${argumentPath(error) || "(all)"}: ${error.message ?? "is not valid"}, got ${received(value)}`;
  }
}

/** A copy of `value` without the nulls the schema does not take (see the module comment). */
function withoutNulls(value: unknown, schema: unknown): unknown {
  const node = schema as { type?: unknown; properties?: Record<string, unknown>; items?: unknown } | undefined;
  if (Array.isArray(value)) return value.map((item) => withoutNulls(item, node?.items));
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const property = node?.properties?.[key] as { type?: unknown } | undefined;
    const takesNull = property === undefined || property.type === undefined || property.type === "null" || (Array.isArray(property.type) && property.type.includes("null"));
    if (item === null && !takesNull) continue;
    out[key] = withoutNulls(item, property);
  }
  return out;
}

export type ArgumentCheck = { ok: true; args: Record<string, unknown> } | { ok: false; problems: string[] };

/** A checker for one schema, compiled on its first use (compiling all of a table's at start would take seconds). */
export function argumentChecker(schema: ObjectJsonSchema): (input: unknown) => ArgumentCheck {
  let validate: ReturnType<Ajv["compile"]> | undefined;
  return (input) => {
    const args = withoutNulls(input ?? {}, schema) as Record<string, unknown>;
    validate ??= ajv().compile(schema);
    if (validate(args)) return { ok: true, args };
    const problems = [...new Set((validate.errors ?? []).map((error) => describeError(error, schema, args)))];
    return { ok: false, problems };
  };
}

/** The text an assistant gets back for arguments that break the schema: `what` leads, `schemaHint` says where the schema is. */
export function argumentProblemsText(what: string, problems: readonly string[], schemaHint = "the tool's inputSchema lists every argument"): string {
  return `${what}, nothing was sent.\n${problems.map((problem) => `- ${problem}`).join("\n")}\nCorrect these arguments and call again (${schemaHint}).`;
}
