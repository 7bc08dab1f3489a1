/**
 * Emits the MSW 2 handlers of a REST API (v4) for @wrikekit/msw: per operation, one call into the package's
 * REST runtime (packages/msw/src/rest-runtime.ts) with the operation's descriptor, its row of the client's
 * server table (rest-server, `@wrikekit/client/server/v4`, which the emulator reads too), default document
 * and `fields` selection. Every operation answers: with its authored example, an authored item of the same
 * model, or an item generated from the model (shared/sample-documents.ts). Also emits the whole set for one
 * base URL (createWrikeHandlers).
 */
import { VariableDeclarationKind } from "ts-morph";
import type { Ir, Method } from "../model.js";
import { docs, type Emitter } from "../emit.js";
import { names } from "../naming.js";
import { sampleDocuments, selection, type DocumentSource } from "./shared/sample-documents.js";
import { selectsFrom } from "./shared/envelope-variants.js";

/** The path as a route sees it: placeholders all alike, so `/tasks/{taskId}` and `/tasks/{taskIds}` are one route. */
const routeShape = (m: Method) => `${m.http.method} ${m.http.path.replace(/\{[^}]+\}/g, "{}")}`;

const SOURCES: Record<DocumentSource, string> = {
  example: "its authored example",
  "entity example": "the first authored item of its model",
  generated: "an item generated from its model",
};

export const mswRestHandlersEmitter: Emitter = {
  name: "msw-rest-handlers",
  output: "packages/msw/src/{api}/generated/handlers.ts",
  emit(ir: Ir, file, target) {
    const statuses = ir.api.errors.statuses!;
    const { documents, variantDocuments, items } = sampleDocuments(ir);
    const errorsOf = (m: Method) => (m.errors.length > 0 ? `Pick<ErrorNamesByStatus, ${m.errors.join(" | ")}>` : "ErrorNamesByStatus");

    file.addImportDeclaration({ moduleSpecifier: "msw", isTypeOnly: true, namedImports: ["HttpHandler"] });
    file.addImportDeclaration({ moduleSpecifier: target.entries.client, namedImports: [names.apiDescriptor(ir), ...ir.methods.map(names.descriptor)] });
    file.addImportDeclaration({ moduleSpecifier: target.entries.client, isTypeOnly: true, namespaceImport: "t" });
    file.addImportDeclaration({ moduleSpecifier: target.entries.server, namedImports: [names.restApi(ir), names.restOperations(ir), names.restModels(ir), names.restEnums(ir)] });
    file.addImportDeclaration({ moduleSpecifier: "../../rest-runtime.js", namedImports: ["restDocumentHandler", "restDownloadHandler", "type RestMockApi"] });
    const operationOf = (m: Method) => `${names.restOperations(ir)}[${JSON.stringify(m.id)}]`;

    file.addTypeAlias({
      name: "ErrorNamesByStatus",
      isExported: true,
      type: `{ ${Object.entries(statuses).map(([status, s]) => `${status}: ${Object.keys(s.names).map((n) => JSON.stringify(n)).join(" | ")}`).join("; ")} }`,
      ...docs(`Every documented HTTP error status of the ${ir.api.title} and the error names it carries: what \`.error(status, name)\` takes.`),
    });
    const errors = Object.fromEntries(Object.entries(statuses).map(([status, s]) => [status, s.names]));
    file.addVariableStatement({
      declarationKind: VariableDeclarationKind.Const,
      declarations: [
        {
          name: "mock",
          type: "RestMockApi",
          initializer: `{\ndescriptor: ${names.apiDescriptor(ir)},\napi: ${names.restApi(ir)},\nschema: { models: ${names.restModels(ir)}, enums: ${names.restEnums(ir)} },\nerrors: ${JSON.stringify(errors, null, 2)}\n}`,
        },
      ],
    });

    const shapes = new Map<string, Method[]>();
    for (const m of ir.methods) shapes.set(routeShape(m), [...(shapes.get(routeShape(m)) ?? []), m]);

    // Each model's default item is said once, and every document whose item it is refers to it.
    const itemConsts = new Map<string, string>();
    const itemText = (model: string, item: unknown) => {
      const sample = items.get(model);
      if (sample === undefined || JSON.stringify(sample.item) !== JSON.stringify(item)) return JSON.stringify(item, null, 2);
      const name = `${model.charAt(0).toLowerCase()}${model.slice(1)}Item`;
      if (!itemConsts.has(name)) {
        itemConsts.set(name, model);
        file.addVariableStatement({
          declarationKind: VariableDeclarationKind.Const,
          declarations: [{ name, initializer: JSON.stringify(sample.item, null, 2) }],
          ...docs(`The default ${model}: ${SOURCES[sample.source]}.`),
        });
      }
      return name;
    };
    const documentText = (document: Record<string, unknown>, model: string) => {
      const { dataField } = ir.api.envelope!;
      const entries = Object.entries(document).map(
        ([key, value]) => `${JSON.stringify(key)}: ${key === dataField ? `[${(value as unknown[]).map((item) => itemText(model, item)).join(", ")}]` : JSON.stringify(value)}`,
      );
      return `{ ${entries.join(", ")} }`;
    };
    // A method with several answers: each other answer's document, and its selection when its items are what `fields` selects from.
    const variantsText = (m: Method) =>
      `[${m.envelopeVariants!.slice(1).map((v) => {
        const { document } = variantDocuments.get(m.id)!.find((d) => d.kind === v.kind)!;
        const select = selectsFrom(m, v) ? selection(ir, m) : undefined;
        return `{ kind: ${JSON.stringify(v.kind)}, ${select ? `selection: ${JSON.stringify(select)}, ` : ""}document: ${documentText(document, v.item.name)} }`;
      }).join(", ")}]`;

    for (const m of ir.methods) {
      const siblings = shapes.get(routeShape(m))!.filter((s) => s !== m);
      const fields = [
        `descriptor: ${names.descriptor(m)}`,
        `operation: ${operationOf(m)}`,
        ...(siblings.length > 0 ? [`siblings: [${siblings.map(operationOf).join(", ")}]`] : []),
      ];
      const select = m.envelopeVariants && !selectsFrom(m, m.envelopeVariants[0]!) ? undefined : selection(ir, m);
      const sample = documents.get(m.id);
      let initializer: string;
      if (m.binary) initializer = `/* @__PURE__ */ restDownloadHandler<t.${names.argsType(m)}, ${errorsOf(m)}>(mock, { ${fields.join(", ")} })`;
      else {
        if (select !== undefined) fields.push(`selection: ${JSON.stringify(select)}`);
        fields.push(`document: ${documentText(documents.get(m.id)!.document, m.envelope!.item.name)}`);
        if (m.envelopeVariants) fields.push(`variants: ${variantsText(m)}`);
        initializer = `/* @__PURE__ */ restDocumentHandler<t.${names.argsType(m)}, t.${names.resultType(m)}, ${errorsOf(m)}>(mock, {\n${fields.join(",\n")}\n})`;
      }
      file.addVariableStatement({
        declarationKind: VariableDeclarationKind.Const,
        isExported: true,
        declarations: [{ name: names.mswHandler(m), initializer }],
        ...docs(
          `MSW handler of \`${m.id}\` (${m.group}.${m.key}): ${m.summary}`,
          m.binary ? "Answers `defaultDownloadBody`, or the content given or returned by a resolver." : `Answers ${SOURCES[sample!.source]}; an override is merged over it, or is a resolver given the request's typed arguments.`,
          m.envelopeVariants && `Answers by the arguments, as Wrike does: ${m.envelopeVariants.map((v) => `\`${v.kind}\` when ${v.when}`).join("; ")}.`,
          (select ?? (m.envelopeVariants && selection(ir, m))) && `Optional fields (${selection(ir, m)!.fields.join(", ")}) are in the answer only when \`${m.selects!.arg}\` asks for them.`,
          m.paging?.kind === "pageToken" && `A request with \`${m.paging.tokenArg}\` gets the default's last page (no next token).`,
          siblings.length > 0 && `Shares its URLs with ${siblings.map((s) => `\`${s.id}\``).join(", ")}: a list in the path goes to the operation whose placeholder takes a list.`,
          `Errors (\`.error(status, name?)\`): ${m.errors.join(", ")}.`,
        ),
      });
    }

    // Literal segments first, so that a handler with a placeholder never answers a request for a literal path.
    const literalLength = (m: Method) => m.http.path.replace(/\{[^}]+\}/g, "").length;
    const ordered = [...ir.methods].sort((a, b) => literalLength(b) - literalLength(a));
    file.addFunction({
      isExported: true,
      name: target.names.handlers,
      ...docs(
        `Handlers for every operation of the ${ir.api.title}, each answering its default document (a download its default bytes), for one base URL (default ${ir.api.baseUrl}).`,
        "With `backend` (e.g. `(request) => emulator.handle(request)` from @wrikekit/emulator) every handler forwards the request and answers the backend's response: a stateful Wrike behind MSW.",
        `Put per-test variations in front: \`server.use(tasksGetHandler({ data: [{ title: "Renamed" }] }))\`, \`server.use(tasksGetHandler.error(404))\`.`,
      ),
      parameters: [{ name: "options", type: "{ baseUrl?: string; backend?: (request: Request) => Response | Promise<Response> }", initializer: "{}" }],
      returnType: "HttpHandler[]",
      statements: [
        "// With a backend (e.g. an emulator's handle), every handler answers what the backend answers, arguments unchecked.",
        "const { backend, baseUrl } = options;",
        "const answer = backend === undefined ? undefined : ({ request }: { request: Request }) => backend(request);",
        "const own = { ...(baseUrl === undefined ? {} : { baseUrl }), ...(backend === undefined ? {} : { checkArguments: false }) };",
        `return [${ordered.map((m) => `${names.mswHandler(m)}(answer, own)`).join(", ")}];`,
      ],
    });
  },
};
