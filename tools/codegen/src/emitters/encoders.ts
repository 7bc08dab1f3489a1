/**
 * Emits the argument encoders: for each method, a function that checks every argument against the spec
 * (required, type, pattern, unknown names) and appends its wire form in the spec's order.
 */
import { VariableDeclarationKind } from "ts-morph";
import type { Argument, Ir } from "../model.js";
import { docs, type Emitter } from "../emit.js";
import { names } from "../naming.js";
import { argumentCodecs, importRuntime } from "./shared/runtime-codecs.js";

function argumentStatement(a: Argument, encoderFor: (a: Argument) => string): string {
  const key = JSON.stringify(a.name);
  const wire = JSON.stringify(a.wireName);
  const encodeValue = a.type.list
    ? `e.list(${wire}, v, ${key}, ${JSON.stringify(a.encoding)}, ${encoderFor(a)}, ctx);`
    : `e.scalar(${wire}, v, ${key}, ${encoderFor(a)}, ctx);`;
  return a.required ? `v = a.${a.name}; if (v === undefined) e.missing(${key}, ctx); else ${encodeValue}` : `v = a.${a.name}; if (v !== undefined) ${encodeValue}`;
}

export const encodersEmitter: Emitter = {
  name: "encoders",
  output: "packages/client/src/{api}/generated/encoders.ts",
  emit(ir: Ir, file) {
    importRuntime(file, "encode", "e", "EncodeContext");
    for (const m of ir.methods) {
      const namesConst = `${m.functionName}ArgumentNames`;
      file.addVariableStatement({ declarationKind: VariableDeclarationKind.Const, declarations: [{ name: namesConst, initializer: `/* @__PURE__ */ new Set(${JSON.stringify(m.args.map((a) => a.name))})` }] });
      const encoderFor = argumentCodecs(file, m, "e", "Encoder");
      file.addFunction({
        isExported: true,
        name: names.argsEncoder(m),
        ...docs(`Checks the arguments of ${m.id} and appends their wire pairs to ctx.pairs.`),
        parameters: [
          { name: "args", type: `t.${names.argsType(m)}` },
          { name: "ctx", type: "EncodeContext" },
        ],
        returnType: "void",
        statements: [
          "const a = e.argsObject(args, ctx);",
          "if (a === undefined) return;",
          `e.rejectUnknown(a, ${namesConst}, ctx);`,
          ...(m.args.length > 0 ? ["let v: unknown;"] : []),
          ...m.args.map((a) => argumentStatement(a, encoderFor)),
          ...m.requireOneOf.map((group) => `e.requireOneOf(a, ${JSON.stringify(group)}, ctx);`),
        ],
      });
    }
  },
};
