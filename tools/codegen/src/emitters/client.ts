/** Emits the client factory (createWrikeClient): the standalone method functions grouped as client.<group>.<method>. */
import type { CodeBlockWriter } from "ts-morph";
import type { Ir, Method } from "../model.js";
import { docs, type ApiTarget, type DeclarationSink, type Emitter } from "../emit.js";
import { names } from "../naming.js";
import { argsOptional, methodDocs } from "./shared/method-docs.js";
import { jobPoll, restSignature } from "./shared/rest-signature.js";
import { callForms } from "./shared/call-forms.js";

/** A method's JSDoc as lines of an interface member. */
function writeDocs(w: CodeBlockWriter, ir: Ir, m: Method): void {
  const d = methodDocs(ir, m);
  if ("docs" in d) w.writeLine(`/** ${d.docs[0]!.split("\n").join("\n * ").replace(/ \* \n/g, " *\n")} */`);
}

/**
 * v4 (REST): `wrike.<group>.<method>(args)`, each member also offering `.withResponse(args)` for the
 * answer's status and headers; `wrike.waitForJob(id)` follows an async job.
 */
function emitRestClient(ir: Ir, file: DeclarationSink, target: ApiTarget): void {
  const apiConst = names.apiDescriptor(ir);
  const poll = jobPoll(ir);
  const binary = ir.methods.some((m) => m.binary);
  file.addImportDeclaration({
    moduleSpecifier: "@wrikekit/core",
    namedImports: [
      "createTransport",
      "resolveClientOptions",
      "withResponse",
      ...(poll ? ["waitForJob", "type WaitForJobOptions"] : []),
      "type CallOptions",
      ...(binary ? ["type Download"] : []),
      ...(ir.methods.some((m) => m.paging?.kind === "pageToken") ? ["type PagePromise"] : []),
      "type ClientOptions",
      "type WithResponse",
      "type WrikeTransport",
    ],
  });
  file.addImportDeclaration({ moduleSpecifier: "./api.js", namedImports: [apiConst] });
  file.addImportDeclaration({ moduleSpecifier: "./types.js", isTypeOnly: true, namespaceImport: "t" });
  file.addImportDeclaration({ moduleSpecifier: "./methods.js", namedImports: ir.methods.map((m) => m.functionName) });
  const member = (m: Method) => {
    const s = restSignature(m);
    const args = `args${argsOptional(m) ? "?" : ""}: ${s.argsType}, options?: CallOptions`;
    const call = `${s.typeParameters}(${args}) => ${s.returnType}`;
    const withResponseDocs = `/** The same call, resolving to { data, response: { status, headers } }${m.paging?.kind === "pageToken" ? " (data: the first page)" : ""}. */`;
    return m.binary ? call : `(${call}) & { ${withResponseDocs} readonly withResponse: ${s.typeParameters}(${args}) => Promise<WithResponse<${s.resultType}>> }`;
  };
  const jobType = poll && `t.${poll.method.envelope!.item.kind === "model" ? poll.method.envelope!.item.name : "unknown"}`;
  file.addInterface({
    isExported: true,
    name: target.names.clientType,
    ...docs(`${ir.api.title}: every method, grouped by resource.`),
    properties: [
      { name: "transport", type: "WrikeTransport", isReadonly: true, ...docs("The transport the methods share; pass it to the standalone functions.") },
      ...(poll
        ? [{ name: "waitForJob", isReadonly: true, type: `(id: string, options?: WaitForJobOptions<${jobType}>) => Promise<${jobType}>`, ...docs(`Polls ${poll.method.id} with back-off until the job's ${poll.statusField} is final (not ${poll.pending.join(" or ")}) and returns that job, whatever its ${poll.statusField}: a failed job is returned, not thrown. Ends at once when options.signal aborts (\`AbortSignal.timeout(ms)\` bounds the wait).`) }]
        : []),
      ...ir.groups.map((g) => ({
        name: g.name,
        isReadonly: true,
        ...docs(g.description),
        type: (w: CodeBlockWriter) => {
          w.block(() => {
            for (const m of g.methods) {
              writeDocs(w, ir, m);
              w.writeLine(`readonly ${m.key}: ${member(m)};`);
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
      w.writeLine(`const transport = createTransport(${apiConst}, resolveClientOptions(options, ${clientBudget(ir)}));`);
      w.writeLine("// Each member calls its standalone function; withResponse runs the same call capturing the answer's status and headers.");
      w.writeLine("const bind = (fn: (transport: WrikeTransport, args: never, options?: CallOptions) => unknown) =>");
      w.writeLine("  Object.assign((args: never, options?: CallOptions) => fn(transport, args ?? ({} as never), options), {");
      w.writeLine("    withResponse: (args: never, options?: CallOptions) => withResponse((o) => fn(transport, args ?? ({} as never), o) as PromiseLike<unknown>, options),");
      w.writeLine("  });");
      w.write("return (").block(() => {
        w.writeLine("transport,");
        if (poll) {
          const pending = JSON.stringify(poll.pending);
          w.writeLine(
            `waitForJob: (id, options) => waitForJob({ poll: (signal) => ${poll.method.functionName}(transport, { ${poll.idArg}: id }, { signal }).then((answer) => answer.${ir.api.envelope!.dataField}[0]), statusField: ${JSON.stringify(poll.statusField)}, pending: ${pending} }, options),`,
          );
        }
        for (const g of ir.groups) {
          w.write(`${g.name}: `).block(() => {
            for (const m of g.methods) w.writeLine(`${m.key}: ${m.binary ? `(args, options) => ${m.functionName}(transport, args, options)` : `bind(${m.functionName})`},`);
          });
          w.write(",").newLine();
        }
      });
      w.write(`) as ${target.names.clientType};`);
    },
  });
}

export const clientEmitter: Emitter = {
  name: "client",
  output: "packages/client/src/{api}/generated/client.ts",
  emit(ir: Ir, file, target) {
    if (ir.style === "rest") return emitRestClient(ir, file, target);
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
    const signature = (m: (typeof ir.methods)[number]) => {
      const forms = callForms(m);
      if (forms) return `{ ${forms.map((f) => `(args${f.optional ? "?" : ""}: ${f.argsType}, options?: CallOptions): Promise<${f.resultType}>;`).join(" ")} }`;
      return `(args${argsOptional(m) ? "?" : ""}: t.${names.argsType(m)}, options?: CallOptions) => Promise<${m.binary ? "Download" : `t.${names.resultType(m)}`}>`;
    };
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
                writeDocs(w, ir, m);
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
        w.writeLine(`const transport = createTransport(${apiConst}, resolveClientOptions(options, ${clientBudget(ir)}));`);
        w.write("return ").block(() => {
          w.writeLine("transport,");
          for (const g of ir.groups) {
            w.write(`${g.name}: `).block(() => {
              for (const m of g.methods) {
                const call = `${m.functionName}(transport, args${argsOptional(m) ? " ?? {}" : ""}, options)`;
                // An overloaded member cannot type an arrow's parameters from context: the general form is spelt out.
                if (callForms(m)) w.writeLine(`${m.key}: ((args${argsOptional(m) ? "?" : ""}: t.${names.argsType(m)}, options?: CallOptions) => ${call}) as ${target.names.clientType}[${JSON.stringify(g.name)}][${JSON.stringify(m.key)}],`);
                else w.writeLine(`${m.key}: (args, options) => ${call},`);
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

/** The API's default client-side budget (spec rateLimit), which createWrikeClient's limiter starts from; kept out of the descriptor, which bare transports bundle. */
function clientBudget(ir: Ir): string {
  const { requestsPerMinute, countedPerSecond } = ir.api.rateLimit;
  return `{ rateLimit: ${JSON.stringify({ requestsPerMinute, perSecond: countedPerSecond })} }`;
}
