/**
 * Emits one descriptor and one standalone, tree-shakable function per method:
 * `taskAdd(transport, args)` is the same call as `client.task.add(args)`.
 */
import { VariableDeclarationKind } from "ts-morph";
import type { Ir, Method } from "../model.js";
import { docs, type Emitter } from "../emit.js";
import { names, responseType } from "../naming.js";
import { argsOptional, methodDocs } from "./shared/method-docs.js";
import { restSignature } from "./shared/rest-signature.js";
import { callForms } from "./shared/call-forms.js";

/** v4: the body of a method's function: paged, split or a plain call (downloads as in v2). */
function restCall(ir: Ir, m: Method): string {
  const descriptor = names.descriptor(m);
  const { resultType, itemType } = restSignature(m);
  const dataField = ir.api.envelope?.dataField ?? "data";
  if (m.binary) return `return download(transport, ${descriptor}, args, options);`;
  if (m.paging?.kind === "pageToken") {
    const { tokenArg, nextTokenField, itemsField } = m.paging;
    return `return pagePromise(transport, ${descriptor}, ${JSON.stringify({ tokenArg, nextTokenField, itemsField })}, args, options) as PagePromise<${resultType}, ${itemType}>;`;
  }
  if (m.split) return `return ${splitHelper(m)}(transport, ${descriptor}, ${JSON.stringify({ ...m.split, itemsField: dataField })}, args, options) as Promise<${resultType}>;`;
  return `return transport.call(${descriptor}, args, options)${m.selects || m.envelopeVariants ? ` as Promise<${resultType}>` : ""};`;
}

/** Reads call their chunks side by side; writes one after another (see core's rest/split.ts). */
const splitHelper = (m: Method) => (m.kind === "read" ? "callSplit" : "callSplitInOrder");

/** The item type of a paged method's list, e.g. t.Task for wrike.task.filter's `list`. */
function pagedItemType(ir: Ir, m: Method, itemsField: string): string {
  for (const v of m.variants) {
    const field = ir.models.find((model) => model.name === v.model)?.fields.find((f) => f.name === itemsField);
    if (field?.type.list) return field.type.kind === "scalar" ? responseType({ ...field.type, list: false }) : `t.${field.type.name}`;
  }
  throw new Error(`${m.id}: paging.itemsField "${itemsField}" is not a list field of any response variant`);
}

export const methodsEmitter: Emitter = {
  name: "methods",
  output: "packages/client/src/{api}/generated/methods.ts",
  emit(ir: Ir, file) {
    const paged = ir.methods.filter((m) => m.paging?.kind === "offset");
    const tokenPaged = ir.methods.some((m) => m.paging?.kind === "pageToken");
    const splitHelpers = [...new Set(ir.methods.filter((m) => m.split).map(splitHelper))].sort();
    const incremental = ir.methods.filter((m) => m.incremental);
    file.addImportDeclaration({
      moduleSpecifier: "@wrikekit/core",
      isTypeOnly: true,
      namedImports: [
        "CallOptions",
        ...(ir.methods.some((m) => m.binary) ? ["Download"] : []),
        "MethodDescriptor",
        ...(paged.length > 0 ? ["OffsetPages", "PageOptions"] : []),
        ...(tokenPaged ? ["PagePromise"] : []),
        ...(incremental.length > 0 ? ["SyncOptions"] : []),
        "WrikeTransport",
      ],
    });
    const helpers = [
      ...splitHelpers,
      ...(ir.methods.some((m) => m.binary) ? ["download"] : []),
      ...(tokenPaged ? ["pagePromise"] : []),
      ...(paged.length > 0 ? ["paginateByOffset"] : []),
      ...(incremental.length > 0 ? ["syncOnce"] : []),
    ];
    if (helpers.length > 0) file.addImportDeclaration({ moduleSpecifier: "@wrikekit/core", namedImports: helpers });
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
      if (ir.style === "rest") {
        const signature = restSignature(m);
        file.addFunction({
          isExported: true,
          name: m.functionName,
          ...methodDocs(ir, m),
          typeParameters: signature.typeParameters ? [signature.typeParameters.slice(1, -1)] : [],
          parameters: [
            { name: "transport", type: "WrikeTransport" },
            { name: "args", type: signature.argsType, ...(optional ? { initializer: signature.argsDefault } : {}) },
            { name: "options", type: "CallOptions", hasQuestionToken: true },
          ],
          returnType: signature.returnType,
          statements: restCall(ir, m),
        });
        continue;
      }
      const forms = callForms(m);
      file.addFunction({
        isExported: true,
        name: m.functionName,
        ...(forms ? {} : methodDocs(ir, m)),
        // The result type follows a selecting argument (count: true gives the count); the last form is the general one.
        overloads: forms?.map((form, i) => ({
          ...(i === 0 ? methodDocs(ir, m) : {}),
          parameters: [
            { name: "transport", type: "WrikeTransport" },
            { name: "args", type: form.argsType, hasQuestionToken: form.optional },
            { name: "options", type: "CallOptions", hasQuestionToken: true },
          ],
          returnType: `Promise<${form.resultType}>`,
        })),
        parameters: [
          { name: "transport", type: "WrikeTransport" },
          { name: "args", type: `t.${names.argsType(m)}`, ...(optional ? { initializer: "{}" } : {}) },
          { name: "options", type: "CallOptions", hasQuestionToken: true },
        ],
        returnType: m.binary ? "Promise<Download>" : `Promise<${result}>`,
        statements: m.binary ? `return download(transport, ${names.descriptor(m)}, args, options);` : `return transport.call(${names.descriptor(m)}, args, options);`,
      });
      if (m.paging?.kind === "offset") {
        const { limitArg, offsetArg, itemsField, orderArg, idOrder, idField } = m.paging;
        const itemType = pagedItemType(ir, m, itemsField);
        file.addFunction({
          isExported: true,
          name: names.pages(m),
          ...docs(
            `Every item ${m.id} matches, in ascending id order (\`for await (const item of ...)\`; \`.pages()\` for the pages themselves); pages overlap by one item, so changes between pages neither skip nor repeat an item. \`${orderArg}\`, \`${limitArg}\` and \`${offsetArg}\` are set by the pager.`,
          ),
          parameters: [
            { name: "transport", type: "WrikeTransport" },
            // The pager sets the page window; an argument that selects another result (count) would leave no items.
            { name: "args", type: `Omit<t.${names.argsType(m)}, ${[limitArg, orderArg, ...m.variants.flatMap((v) => v.whenArgument?.name ?? [])].map((n) => JSON.stringify(n)).join(" | ")}>`, initializer: "{}" },
            { name: "options", type: "PageOptions", hasQuestionToken: true },
          ],
          returnType: `OffsetPages<${itemType}>`,
          statements: `return paginateByOffset(transport, ${names.descriptor(m)}, ${JSON.stringify({ limitArg, offsetArg, itemsField, orderArg, idOrder, idField })}, args as t.${names.argsType(m)}, options) as OffsetPages<${itemType}>;`,
        });
      }
      if (m.incremental)
        file.addFunction({
          isExported: true,
          name: names.sync(m),
          ...docs(
            `Fetches what changed since the stored \`${m.incremental.sinceArg}\`, hands it to \`options.handle\`, and only then saves the new marker: a crash in between replays the batch instead of losing it.`,
          ),
          parameters: [
            { name: "transport", type: "WrikeTransport" },
            { name: "options", type: `SyncOptions<t.${names.resultType(m)}>` },
          ],
          returnType: `Promise<t.${names.resultType(m)}>`,
          statements: `return syncOnce(transport, ${names.descriptor(m)}, ${JSON.stringify(m.incremental)}, options);`,
        });
    }
  },
};
