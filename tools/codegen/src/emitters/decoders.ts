/**
 * Emits the response decoders: one function per model, checking each field against the spec and turning
 * wire forms (numeric strings, XML list wrappers) into the typed shape, and one root dispatcher per method.
 * The checks are written out as code; nothing walks the spec at run time.
 */
import type { Field, Ir, TypeRef } from "../model.js";
import { docs, type Emitter } from "../emit.js";
import { names, wireScalar } from "../naming.js";
import { importRuntime } from "./runtime-codecs.js";

/** The decoder of one item of a type: the model's generated decoder, or the runtime's for the scalar. */
function itemDecoder(t: TypeRef): string {
  return t.kind === "model" ? names.modelDecoder(t.name) : `d.${wireScalar(t)}`;
}

function fieldStatement(f: Field): string {
  const key = JSON.stringify(f.name);
  const decodeValue = f.type.list
    ? `d.list(v, p, ${key}, ctx, ${JSON.stringify(f.xmlItem)}, ${itemDecoder(f.type)}${f.acceptCommaSeparated ? ", true" : ""})`
    : `${itemDecoder(f.type)}(v, p, ${key}, ctx)`;
  const assign = `o.${f.name} = ${decodeValue};`;
  return f.required ? `v = o.${f.name}; if (v === undefined) d.missing(p, ${key}, ctx); else ${assign}` : `v = o.${f.name}; if (v !== undefined) ${assign}`;
}

export const decodersEmitter: Emitter = {
  name: "decoders",
  output: "packages/client/src/generated/decoders.ts",
  emit(ir: Ir, file) {
    importRuntime(file, "decode", "d", "DecodeContext");
    for (const model of ir.models) {
      const aliases = model.fields.flatMap((f) => (f.aliases ?? []).map((alias) => `d.renameAlias(o, ${JSON.stringify(alias)}, ${JSON.stringify(f.name)});`));
      file.addFunction({
        isExported: true,
        name: names.modelDecoder(model),
        ...docs(`Checks one ${model.name} and normalises it in place; mismatches go to ctx.issues.`),
        parameters: [
          { name: "value", type: "unknown" },
          { name: "parentPath", type: "string" },
          { name: "key", type: "string | number" },
          { name: "ctx", type: "DecodeContext" },
        ],
        returnType: `t.${model.name}`,
        statements: [
          "const o = d.object(value, parentPath, key, ctx);",
          `if (o === undefined) return value as t.${model.name};`,
          "const p = d.joinPath(parentPath, key);",
          ...aliases,
          "let v: unknown;",
          ...model.fields.map(fieldStatement),
          `return o as unknown as t.${model.name};`,
        ],
      });
    }
    for (const m of ir.methods) {
      if (m.binary) continue;
      const roots = m.variants.map((v) => v.root);
      const statements =
        roots[0] === undefined
          ? [`return ${names.modelDecoder(m.variants[0]!.model)}(document, "", "", ctx);`]
          : [
              "const doc = document as Record<string, unknown> | null;",
              "if (typeof doc === \"object\" && doc !== null) {",
              ...m.variants.map((v) => `if (doc.${v.root} !== undefined) return ${names.modelDecoder(v.model)}(doc.${v.root}, "", ${JSON.stringify(v.root)}, ctx);`),
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
