/**
 * Emits wire-argument readers, the server side of the encoders: for each method, a function that reads
 * form parameters back into typed arguments, listing malformed ones and missing required ones. The
 * emulator and the mock handlers answer 403 MISSING_REQUIRED_PARAMETER from `missing`.
 */
import { VariableDeclarationKind } from "ts-morph";
import { pascal, type Argument, type Ir, type TypeRef } from "../model.js";
import { docs, type Emitter } from "../emit.js";
import { names, wireScalar } from "../naming.js";

function parser(t: TypeRef): string {
  return `w.${wireScalar(t)}`;
}

export const wireArgsEmitter: Emitter = {
  name: "wire-args",
  output: "packages/client/src/generated/wire-args.ts",
  emit(ir: Ir, file) {
    file.addImportDeclaration({ moduleSpecifier: "@wrikekit/core/runtime", namedImports: ["wire as w", "type WireContext"] });
    file.addImportDeclaration({ moduleSpecifier: "./types.js", isTypeOnly: true, namespaceImport: "t" });
    for (const m of ir.methods) {
      const parserOf = (a: Argument) => (a.pattern === undefined ? parser(a.type) : `${m.functionName}${pascal(a.name)}Parser`);
      for (const a of m.args.filter((x) => x.pattern !== undefined))
        file.addVariableStatement({
          declarationKind: VariableDeclarationKind.Const,
          declarations: [{ name: parserOf(a), initializer: `/* @__PURE__ */ w.matching(${parser(a.type)}, /${a.pattern!.replace(/\//g, "\\/")}/)` }],
        });
      const statements = [
        "const a: Record<string, unknown> = {};",
        ...(m.args.length > 0 ? ["let v: unknown;"] : []),
        ...m.args.map((a) => {
          const read = a.type.list
            ? `w.list(params, ${JSON.stringify(a.wireName)}, ${JSON.stringify(a.encoding)}, ${parserOf(a)}, ctx)`
            : `w.scalar(params, ${JSON.stringify(a.wireName)}, ${parserOf(a)}, ctx)`;
          const absent = a.required ? `if (v === undefined) { if (!params.has(${JSON.stringify(a.wireName)})) ctx.missing.push(${JSON.stringify(a.name)}); } else ` : "if (v !== undefined) ";
          return `v = ${read}; ${absent}a.${a.name} = v;`;
        }),
        // Missing only when no alternative is present at all; a malformed one is already an issue.
        ...m.requireOneOf.map((group) => {
          const wireNames = group.map((n) => m.args.find((a) => a.name === n)!.wireName);
          return `if (${wireNames.map((w) => `!params.has(${JSON.stringify(w)})`).join(" && ")}) ctx.missing.push(${JSON.stringify(group.join(" or "))});`;
        }),
        `return a as unknown as t.${names.argsType(m)};`,
      ];
      file.addFunction({
        isExported: true,
        name: names.wireArgsReader(m),
        ...docs(`Reads the form parameters of a ${m.id} request into typed arguments.`),
        // A method without arguments reads nothing; the underscores say so to the unused-parameter check.
        parameters: [
          { name: m.args.length > 0 ? "params" : "_params", type: "URLSearchParams" },
          { name: m.args.length > 0 ? "ctx" : "_ctx", type: "WireContext" },
        ],
        returnType: `t.${names.argsType(m)}`,
        statements,
      });
    }
  },
};
