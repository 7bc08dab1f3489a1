/**
 * Emits XML writers: one per model and one renderer per method that turns a result document
 * ({root: body}, as JSON has it) into the XML Wrike sends. Servers and test doubles use them; the
 * generated decoders read the output back into the same objects.
 */
import type { Field, Ir } from "../model.js";
import { docs, type Emitter } from "../emit.js";
import { names } from "../naming.js";
import { importRuntime } from "./shared/runtime-codecs.js";

function fieldWriter(f: Field): string {
  const value = `o.${f.name}`;
  const key = JSON.stringify(f.name);
  if (f.type.list) {
    const item = f.type.kind === "model" ? names.modelWriter(f.type.name) : "x.scalar";
    return `body += x.list(${key}, ${JSON.stringify(f.xmlItem)}, ${value}, ${item});`;
  }
  if (f.type.kind === "model") return `if (${value} !== undefined) body += ${names.modelWriter(f.type.name)}(${key}, ${value});`;
  return `body += x.scalar(${key}, ${value});`;
}

export const xmlWritersEmitter: Emitter = {
  name: "xml-writers",
  output: "packages/client/src/{api}/generated/xml-writers.ts",
  emit(ir: Ir, file) {
    importRuntime(file, "xml-writer", "x");
    for (const model of ir.models) {
      const attributes = model.fields.filter((f) => f.xmlAttribute);
      const children = model.fields.filter((f) => !f.xmlAttribute);
      file.addFunction({
        isExported: true,
        name: names.modelWriter(model),
        ...docs(`Writes a ${model.name} as the element \`element\`.`),
        parameters: [
          { name: "element", type: "string" },
          { name: "o", type: `t.${model.name}` },
        ],
        returnType: "string",
        statements: [
          `const attributes = ${attributes.length === 0 ? '""' : attributes.map((f) => `x.attribute(${JSON.stringify(f.name)}, o.${f.name})`).join(" + ")};`,
          `let body = "";`,
          ...children.map(fieldWriter),
          "return x.element(element, attributes, body);",
        ],
      });
    }
    for (const m of ir.methods) {
      if (m.binary || m.variants[0]?.root === undefined) continue;
      file.addFunction({
        isExported: true,
        name: names.xmlRenderer(m),
        ...docs(`Renders a ${m.id} result document ({root: body}) as the XML the API sends.`),
        parameters: [{ name: "document", type: "Record<string, unknown>" }],
        returnType: "string",
        statements: [
          ...m.variants.map((v) => `if (document.${v.root} !== undefined) return x.declaration + ${names.modelWriter(v.model)}(${JSON.stringify(v.root)}, document.${v.root} as t.${v.model});`),
          `throw new TypeError(${JSON.stringify(`${names.xmlRenderer(m)}: the document has none of the roots ${m.variants.map((v) => v.root).join(", ")}`)});`,
        ],
      });
    }
  },
};
