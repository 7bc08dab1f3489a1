/** Emits the TypeScript types: open enums, one interface per model, and named Args/Result types per method. */
import { VariableDeclarationKind } from "ts-morph";
import { docs, type Emitter } from "../emit.js";
import { names, argumentType, responseType } from "../naming.js";

export const typesEmitter: Emitter = {
  name: "types",
  output: "packages/client/src/{api}/generated/types.ts",
  emit(ir, file) {
    for (const e of ir.enums) {
      file.addVariableStatement({
        declarationKind: VariableDeclarationKind.Const,
        isExported: true,
        declarations: [{ name: e.name, initializer: `{ ${e.values.map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join(", ")} } as const` }],
        ...docs(e.description, `Known values. The enum is open: values Wrike adds later still decode.`),
      });
      const open = e.valueType === "integer" ? "(number & {})" : "(string & {})";
      file.addTypeAlias({ isExported: true, name: e.name, type: `(typeof ${e.name})[keyof typeof ${e.name}] | ${open}` });
    }
    for (const model of ir.models)
      file.addInterface({
        isExported: true,
        name: model.name,
        ...docs(model.description),
        properties: model.fields.map((f) => ({ name: f.name, type: responseType(f.type), hasQuestionToken: !f.required, ...docs(f.description) })),
      });
    for (const m of ir.methods) {
      const properties = m.args.map((a) => ({
        name: a.name,
        type: argumentType(a.type),
        hasQuestionToken: !a.required,
        ...docs(a.description, a.default !== undefined && `Server default: ${String(a.default)}.`),
      }));
      const alternatives = m.requireOneOf.map((group) => `(${group.map((n) => `{ ${n}: ${argumentType(m.args.find((a) => a.name === n)!.type)} }`).join(" | ")})`);
      const argsDoc = docs(`Arguments of ${m.id}.`);
      if (alternatives.length === 0) file.addInterface({ isExported: true, name: names.argsType(m), properties, ...argsDoc });
      else {
        file.addInterface({ isExported: true, name: `${names.argsType(m)}Fields`, properties, ...argsDoc });
        file.addTypeAlias({ isExported: true, name: names.argsType(m), type: [`${names.argsType(m)}Fields`, ...alternatives].join(" & "), ...argsDoc });
      }
      if (!m.binary)
        file.addTypeAlias({
          isExported: true,
          name: names.resultType(m),
          type: m.variants.map((v) => v.model).join(" | "),
          ...docs(`Result of ${m.id}${m.variants.length > 1 ? `: ${m.variants.map((v) => `${v.model} when ${v.when ?? "the server chooses"}`).join("; ")}` : ""}.`),
        });
    }
  },
};
