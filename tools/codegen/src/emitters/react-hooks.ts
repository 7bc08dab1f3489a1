/**
 * Emits the TanStack Query v5 bindings of @wrikekit/react: per read a query-key factory, a queryOptions
 * factory and a `use…` hook; per write an invalidation function (exactly the reads the spec lists in
 * `invalidates`) and a mutation hook that runs it. The generic work lives in packages/react/src/runtime.ts;
 * each generated function is one call into it, so this file stays thin.
 */
import { VariableDeclarationKind } from "ts-morph";
import type { Ir, Method } from "../model.js";
import { docs, type Emitter } from "../emit.js";
import { names } from "../naming.js";
import { argsOptional, methodDocs } from "./shared/method-docs.js";

const RUNTIME = "../../runtime.js";

/** The key-factory expression of a read, e.g. taskKeys.filter. */
const keyOf = (ir: Ir, id: string): string => {
  const target = ir.methods.find((m) => m.id === id);
  if (!target || target.kind !== "read") throw new Error(`react-hooks: ${id} is not a read method`);
  return `${names.queryKeys(target.group)}.${target.key}`;
};

/** The method's docs with one more paragraph, in the shape ts-morph takes. */
function docsWith(ir: Ir, m: Method, extra: string) {
  const base = methodDocs(ir, m);
  return docs("docs" in base ? base.docs[0] : undefined, extra);
}

export const reactHooksEmitter: Emitter = {
  name: "react-hooks",
  output: "packages/react/src/{api}/generated/hooks.ts",
  emit(ir: Ir, file, target) {
    const reads = ir.methods.filter((m) => m.kind === "read");
    const writes = ir.methods.filter((m) => m.kind === "write");
    const hasDownload = reads.some((m) => m.binary);
    const t = (type: string) => `t.${type}`;
    const resultOf = (m: Method) => (m.binary ? "WrikeDownloadBlob" : t(names.resultType(m)));
    const idType = (m: Method) => JSON.stringify(m.id);

    file.addImportDeclaration({ moduleSpecifier: "@tanstack/react-query", isTypeOnly: true, namedImports: ["QueryClient", "UseMutationResult", "UseQueryResult"] });
    file.addImportDeclaration({ moduleSpecifier: target.entries.client, namedImports: ir.methods.map((m) => m.functionName) });
    file.addImportDeclaration({ moduleSpecifier: target.entries.client, isTypeOnly: true, namespaceImport: "t" });
    file.addImportDeclaration({
      moduleSpecifier: RUNTIME,
      namedImports: [
        "invalidateWrikeQueries",
        "methodKeys",
        "useWrikeMutation",
        "useWrikeQuery",
        "wrikeQueryOptions",
        ...(hasDownload ? ["downloadToBlob", "type WrikeDownloadBlob"] : []),
        "type WrikeClientLike",
        "type WrikeMutationHookOptions",
        "type WrikeQueryHookOptions",
        "type WrikeQueryOptions",
      ],
    });

    for (const g of ir.groups) {
      const groupReads = g.methods.filter((m) => m.kind === "read");
      if (groupReads.length === 0) continue;
      file.addVariableStatement({
        declarationKind: VariableDeclarationKind.Const,
        isExported: true,
        declarations: [
          {
            name: names.queryKeys(g.name),
            initializer: (w) => {
              w.writeLine("{");
              w.indent(() => {
                for (const m of groupReads) w.writeLine(`${m.key}: methodKeys<${idType(m)}, ${t(names.argsType(m))}>(${idType(m)}),`);
              });
              w.write("} as const");
            },
          },
        ],
        ...docs(
          `Query keys of the ${g.name} reads: \`${names.queryKeys(g.name)}.${groupReads[0]!.key}(args)\` is \`["wrike", ${idType(groupReads[0]!)}, args]\`, and \`${names.queryKeys(g.name)}.${groupReads[0]!.key}.all\` the prefix that matches it with any arguments.`,
        ),
      });
    }

    for (const m of reads) {
      const optional = argsOptional(m);
      const argsType = t(names.argsType(m));
      const call = `${m.functionName}(client.transport, args, { signal })${m.binary ? ".then(downloadToBlob)" : ""}`;
      file.addFunction({
        isExported: true,
        name: names.queryOptions(m),
        ...docs(
          `TanStack Query options of ${m.id} (key and fetcher), for \`useQuery\`, \`useSuspenseQuery\`, \`prefetchQuery\` or \`ensureQueryData\`.`,
          m.binary && "The file is read whole into a Blob, which the cache can keep and hand out more than once.",
        ),
        parameters: [
          { name: "client", type: "WrikeClientLike" },
          { name: "args", type: argsType, ...(optional ? { initializer: "{}" } : {}) },
        ],
        returnType: `WrikeQueryOptions<${idType(m)}, ${argsType}, ${resultOf(m)}>`,
        statements: `return wrikeQueryOptions(${keyOf(ir, m.id)}(args), (signal) => ${call});`,
      });
      file.addFunction({
        isExported: true,
        name: names.hook(m),
        ...docsWith(ir, m, `Query hook over ${names.queryOptions(m)}, with the client of the nearest WrikeProvider.`),
        typeParameters: [{ name: "TData", default: resultOf(m) }],
        parameters: [
          { name: "args", type: argsType, hasQuestionToken: optional },
          { name: "options", type: `WrikeQueryHookOptions<${idType(m)}, ${argsType}, ${resultOf(m)}, TData>`, hasQuestionToken: true },
        ],
        returnType: "UseQueryResult<TData, Error>",
        statements: `return useWrikeQuery(${names.queryOptions(m)}, args, options);`,
      });
    }

    for (const m of writes) {
      const argsType = t(names.argsType(m));
      const variables = argsOptional(m) ? `${argsType} | void` : argsType;
      const targets = m.invalidates.map((id) => `${keyOf(ir, id)}.all`);
      file.addFunction({
        isExported: true,
        name: names.invalidator(m),
        ...docs(
          m.invalidates.length > 0
            ? `Marks stale, and refetches if in use, every cached query that ${m.id} may change: ${m.invalidates.join(", ")}.`
            : `${m.id} changes no cached read; nothing to invalidate.`,
        ),
        parameters: [{ name: "queryClient", type: "QueryClient" }],
        returnType: "Promise<void>",
        statements: `return invalidateWrikeQueries(queryClient, [${targets.join(", ")}]);`,
      });
      file.addFunction({
        isExported: true,
        name: names.hook(m),
        ...docsWith(ir, m, `Mutation hook: on success it awaits ${names.invalidator(m)}, then calls the onSuccess given in options.`),
        typeParameters: [{ name: "TOnMutateResult", default: "unknown" }],
        parameters: [{ name: "options", type: `WrikeMutationHookOptions<${variables}, ${resultOf(m)}, TOnMutateResult>`, hasQuestionToken: true }],
        returnType: `UseMutationResult<${resultOf(m)}, Error, ${variables}, TOnMutateResult>`,
        statements: `return useWrikeMutation(${m.functionName}, ${names.invalidator(m)}, options);`,
      });
    }
  },
};
