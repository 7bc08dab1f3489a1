/**
 * Emits the response decoders: one function per model, checking each field against the spec and turning
 * wire forms (numeric strings, XML list wrappers) into the typed shape, and one root dispatcher per method.
 * The checks are written out as code; nothing walks the spec at run time.
 */
import type { FunctionDeclarationStructure, OptionalKind } from "ts-morph";
import type { Field, Ir, TypeRef } from "../model.js";
import { docs, type Emitter } from "../emit.js";
import { names, wireScalar } from "../naming.js";
import { importRuntime } from "./shared/runtime-codecs.js";

// opaqueId: v4 ids stay strings, never parsed as numbers (they may be 256 characters of [A-Za-z0-9-_:.=]).
const STRING_LIKE = new Set(["string", "uid", "timestamp", "date", "localDateTime", "opaqueId", "utcTimestamp"]);

/**
 * How a scalar field is checked: `canonical` tests, inline, that the value needs nothing (most values);
 * only the others go through the runtime, which converts them (assigning back) or records the mismatch.
 */
function scalarCheck(t: TypeRef): { notCanonical: string; fix: (target: string, key: string) => string } {
  const scalar = wireScalar(t);
  if (STRING_LIKE.has(scalar)) return { notCanonical: 'typeof v !== "string"', fix: (_, key) => `d.string(v, ${key}, ctx);` };
  const convert = (fn: string) => (target: string, key: string) => `${target} = d.${fn}(v, ${key}, ctx);`;
  switch (scalar) {
    case "id":
    case "integer":
    case "long":
      return { notCanonical: "!Number.isSafeInteger(v)", fix: convert(scalar === "id" ? "id" : "integer") };
    case "double":
      return { notCanonical: "!Number.isFinite(v)", fix: convert("double") };
    case "boolean":
      return { notCanonical: 'typeof v !== "boolean"', fix: convert("boolean") };
    default:
      throw new Error(`no decoder for scalar type ${scalar}`);
  }
}

/**
 * The list decoder for a field: a specialised loop for common scalars, else the generic one with an item
 * decoder. Item elements name XML's children, so an API without XML leaves them out.
 */
function listDecode(f: Field, key: string, xml: boolean): string {
  const element = JSON.stringify(f.xmlItem);
  const comma = f.acceptCommaSeparated ? ", true" : "";
  if (f.type.kind === "model") return `d.list(v, ${key}, ctx, ${element}, ${names.modelDecoder(f.type.name)}${comma})`;
  const specialised = scalarListDecoder(f);
  if (specialised) return `${specialised}(v, ${key}, ctx${xml || comma ? `, ${element}` : ""}${comma})`;
  return `d.list(v, ${key}, ctx, ${element}, d.${wireScalar(f.type)}${comma})`;
}

/** The specialised loop of a scalar list (d.stringList, d.idList, d.integerList), if it has one. */
function scalarListDecoder(f: Field): string | undefined {
  const scalar = wireScalar(f.type);
  if (STRING_LIKE.has(scalar)) return "d.stringList";
  if (scalar === "id") return "d.idList";
  if (scalar === "integer" || scalar === "long") return "d.integerList";
  return undefined;
}

/** Optional, non-nullable string-like scalars: checked together (optionalStringsStatement). */
function isOptionalString(f: Field): boolean {
  return !f.required && !f.nullable && !f.type.list && f.type.kind === "scalar" && f.type.name !== "json" && STRING_LIKE.has(wireScalar(f.type));
}

function fieldStatement(f: Field, xml: boolean): string {
  const key = JSON.stringify(f.name);
  const target = `o.${f.name}`;
  const read = `v = ${target};`;
  // Untyped JSON passes as parsed: only its presence is checked.
  if (f.type.kind === "scalar" && f.type.name === "json" && !f.type.list) return f.required ? `${read} if (v === undefined) d.missing(${key}, ctx);` : "";
  // A nullable field may be null: that value needs no decoding.
  const present = f.nullable ? "v !== undefined && v !== null" : "v !== undefined";
  if (f.type.list || f.type.kind === "model") {
    const assign = `${target} = ${f.type.list ? listDecode(f, key, xml) : `${names.modelDecoder(f.type.name)}(v, ${key}, ctx)`};`;
    return f.required
      ? `${read} if (v === undefined) d.missing(${key}, ctx); else if (${present}) ${assign}`.replace(" else if (v !== undefined) ", " else ")
      : `${read} if (${present}) ${assign}`;
  }
  const check = scalarCheck(f.type);
  const nullOk = f.nullable ? "v !== null && " : "";
  return f.required
    ? `${read} if (v === undefined) d.missing(${key}, ctx); else if (${nullOk}${check.notCanonical}) ${check.fix(target, key)}`
    : `${read} if (${present} && ${check.notCanonical}) ${check.fix(target, key)}`;
}

/**
 * The decoder of one object type: checks each field and normalises it in place (aliases renamed first), returning
 * the object as `returnType`. Optional plain strings are checked in one call (other kinds stay inline: a loop
 * of keyed reads costs them more than it saves); `xml` says whether the API has XML answers, whose lists need
 * their item elements. Shared with the webhook-events emitter, whose events are objects of fields too.
 */
export function modelDecoder(name: string, returnType: string, fields: readonly Field[], description: string, xml: boolean): OptionalKind<FunctionDeclarationStructure> {
  const aliases = fields.flatMap((f) => (f.aliases ?? []).map((alias) => `d.renameAlias(o, ${JSON.stringify(alias)}, ${JSON.stringify(f.name)});`));
  const checks = fields.filter((f) => !isOptionalString(f)).map((f) => fieldStatement(f, xml)).filter((statement) => statement !== "");
  return {
    isExported: true,
    name,
    ...docs(description),
    parameters: [
      { name: "value", type: "unknown" },
      { name: "key", type: "string | number" },
      { name: "ctx", type: "DecodeContext" },
    ],
    returnType,
    statements: [
      "const o = d.object(value, key, ctx);",
      `if (o === undefined) return value as ${returnType};`,
      "ctx.path.push(key);",
      ...aliases,
      ...optionalStringsStatement(fields),
      ...(checks.length > 0 ? ["let v: unknown;", ...checks] : []),
      "ctx.path.pop();",
      `return o as unknown as ${returnType};`,
    ],
  };
}

/**
 * The optional strings: read by name inline (the canonical case, each load monomorphic), and only when one of
 * them is not a string, reported by d.optionalStrings from the list of names (keyed loads there cost about
 * ten times a named one on every object, which made this check most of a large document's decoding).
 */
function optionalStringsStatement(fields: readonly Field[]): string[] {
  const keys = fields.filter(isOptionalString).map((f) => f.name);
  if (keys.length === 0) return [];
  const canonical = keys.map((k) => `d.isOptionalString(o.${k})`).join(" && ");
  return [`if (!(${canonical})) d.optionalStrings(o, ${JSON.stringify(keys)}, ctx);`];
}

export const decodersEmitter: Emitter = {
  name: "decoders",
  output: "packages/client/src/{api}/generated/decoders.ts",
  emit(ir: Ir, file) {
    importRuntime(file, "decode", "d", "DecodeContext");
    const xml = ir.api.formats.xml !== undefined;
    for (const model of ir.models) file.addFunction(modelDecoder(names.modelDecoder(model), `t.${model.name}`, model.fields, `Checks one ${model.name} and normalises it in place; mismatches go to ctx.issues.`, xml));
    for (const m of ir.methods) {
      if (m.binary) continue;
      const roots = m.variants.map((v) => v.root);
      const statements =
        roots[0] === undefined
          ? [`return ${names.modelDecoder(m.variants[0]!.model)}(document, "", ctx);`]
          : [
              "const doc = document as Record<string, unknown> | null;",
              "if (typeof doc === \"object\" && doc !== null) {",
              ...m.variants.map((v) => `if (doc.${v.root} !== undefined) return ${names.modelDecoder(v.model)}(doc.${v.root}, ${JSON.stringify(v.root)}, ctx);`),
              "}",
              `return d.unknownRoot(document, ${JSON.stringify(roots)}, ctx) as never;`,
            ];
      file.addFunction({
        isExported: true,
        name: names.resultDecoder(m),
        ...docs(`Decodes the document answered by ${m.id}, choosing the variant by its root key.`),
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
