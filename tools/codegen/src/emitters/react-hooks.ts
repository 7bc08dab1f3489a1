/**
 * Emits the TanStack Query v5 bindings of @wrikekit/react: per read a query-key factory, a queryOptions
 * factory and a `use…` hook (a token-paged read also an infiniteQueryOptions factory and a `use…Infinite`
 * hook); per write an invalidation function (exactly the reads the spec lists in `invalidates`, with its
 * group's `writesInvalidate`) and a mutation hook that runs it. The generic work lives in
 * packages/react/src/runtime.ts; each generated function is one call into it, so this file stays thin.
 * For a REST API (v4) the signatures follow the client's: a `fields`-selecting read is generic over the
 * fields it is given (shared/rest-signature.ts).
 */
import { VariableDeclarationKind } from "ts-morph";
import type { Ir, Method } from "../model.js";
import { docs, type Emitter } from "../emit.js";
import { names } from "../naming.js";
import { argsOptional, methodDocs } from "./shared/method-docs.js";
import { restSignature } from "./shared/rest-signature.js";

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

/** What the hooks of a method say of its types: generic parameters, arguments, the decoded answer. */
interface HookTypes {
  /** `const F extends readonly t.TaskField[] = []`, or undefined. */
  typeParameter?: string;
  /** The default of optional arguments. */
  argsDefault: string;
  /** The arguments as the call takes them (with the generic `fields` for REST). */
  argsType: string;
  /** The arguments as keys carry them. */
  keyArgsType: string;
  resultType: string;
}

/** The mutation hook's last parameter when the method takes credentials: the names of those arguments, as a literal. */
const sensitiveArgs = (m: Method): string[] => {
  const sensitive = m.args.filter((a) => a.sensitive).map((a) => a.name);
  return sensitive.length > 0 ? [JSON.stringify(sensitive)] : [];
};

function hookTypes(ir: Ir, m: Method): HookTypes {
  const keyArgsType = `t.${names.argsType(m)}`;
  if (m.binary) return { argsType: keyArgsType, keyArgsType, resultType: "WrikeDownloadBlob", argsDefault: "{}" };
  if (ir.style !== "rest") return { argsType: keyArgsType, keyArgsType, resultType: `t.${names.resultType(m)}`, argsDefault: "{}" };
  const s = restSignature(m);
  return { ...(s.typeParameters ? { typeParameter: s.typeParameters.slice(1, -1) } : {}), argsType: s.argsType, keyArgsType, resultType: s.resultType, argsDefault: s.argsDefault };
}

/**
 * A factory's signatures: given arguments, the options the suspense hooks take too; given arguments or
 * `skipToken`, the skippable ones (TanStack's shape for a query that may be skipped).
 */
function factorySignatures(m: Method, types: HookTypes, doc: ReturnType<typeof docs>, full: string, skippable: string) {
  const optional = argsOptional(m);
  const typeParameters = types.typeParameter ? [types.typeParameter] : [];
  // A method without arguments has an empty arguments interface, which any value but null and undefined fits,
  // skipToken too: `& object` keeps skipToken to the skippable signature.
  const argsOnly = m.args.length === 0 ? `${types.argsType} & object` : types.argsType;
  const client = { name: "client", type: "WrikeClientLike" };
  const args = (type: string) => ({ name: "args", type, hasQuestionToken: optional });
  const maybeSkipped = `${types.argsType} | SkipToken`;
  return {
    typeParameters,
    overloads: [
      { ...doc, typeParameters, parameters: [client, args(argsOnly)], returnType: full },
      { ...doc, typeParameters, parameters: [client, args(maybeSkipped)], returnType: skippable },
    ],
    parameters: [client, { name: "args", type: maybeSkipped, ...(optional ? { initializer: types.argsDefault } : {}) }],
    returnType: `${full} | ${skippable}`,
  };
}

export const reactHooksEmitter: Emitter = {
  name: "react-hooks",
  output: "packages/react/src/{api}/generated/hooks.ts",
  emit(ir: Ir, file, target) {
    const reads = ir.methods.filter((m) => m.kind === "read");
    const writes = ir.methods.filter((m) => m.kind === "write");
    const paged = reads.filter((m) => ir.style === "rest" && m.paging?.kind === "pageToken" && !m.binary);
    const hasDownload = reads.some((m) => m.binary);
    const idType = (m: Method) => JSON.stringify(m.id);

    file.addImportDeclaration({
      moduleSpecifier: "@tanstack/react-query",
      isTypeOnly: true,
      namedImports: ["QueryClient", "SkipToken", ...(paged.length > 0 ? ["UseInfiniteQueryResult"] : []), "UseMutationResult", "UseQueryResult"],
    });
    file.addImportDeclaration({ moduleSpecifier: "@wrikekit/core", isTypeOnly: true, namedImports: ["WrikeError"] });
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
        ...(paged.length > 0
          ? ["useWrikeInfiniteQuery", "wrikeInfiniteQueryOptions", "type WrikeInfiniteQueryHookOptions", "type WrikeInfiniteQueryOptions", "type WrikePages", "type WrikeSkippableInfiniteQueryOptions"]
          : []),
        ...(hasDownload ? ["downloadToBlob", "type WrikeDownloadBlob"] : []),
        "type WrikeClientLike",
        "type WrikeMutationHookOptions",
        "type WrikeQueryHookOptions",
        "type WrikeQueryOptions",
        "type WrikeSkippableQueryOptions",
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
                for (const m of groupReads) w.writeLine(`${m.key}: methodKeys<${idType(m)}, t.${names.argsType(m)}>(${idType(m)}),`);
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
      const types = hookTypes(ir, m);
      const typeParameters = types.typeParameter ? [types.typeParameter] : [];
      // The type parameter's name, passed on: `const F extends ...` gives <F>.
      const generic = types.typeParameter ? `<${/^(?:const )?(\w+)/.exec(types.typeParameter)![1]}>` : "";
      const isPaged = paged.includes(m);
      // A paged read's call is a PagePromise (a thenable over its first page): the query wants a Promise.
      const call = `${m.functionName}(client.transport, args, { signal })${m.binary ? ".then(downloadToBlob)" : ""}`;
      file.addFunction({
        isExported: true,
        name: names.queryOptions(m),
        ...factorySignatures(
          m,
          types,
          docs(
            `TanStack Query options of ${m.id} (key and fetcher), for \`useQuery\`, \`useSuspenseQuery\`, \`prefetchQuery\` or \`ensureQueryData\`; given \`skipToken\`, options that fetch nothing (not for the suspense hooks).`,
            isPaged && `The first page; \`${names.infiniteQueryOptions(m)}\` pages through all of them.`,
            m.binary && "The file is read whole into a Blob, which the cache can keep and hand out more than once.",
          ),
          `WrikeQueryOptions<${idType(m)}, ${types.keyArgsType}, ${types.resultType}>`,
          `WrikeSkippableQueryOptions<${idType(m)}, ${types.keyArgsType}, ${types.resultType}>`,
        ),
        // Awaited<> of a result type that follows the arguments (response variants) does not resolve: say what it is.
        statements: `return wrikeQueryOptions(${keyOf(ir, m.id)}, args, (args, signal) => ${isPaged ? `Promise.resolve(${call})${m.envelopeVariants ? ` as Promise<${types.resultType}>` : ""}` : call});`,
      });
      file.addFunction({
        isExported: true,
        name: names.hook(m),
        ...docsWith(ir, m, `Query hook over ${names.queryOptions(m)}, with the client of the nearest WrikeProvider; \`skipToken\` for \`args\` skips it (nothing fetched).`),
        typeParameters: [...typeParameters, { name: "TData", default: types.resultType }],
        parameters: [
          { name: "args", type: `${types.argsType} | SkipToken`, hasQuestionToken: optional },
          { name: "options", type: `WrikeQueryHookOptions<${idType(m)}, ${types.keyArgsType}, ${types.resultType}, TData>`, hasQuestionToken: true },
        ],
        returnType: "UseQueryResult<TData, WrikeError>",
        statements: `return useWrikeQuery((client) => ${names.queryOptions(m)}${generic}(client, args), options);`,
      });
      if (!isPaged || m.paging?.kind !== "pageToken") continue;
      const pagingData = { tokenArg: m.paging.tokenArg, nextTokenField: m.paging.nextTokenField };
      file.addFunction({
        isExported: true,
        name: names.infiniteQueryOptions(m),
        ...factorySignatures(
          m,
          types,
          docs(
            `TanStack Query options of every page of ${m.id}, for \`useInfiniteQuery\` or \`prefetchInfiniteQuery\`: each page is fetched with \`args\` unchanged (Wrike keeps neither filters nor \`fields\` across pages) and the previous page's \`${pagingData.tokenArg}\`; the last page has none. Given \`skipToken\`, options that fetch nothing.`,
          ),
          `WrikeInfiniteQueryOptions<${idType(m)}, ${types.keyArgsType}, ${types.resultType}>`,
          `WrikeSkippableInfiniteQueryOptions<${idType(m)}, ${types.keyArgsType}, ${types.resultType}>`,
        ),
        statements: `return wrikeInfiniteQueryOptions(${keyOf(ir, m.id)}, args, ${JSON.stringify(pagingData)}, (pageArgs, signal) => ${m.functionName}(client.transport, pageArgs, { signal }));`,
      });
      file.addFunction({
        isExported: true,
        name: names.infiniteHook(m),
        ...docsWith(
          ir,
          m,
          `Infinite query hook over ${names.infiniteQueryOptions(m)}: \`data.pages\` are the pages so far, \`fetchNextPage()\` asks for the next, \`hasNextPage\` says whether there is one; \`skipToken\` for \`args\` skips it.`,
        ),
        typeParameters: [...typeParameters, { name: "TData", default: `WrikePages<${types.resultType}>` }],
        parameters: [
          { name: "args", type: `${types.argsType} | SkipToken`, hasQuestionToken: optional },
          { name: "options", type: `WrikeInfiniteQueryHookOptions<${idType(m)}, ${types.keyArgsType}, ${types.resultType}, TData>`, hasQuestionToken: true },
        ],
        returnType: "UseInfiniteQueryResult<TData, WrikeError>",
        statements: `return useWrikeInfiniteQuery((client) => ${names.infiniteQueryOptions(m)}${generic}(client, args), options);`,
      });
    }

    for (const m of writes) {
      // A write's hook answers its result without `fields` selection: the variables are the plain arguments.
      const argsType = `t.${names.argsType(m)}`;
      const resultType = `t.${names.resultType(m)}`;
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
        parameters: [{ name: "options", type: `WrikeMutationHookOptions<${variables}, ${resultType}, TOnMutateResult>`, hasQuestionToken: true }],
        returnType: `UseMutationResult<${resultType}, WrikeError, ${variables}, TOnMutateResult>`,
        statements: `return useWrikeMutation<${variables}, ${resultType}, TOnMutateResult>(${[idType(m), m.functionName, names.invalidator(m), "options", ...sensitiveArgs(m)].join(", ")});`,
      });
    }
  },
};
