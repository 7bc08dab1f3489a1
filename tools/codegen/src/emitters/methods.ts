/**
 * Emits one descriptor and one standalone, tree-shakable function per method:
 * `taskAdd(transport, args)` is the same call as `client.task.add(args)`.
 */
import { VariableDeclarationKind } from "ts-morph";
import type { Ir, Method } from "../model.js";
import { docs, type Emitter } from "../emit.js";
import { names } from "../naming.js";

/** The JSDoc of a method: what it does, its errors, rules and quirks, as the spec records them. */
export function methodDocs(ir: Ir, m: Method) {
  const errors = m.errors.map((code) => `${code} ${ir.api.errors.codes[String(code)]!.name}${m.errorMessages?.[String(code)] ? `: ${m.errorMessages[String(code)]}` : ""}`);
  return docs(
    `${m.summary} (\`${m.id}\`)`,
    m.description,
    m.rules.length > 0 && m.rules.map((r) => `Rule: ${ir.api.rules[r]}`).join("\n"),
    m.quirks.length > 0 && m.quirks.map((q) => `Quirk: ${q.what} ${q.handling}`).join("\n"),
    errors.length > 0 && `Errors (WrikeApiError.code):\n${errors.map((e) => `- ${e}`).join("\n")}`,
  );
}

/** Whether a call may leave out the argument object entirely. */
export function argsOptional(m: Method): boolean {
  return m.args.every((a) => !a.required) && m.requireOneOf.length === 0;
}

export const methodsEmitter: Emitter = {
  name: "methods",
  output: "packages/client/src/generated/methods.ts",
  emit(ir: Ir, file) {
    file.addImportDeclaration({ moduleSpecifier: "@wrikekit/core", isTypeOnly: true, namedImports: ["CallOptions", "Download", "MethodDescriptor", "WrikeTransport"] });
    file.addImportDeclaration({ moduleSpecifier: "./types.js", isTypeOnly: true, namespaceImport: "t" });
    file.addImportDeclaration({ moduleSpecifier: "./encoders.js", namedImports: ir.methods.map(names.argsEncoder) });
    file.addImportDeclaration({ moduleSpecifier: "./decoders.js", namedImports: ir.methods.filter((m) => !m.binary).map(names.resultDecoder) });
    for (const m of ir.methods) {
      const result = m.binary ? "unknown" : `t.${names.resultType(m)}`;
      const fields = [
        `id: ${JSON.stringify(m.id)}`,
        `kind: ${JSON.stringify(m.kind)}`,
        `http: ${JSON.stringify(m.http)}`,
        `encodeArgs: ${names.argsEncoder(m)}`,
        ...(m.binary ? [] : [`decodeResult: ${names.resultDecoder(m)}`]),
      ];
      file.addVariableStatement({
        declarationKind: VariableDeclarationKind.Const,
        isExported: true,
        declarations: [{ name: names.descriptor(m), type: `MethodDescriptor<t.${names.argsType(m)}, ${result}>`, initializer: `{ ${fields.join(", ")} }` }],
        ...docs(`Descriptor of ${m.id}: what the transport needs to send it and read its answer.`),
      });
      const optional = argsOptional(m);
      file.addFunction({
        isExported: true,
        name: m.functionName,
        ...methodDocs(ir, m),
        parameters: [
          { name: "transport", type: "WrikeTransport" },
          { name: "args", type: `t.${names.argsType(m)}`, ...(optional ? { initializer: "{}" } : {}) },
          { name: "options", type: "CallOptions", hasQuestionToken: true },
        ],
        returnType: m.binary ? "Promise<Download>" : `Promise<${result}>`,
        statements: `return transport.${m.binary ? "download" : "call"}(${names.descriptor(m)}, args, options);`,
      });
    }
  },
};
