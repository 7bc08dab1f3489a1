/**
 * Emits what code that serves or mocks every method needs (emulator, MSW handlers): the API as a server
 * sees it, and lookup tables by method id.
 */
import { VariableDeclarationKind } from "ts-morph";
import type { Ir } from "../model.js";
import { docs, type Emitter } from "../emit.js";
import { names } from "../naming.js";

export const methodIndexEmitter: Emitter = {
  name: "method-index",
  output: "packages/client/src/{api}/generated/method-index.ts",
  emit(ir: Ir, file) {
    const withXml = ir.methods.filter((m) => !m.binary && m.variants[0]?.root !== undefined);
    file.addImportDeclaration({ moduleSpecifier: "./types.js", isTypeOnly: true, namespaceImport: "t" });
    file.addImportDeclaration({ moduleSpecifier: "./methods.js", namedImports: ir.methods.map(names.descriptor) });
    file.addImportDeclaration({ moduleSpecifier: "./xml-writers.js", namedImports: withXml.map(names.xmlRenderer) });
    file.addImportDeclaration({ moduleSpecifier: "./wire-args.js", namedImports: ir.methods.map(names.wireArgsReader) });
    file.addImportDeclaration({ moduleSpecifier: "./api.js", namedImports: [names.apiDescriptor(ir), "errorCodes"] });
    file.addImportDeclaration({ moduleSpecifier: "@wrikekit/core/runtime", isTypeOnly: true, namedImports: ["WireContext"] });
    file.addImportDeclaration({ moduleSpecifier: "@wrikekit/core/server", isTypeOnly: true, namedImports: ["ServerApi"] });
    // A missing argument makes a bad request: the code the spec answers with HTTP 400.
    const missingArgument = Object.entries(ir.api.errors.codes).find(([, c]) => c.httpStatus === 400)?.[0];
    const serverFields = [
      `descriptor: ${names.apiDescriptor(ir)}`,
      "errorCodes",
      `serverDefaultFormat: ${JSON.stringify(ir.api.serverDefaultFormat)}`,
      ...(missingArgument === undefined ? [] : [`missingArgumentCode: ${missingArgument}`]),
    ];
    file.addVariableStatement({
      declarationKind: VariableDeclarationKind.Const,
      isExported: true,
      declarations: [{ name: names.serverApi(ir), type: "ServerApi", initializer: `{ ${serverFields.join(", ")} }` }],
      ...docs("The API as its servers and mocks see it: the client's descriptor, every error code with its HTTP status, the default format."),
    });
    file.addVariableStatement({
      declarationKind: VariableDeclarationKind.Const,
      isExported: true,
      declarations: [{ name: "methodDescriptors", initializer: `{ ${ir.methods.map((m) => `${JSON.stringify(m.id)}: ${names.descriptor(m)}`).join(", ")} } as const` }],
      ...docs("Every method's descriptor, by method id."),
    });
    file.addTypeAlias({ isExported: true, name: "MethodId", type: "keyof typeof methodDescriptors" });
    file.addInterface({
      isExported: true,
      name: "MethodTypes",
      ...docs("Argument and result types by method id."),
      properties: ir.methods.map((m) => ({
        name: JSON.stringify(m.id),
        type: `{ args: t.${names.argsType(m)}; result: ${m.binary ? "Uint8Array" : `t.${names.resultType(m)}`} }`,
      })),
    });
    file.addVariableStatement({
      declarationKind: VariableDeclarationKind.Const,
      isExported: true,
      declarations: [{ name: "xmlRenderers", type: "Partial<Record<MethodId, (document: Record<string, unknown>) => string>>", initializer: `{ ${withXml.map((m) => `${JSON.stringify(m.id)}: ${names.xmlRenderer(m)}`).join(", ")} }` }],
      ...docs("The XML renderer of every method that answers with a document, by method id."),
    });
    file.addVariableStatement({
      declarationKind: VariableDeclarationKind.Const,
      isExported: true,
      declarations: [
        {
          name: "wireArgReaders",
          type: "{ [K in MethodId]: (params: URLSearchParams, ctx: WireContext) => MethodTypes[K][\"args\"] }",
          initializer: `{ ${ir.methods.map((m) => `${JSON.stringify(m.id)}: ${names.wireArgsReader(m)}`).join(", ")} }`,
        },
      ],
      ...docs("The wire-argument reader of every method, by method id (for servers)."),
    });
  },
};
