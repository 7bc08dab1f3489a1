/**
 * Emits the response decoders: one function per model, checking each field against the spec and turning
 * wire forms (numeric strings, XML list wrappers) into the typed shape, and one root dispatcher per method.
 * The checks are written out as code; nothing walks the spec at run time.
 */
import type { FunctionDeclarationStructure, OptionalKind } from "ts-morph";
import type { Field, Ir, Model, TypeRef } from "../model.js";
import { docs, type Emitter } from "../emit.js";
import { names, wireScalar } from "../naming.js";
import { importRuntime } from "./shared/runtime-codecs.js";

// opaqueId: v4 ids stay strings, never parsed as numbers (they may be 256 characters of [A-Za-z0-9-_:.=]).
const STRING_LIKE = new Set(["string", "uid", "timestamp", "date", "localDateTime", "opaqueId", "utcTimestamp"]);

/**
 * How the decoders of an API treat its documents. With XML, values may arrive in other forms (every scalar as
 * text, lists as wrapper elements) and the runtime converts them, so each decoded value is assigned back.
 * Without XML (JSON-only APIs, v4), values arrive canonical: only ids (numeric strings to numbers) and
 * comma-separated lists convert, and everything else is only checked (d.check*), in place, with no XML code.
 */
interface Mode {
  readonly xml: boolean;
}

/**
 * Whether decoding field `f` may give a new value, which the decoder assigns back: XML's forms, a
 * comma-separated list, a numeric-string id. Strings never convert, and list items convert in place.
 */
function assigns(f: Field, mode: Mode): boolean {
  if (f.type.list) return mode.xml || f.acceptCommaSeparated === true;
  if (f.type.kind === "model") return mode.xml;
  const scalar = wireScalar(f.type);
  return scalar === "id" || (mode.xml && !STRING_LIKE.has(scalar) && scalar !== "json");
}

/** The runtime decoder of one scalar type (converting with XML; without, its d.check* twin). */
function scalarDecoder(t: TypeRef, mode: Mode): string {
  const scalar = wireScalar(t);
  if (STRING_LIKE.has(scalar)) return "d.string";
  if (scalar === "json" || scalar === "id") return `d.${scalar}`;
  if (scalar === "integer" || scalar === "long") return mode.xml ? "d.integer" : "d.checkInteger";
  if (mode.xml) return `d.${scalar}`;
  if (scalar === "double") return "d.checkDouble";
  if (scalar === "boolean") return "d.checkBoolean";
  throw new Error(`no decoder for scalar type ${scalar}`);
}

/** The inline test that a value `v` of a scalar type is canonical (needs nothing). */
function canonicalTest(t: TypeRef, v: string): string {
  const scalar = wireScalar(t);
  if (STRING_LIKE.has(scalar)) return `typeof ${v} === "string"`;
  switch (scalar) {
    case "id":
    case "integer":
    case "long":
      return `Number.isSafeInteger(${v})`;
    case "double":
      return `Number.isFinite(${v})`;
    case "boolean":
      return `typeof ${v} === "boolean"`;
    default:
      throw new Error(`no decoder for scalar type ${scalar}`);
  }
}

/**
 * How a scalar field is checked: `notCanonical` tests, inline, that the value needs something (most values
 * do not); only those go through the runtime, which converts them or records the mismatch.
 */
function notCanonical(t: TypeRef, v = "v"): string {
  const test = canonicalTest(t, v);
  return test.startsWith("typeof") ? test.replace("===", "!==") : `!${test}`;
}

/**
 * The list decoder for a field: a specialised loop for common scalars, else the generic one with an item
 * decoder. Item elements name XML's children, so an API without XML leaves them out.
 */
function listDecode(f: Field, value: string, key: string, mode: Mode): string {
  const element = JSON.stringify(f.xmlItem);
  const comma = f.acceptCommaSeparated ? ", true" : "";
  const itemDecoder = f.type.kind === "model" ? names.modelDecoder(f.type.name) : scalarDecoder(f.type, mode);
  const specialised = f.type.kind === "model" ? undefined : scalarListDecoder(f);
  if (checksOnly(f, mode)) return specialised === "d.stringList" ? `d.checkStringList(${value}, ${key}, ctx)` : `d.checkList(${value}, ${key}, ctx, ${itemDecoder})`;
  if (specialised) return `${specialised}(${value}, ${key}, ctx${mode.xml || comma ? `, ${element}` : ""}${comma})`;
  return `d.list(${value}, ${key}, ctx, ${mode.xml ? element : "undefined"}, ${itemDecoder}${comma})`;
}

/** A list that only needs checking (d.checkList, d.checkStringList): nothing converts, not even its items (ids do). */
function checksOnly(f: Field, mode: Mode): boolean {
  return f.type.list && !assigns(f, mode) && (f.type.kind === "model" || wireScalar(f.type) !== "id");
}

/** The specialised loop of a scalar list (d.stringList, d.idList, d.integerList), if it has one. */
function scalarListDecoder(f: Field): string | undefined {
  const scalar = wireScalar(f.type);
  if (STRING_LIKE.has(scalar)) return "d.stringList";
  if (scalar === "id") return "d.idList";
  if (scalar === "integer" || scalar === "long") return "d.integerList";
  return undefined;
}

/** The inline test of an optional scalar's canonical case (true when absent), by its type. */
const OPTIONAL_CANONICAL: Record<string, string> = { string: "d.isOptionalString", boolean: "d.isOptionalBoolean", integer: "d.isOptionalInteger", long: "d.isOptionalInteger", double: "d.isOptionalDouble" };

/**
 * Optional, non-nullable scalars that only need checking: checked together (optionalScalarsStatement). With
 * XML only strings qualify (XML sends every other scalar as text, to convert).
 */
function isGroupedScalar(f: Field, mode: Mode): boolean {
  if (f.required || f.nullable || f.type.list || f.type.kind === "model") return false;
  const scalar = wireScalar(f.type);
  return STRING_LIKE.has(scalar) || (!mode.xml && OPTIONAL_CANONICAL[scalar] !== undefined);
}

function fieldStatement(f: Field, mode: Mode): string {
  const key = JSON.stringify(f.name);
  const target = `o.${f.name}`;
  const read = `v = ${target};`;
  // Untyped JSON passes as parsed: only its presence is checked.
  if (f.type.kind === "scalar" && f.type.name === "json" && !f.type.list) return f.required ? `${read} if (v === undefined) d.missing(${key}, ctx);` : "";
  // A nullable field may be null: that value needs no decoding.
  const present = f.nullable ? "v !== undefined && v !== null" : "v !== undefined";
  const assign = (call: string) => (assigns(f, mode) ? `${target} = ${call};` : `${call};`);
  // The check* loops take an absent list themselves.
  if (checksOnly(f, mode) && !f.required && !f.nullable) return `${listDecode(f, target, key, mode)};`;
  if (f.type.list || f.type.kind === "model") {
    const write = assign(f.type.list ? listDecode(f, "v", key, mode) : `${names.modelDecoder(f.type.name)}(v, ${key}, ctx)`);
    return f.required
      ? `${read} if (v === undefined) d.missing(${key}, ctx); else if (${present}) ${write}`.replace(" else if (v !== undefined) ", " else ")
      : `${read} if (${present}) ${write}`;
  }
  const fix = assign(`${scalarDecoder(f.type, mode)}(v, ${key}, ctx)`);
  const nullOk = f.nullable ? "v !== null && " : "";
  return f.required
    ? `${read} if (v === undefined) d.missing(${key}, ctx); else if (${nullOk}${notCanonical(f.type)}) ${fix}`
    : `${read} if (${present} && ${notCanonical(f.type)}) ${fix}`;
}

/**
 * The decoder of one object type: checks each field and normalises it in place (aliases renamed first), returning
 * the object as `returnType`. Optional scalars that only need checking are checked in one condition (other
 * kinds stay inline: a loop of keyed reads costs them more than it saves); `xml` says whether the API has XML
 * answers (see Mode). Shared with the webhook-events emitter, whose events are objects of fields too.
 */
export function modelDecoder(name: string, returnType: string, fields: readonly Field[], description: string, xml: boolean, canonicalCheck?: string): OptionalKind<FunctionDeclarationStructure> {
  const mode: Mode = { xml };
  const aliases = fields.flatMap((f) => (f.aliases ?? []).map((alias) => `d.renameAlias(o, ${JSON.stringify(alias)}, ${JSON.stringify(f.name)});`));
  const checks = fields.filter((f) => !isGroupedScalar(f, mode)).map((f) => fieldStatement(f, mode)).filter((statement) => statement !== "");
  const parameters = [
    // Without XML the object is the value itself (checked, never replaced by an empty element's {}).
    { name: xml ? "value" : "o", type: "unknown" },
    { name: "key", type: "string | number" },
    { name: "ctx", type: "DecodeContext" },
  ];
  // A check-only model: its canonical check, and only when that refuses the object, the report of a table.
  if (canonicalCheck) return { isExported: true, name, ...docs(description), parameters, returnType, statements: [`if (!${canonicalCheck}(o)) ${reportStatement(fields)}`, `return o as ${returnType};`] };
  return {
    isExported: true,
    name,
    ...docs(description),
    parameters,
    returnType,
    statements: [
      ...(xml ? ["const o = d.object(value, key, ctx);", `if (o === undefined) return value as ${returnType};`] : [`if (!d.checkObject(o, key, ctx)) return o as ${returnType};`]),
      "ctx.path.push(key);",
      ...aliases,
      ...optionalScalarsStatement(fields.filter((f) => isGroupedScalar(f, mode)), mode),
      ...(checks.some((statement) => statement.startsWith("v = ")) ? ["let v: unknown;"] : []),
      ...checks,
      "ctx.path.pop();",
      `return o as unknown as ${returnType};`,
    ],
  };
}

/**
 * The grouped optional scalars: read by name inline (the canonical case, each load monomorphic), and only
 * when one of them is not canonical, reported by d.optionalScalars from a table of names and checks (keyed
 * loads there cost about ten times a named one on every object, which made this check most of a large
 * document's decoding).
 */
function optionalScalarsStatement(fields: readonly Field[], mode: Mode): string[] {
  if (fields.length === 0) return [];
  const canonical = fields.map((f) => `${OPTIONAL_CANONICAL[STRING_LIKE.has(wireScalar(f.type)) ? "string" : wireScalar(f.type)]}(o.${f.name})`).join(" && ");
  const table = fields.map((f) => `${f.name}: ${scalarDecoder(f.type, mode)}`).join(", ");
  return [`if (!(${canonical})) d.optionalScalars(o, { ${table} }, ctx);`];
}

/**
 * The report of a check-only model that its canonical check refused: d.reportFields walks a table of each
 * field's decoder (a list's through d.listOf, a string list's d.checkStringList), with the required and the
 * nullable fields named. A table, not code per field: it runs only for an object with a mismatch.
 */
function reportStatement(fields: readonly Field[]): string {
  const mode: Mode = { xml: false };
  const decoderOf = (f: Field): string => {
    const item = f.type.kind === "model" ? names.modelDecoder(f.type.name) : scalarDecoder(f.type, mode);
    if (!f.type.list) return item;
    return f.type.kind === "scalar" && STRING_LIKE.has(wireScalar(f.type)) ? "d.checkStringList" : `d.listOf(${item})`;
  };
  const table = fields.map((f) => `${f.name}: ${decoderOf(f)}`).join(", ");
  const named = (pick: (f: Field) => boolean | undefined) => JSON.stringify(fields.filter(pick).map((f) => f.name));
  const required = named((f) => f.required);
  const nullable = named((f) => f.nullable);
  return `d.reportFields(o, key, ctx, { ${table} }${required !== "[]" || nullable !== "[]" ? `, ${required}` : ""}${nullable !== "[]" ? `, ${nullable}` : ""});`;
}

/**
 * The models of a JSON-only API whose decoders only check (no field converts or is renamed, and every model
 * they contain is such a model too): they get a canonical check (canonicalCheck).
 */
export function checkOnlyModels(models: readonly Model[], xml: boolean): Set<string> {
  const mode: Mode = { xml };
  const only = new Set(xml ? [] : models.filter((m) => m.fields.every((f) => !f.aliases?.length && !assigns(f, mode) && (f.type.kind === "model" || !f.type.list || checksOnly(f, mode)))).map((m) => m.name));
  // A model is only as check-only as the models in its fields.
  for (let changed = true; changed; ) {
    changed = false;
    for (const m of models) if (only.has(m.name) && m.fields.some((f) => f.type.kind === "model" && !only.has(f.type.name))) changed = only.delete(m.name);
  }
  return only;
}

/**
 * The canonical check of a check-only model: true when every field is absent or already what its type
 * says, written out as plain conditions and loops with no context, path or report, so that a valid object
 * (nearly every one) costs what ajv's compiled code costs and only a refused one is decoded field by field.
 * Literal code, not helper calls: V8 stops inlining helpers in a large function, and gzip makes the
 * repetition nearly free.
 */
export function canonicalCheck(name: string, fields: readonly Field[], check: (model: string) => string): OptionalKind<FunctionDeclarationStructure> {
  // Fields are checked in the model's order, which is the order answers carry them in: reading an object's
  // properties in their own order is about 20% faster than scalars first and lists after (bench/, figure 2).
  // Consecutive scalar fields share one condition; each list field is a loop of its own between them.
  const statements: string[] = [];
  let conditions: string[] = [];
  let usesV = false;
  let usesA = false;
  const flush = () => {
    if (conditions.length > 0) statements.push(`if (!(${conditions.join(" && ")})) return false;`);
    conditions = [];
  };
  for (const f of fields) {
    const read = `r.${f.name}`;
    const absent = f.nullable ? "== null" : "=== undefined";
    if (f.type.list) {
      const item = f.type.kind === "model" ? `!${check(f.type.name)}(a[i])` : wireScalar(f.type) === "json" ? undefined : notCanonical(f.type, "a[i]");
      flush();
      usesA = true;
      statements.push(`a = ${read};`);
      if (f.required) statements.push(`if (a === undefined) return false;`);
      statements.push(`if (a ${f.nullable ? "!=" : "!=="} ${f.nullable ? "null" : "undefined"}) { if (!Array.isArray(a)) return false;${item ? ` for (let i = 0; i < a.length; i++) if (${item}) return false;` : ""} }`);
      continue;
    }
    const test = (v: string) => (f.type.kind === "model" ? `${check(f.type.name)}(${v})` : canonicalTest(f.type, v));
    let condition: string | undefined;
    if (f.type.kind === "scalar" && wireScalar(f.type) === "json") condition = f.required ? `${read} !== undefined` : undefined;
    else if (f.required && !f.nullable) condition = test(read);
    else condition = f.required ? `((v = ${read}) === null || ${test("v")})` : `((v = ${read}) ${absent} || ${test("v")})`;
    if (condition === undefined) continue;
    usesV ||= condition.includes("(v = ");
    conditions.push(condition);
  }
  flush();
  return {
    name,
    parameters: [{ name: "o", type: "unknown" }],
    returnType: "boolean",
    statements: [
      "if (typeof o !== \"object\" || o === null || Array.isArray(o)) return false;",
      "const r = o as Record<string, unknown>;",
      ...(usesV ? ["let v: unknown;"] : []),
      ...(usesA ? ["let a: unknown;"] : []),
      ...statements,
      "return true;",
    ],
  };
}

export const decodersEmitter: Emitter = {
  name: "decoders",
  output: "packages/client/src/{api}/generated/decoders.ts",
  emit(ir: Ir, file) {
    importRuntime(file, "decode", "d", "DecodeContext");
    const xml = ir.api.formats.xml !== undefined;
    const checkOnly = checkOnlyModels(ir.models, xml);
    for (const model of ir.models) {
      const check = checkOnly.has(model.name) ? names.canonicalCheck(model) : undefined;
      file.addFunction(modelDecoder(names.modelDecoder(model), `t.${model.name}`, model.fields, `Checks one ${model.name} and normalises it in place; mismatches go to ctx.issues.`, xml, check));
      if (check) file.addFunction({ ...canonicalCheck(check, model.fields, names.canonicalCheck), ...docs(`Whether a ${model.name} needs nothing: every field absent or canonical (no context, no report).`) });
    }
    for (const m of ir.methods) {
      if (m.binary) continue;
      const roots = m.variants.map((v) => v.root);
      const kindField = ir.api.envelope?.kindField;
      const [fallback, ...byKind] = m.envelopeVariants ?? [];
      const statements = fallback
        ? [
            // The kind tells the answers apart; a kind no variant names decodes as the default (kinds are open).
            `const kind = (document as Record<string, unknown> | null | undefined)?.${kindField};`,
            ...byKind.map((v) => `if (kind === ${JSON.stringify(v.kind)}) return ${names.modelDecoder(v.model)}(document, "", ctx) as t.${names.resultType(m)};`),
            `return ${names.modelDecoder(fallback.model)}(document, "", ctx) as t.${names.resultType(m)};`,
          ]
        : roots[0] === undefined
          ? [`return ${names.modelDecoder(m.variants[0]!.model)}(document, "", ctx);`]
          : [
              // Any value but null and undefined reads as a record here: a primitive or an array has no root key either.
              "const doc = document as Record<string, unknown> | null | undefined;",
              ...m.variants.map((v) => `if (doc?.${v.root} !== undefined) return ${names.modelDecoder(v.model)}(doc.${v.root}, ${JSON.stringify(v.root)}, ctx);`),
              `return d.unknownRoot(document, ${JSON.stringify(roots)}, ctx) as never;`,
            ];
      file.addFunction({
        isExported: true,
        name: names.resultDecoder(m),
        ...docs(`Decodes the document answered by ${m.id}, choosing the variant by its ${m.envelopeVariants ? `${kindField}` : "root key"}.`),
        parameters: [
          { name: "document", type: "unknown" },
          { name: "ctx", type: "DecodeContext" },
        ],
        returnType: `t.${names.resultType(m)}`,
        statements,
      });
    }
  },
};
