/**
 * Emits the argument encoders: for each method, a function that checks every argument against the spec
 * (required, type, pattern, unknown names) and appends its wire form in the spec's order.
 */
import { VariableDeclarationKind } from "ts-morph";
import { pascal, type Argument, type Ir, type Method, type TypeRef } from "../model.js";
import { docs, type Emitter } from "../emit.js";
import { names, wireScalar } from "../naming.js";

function itemEncoder(t: TypeRef): string {
  return `e.${wireScalar(t)}`;
}

function argumentStatement(a: Argument, encoderFor: (a: Argument) => string): string {
  const key = JSON.stringify(a.name);
  const wire = JSON.stringify(a.wireName);
  const encodeValue = a.type.list
    ? `e.list(${wire}, v, ${key}, ${JSON.stringify(a.encoding)}, ${encoderFor(a)}, ctx);`
    : `e.scalar(${wire}, v, ${key}, ${encoderFor(a)}, ctx);`;
  return a.required ? `v = a.${a.name}; if (v === undefined) e.missing(${key}, ctx); else ${encodeValue}` : `v = a.${a.name}; if (v !== undefined) ${encodeValue}`;
}

const patternEncoderName = (m: Method, a: Argument) => `${m.functionName}${pascal(a.name)}Encoder`;

export const encodersEmitter: Emitter = {
  name: "encoders",
  output: "packages/client/src/generated/encoders.ts",
  emit(ir: Ir, file) {
    file.addImportDeclaration({ moduleSpecifier: "@wrikekit/core/runtime", namedImports: ["encode as e", "type EncodeContext"] });
    file.addImportDeclaration({ moduleSpecifier: "./types.js", isTypeOnly: true, namespaceImport: "t" });
    for (const m of ir.methods) {
      const namesConst = `${m.functionName}ArgumentNames`;
      file.addVariableStatement({ declarationKind: VariableDeclarationKind.Const, declarations: [{ name: namesConst, initializer: `/* @__PURE__ */ new Set(${JSON.stringify(m.args.map((a) => a.name))})` }] });
      const patterned = m.args.filter((a) => a.pattern !== undefined);
      for (const a of patterned)
        file.addVariableStatement({
          declarationKind: VariableDeclarationKind.Const,
          declarations: [{ name: patternEncoderName(m, a), initializer: `/* @__PURE__ */ e.matching(${itemEncoder(a.type)}, /${a.pattern!.replace(/\//g, "\\/")}/)` }],
        });
      const encoderFor = (a: Argument) => (a.pattern === undefined ? itemEncoder(a.type) : patternEncoderName(m, a));
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
