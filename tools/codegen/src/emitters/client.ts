/** Emits the client factory (createWrikeClient): the standalone method functions grouped as client.<group>.<method>. */
import type { Ir } from "../model.js";
import { docs, type Emitter } from "../emit.js";
import { names } from "../naming.js";
import { argsOptional, methodDocs } from "./shared/method-docs.js";

export const clientEmitter: Emitter = {
  name: "client",
  output: "packages/client/src/{api}/generated/client.ts",
  emit(ir: Ir, file, target) {
    const apiConst = names.apiDescriptor(ir);
    file.addImportDeclaration({ moduleSpecifier: "@wrikekit/core", namedImports: [
        "createTransport",
        "resolveClientOptions",
        "type CallOptions",
        ...(ir.methods.some((m) => m.binary) ? ["type Download"] : []),
        ...(ir.methods.some((m) => m.paging?.kind === "offset") ? ["type PageOptions"] : []),
        ...(ir.methods.some((m) => m.incremental) ? ["type SyncOptions"] : []),
        "type ClientOptions",
        "type WrikeTransport",
      ],
    });
    file.addImportDeclaration({ moduleSpecifier: "./api.js", namedImports: [apiConst] });
    file.addImportDeclaration({ moduleSpecifier: "./types.js", isTypeOnly: true, namespaceImport: "t" });
    const extras = (m: (typeof ir.methods)[number]) => [
      ...(m.paging?.kind === "offset" ? [{ key: `${m.key}Pages`, fn: names.pages(m), signature: `(args?: Parameters<typeof ${names.pages(m)}>[1], options?: PageOptions) => ReturnType<typeof ${names.pages(m)}>`, call: "(args, options) => FN(transport, args, options)" }] : []),
      ...(m.incremental ? [{ key: `${m.key}Sync`, fn: names.sync(m), signature: `(options: SyncOptions<t.${names.resultType(m)}>) => Promise<t.${names.resultType(m)}>`, call: "(options) => FN(transport, options)" }] : []),
    ];
    file.addImportDeclaration({ moduleSpecifier: "./methods.js", namedImports: ir.methods.flatMap((m) => [m.functionName, ...extras(m).map((e) => e.fn)]) });
    const signature = (m: (typeof ir.methods)[number]) =>
      `(args${argsOptional(m) ? "?" : ""}: t.${names.argsType(m)}, options?: CallOptions) => Promise<${m.binary ? "Download" : `t.${names.resultType(m)}`}>`;
    file.addInterface({
      isExported: true,
      name: target.names.clientType,
      ...docs(`${ir.api.title}: every method, grouped as in the reference.`),
      properties: [
        { name: "transport", type: "WrikeTransport", isReadonly: true, ...docs("The transport the methods share; pass it to the standalone functions.") },
        ...ir.groups.map((g) => ({
          name: g.name,
          isReadonly: true,
          ...docs(g.description),
          type: (w: import("ts-morph").CodeBlockWriter) => {
            w.block(() => {
              for (const m of g.methods) {
                const d = methodDocs(ir, m);
                if ("docs" in d) w.writeLine(`/** ${d.docs[0]!.split("\n").join("\n * ").replace(/ \* \n/g, " *\n")} */`);
                w.writeLine(`readonly ${m.key}: ${signature(m)};`);
                for (const extra of extras(m)) w.writeLine(`/** See ${extra.fn}. */`).writeLine(`readonly ${extra.key}: ${extra.signature};`);
              }
            });
          },
        })),
      ],
    });
    file.addFunction({
      isExported: true,
      name: target.names.client,
      ...docs(`Creates a client for the ${ir.api.title}.`),
      parameters: [{ name: "options", type: "ClientOptions" }],
      returnType: target.names.clientType,
      statements: (w) => {
        w.writeLine(`const transport = createTransport(${apiConst}, resolveClientOptions(options));`);
        w.write("return ").block(() => {
          w.writeLine("transport,");
          for (const g of ir.groups) {
            w.write(`${g.name}: `).block(() => {
              for (const m of g.methods) {
                w.writeLine(`${m.key}: (args, options) => ${m.functionName}(transport, args${argsOptional(m) ? " ?? {}" : ""}, options),`);
                for (const extra of extras(m)) w.writeLine(`${extra.key}: ${extra.call.replace("FN", extra.fn)},`);
              }
            });
            w.write(",").newLine();
          }
        });
        w.write(";");
      },
    });
  },
};
