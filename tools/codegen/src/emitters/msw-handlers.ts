/**
 * Emits the MSW 2 handlers of @wrikekit/msw: per method, one call into the package's hand-written runtime
 * (packages/msw/src/runtime.ts) with the method's data: its descriptor, wire-argument reader (none for a
 * method without arguments, whose handler then never reads the request's body), XML renderer, response
 * variants, reference examples (after their recorded repairs, as the spec prints them) and error messages. The examples are decoded at run time by the same generated decoders the
 * client uses, so the normalisations the spec records (aliases, ids as strings, comma-separated lists)
 * live in one place. Also emits the whole set for one base URL (createWrikeHandlers).
 */
import { VariableDeclarationKind } from "ts-morph";
import type { Example, Ir, Method } from "../model.js";
import { docs, type Emitter } from "../emit.js";
import { names } from "../naming.js";

/** The root key of an example document (JSON's only key, XML's root element). */
function exampleRoot(example: Example): string | undefined {
  const text = example.repaired;
  if (example.format === "json") return Object.keys(JSON.parse(text) as object)[0];
  return /<([A-Za-z_][\w.-]*)/.exec(text.replace(/^\s*<\?xml[^>]*\?>/, ""))?.[1];
}

/** The example answered by default: the first of the method's first (default) variant, else the first. */
function defaultExample(m: Method): Example | undefined {
  const root = m.variants[0]?.root;
  return m.examples.find((ex) => root === undefined || exampleRoot(ex) === root) ?? m.examples[0];
}

function exampleData(example: Example): string {
  const text = example.repaired;
  return example.format === "json"
    ? `{\nformat: "json",\ndocument: ${JSON.stringify(JSON.parse(text), null, 2)}\n}`
    : `{\nformat: "xml",\ntext: ${JSON.stringify(text)}\n}`;
}

const codeUnion = (m: Method) => (m.errors.length > 0 ? m.errors.join(" | ") : "never");

function errorsData(ir: Ir, m: Method): string {
  return `{ ${m.errors.map((code) => `${code}: ${JSON.stringify(m.errorMessages?.[String(code)] ?? ir.api.errors.codes[String(code)]!.description)}`).join(", ")} }`;
}

/** "as JSON or XML, as the URL asks", or "as JSON" for an API with one format. */
function formatsText(ir: Ir): string {
  const formats = Object.keys(ir.api.formats).map((f) => f.toUpperCase());
  return formats.length > 1 ? `as ${formats.join(" or ")}, as the URL asks` : `as ${formats[0]}`;
}

const RESOLVER = "a resolver `({ args, request, params }) => value` given the request's typed arguments";

function handlerDocs(ir: Ir, m: Method) {
  const example = defaultExample(m);
  const answer = m.binary
    ? `Answers \`defaultDownloadBody\`, or the bytes (or text) given as \`override\` or returned by ${RESOLVER}.`
    : example
      ? `Answers the reference example \`${example.name}\` ${formatsText(ir)}. \`override\` is deep-merged over it (with \`{ merge: false }\` it replaces it), or is ${RESOLVER}.`
      : `Has no reference example: give it \`override\`, the value to answer ${formatsText(ir)}, or ${RESOLVER}.`;
  const errors = m.errors.map((code) => {
    const c = ir.api.errors.codes[String(code)]!;
    return `- \`.error(${code})\`: ${c.name}, HTTP ${c.httpStatus}`;
  });
  return docs(`MSW handler of \`${m.id}\`: ${m.summary}`, answer, errors.length > 0 && `Errors:\n${errors.join("\n")}`);
}

export const mswHandlersEmitter: Emitter = {
  name: "msw-handlers",
  output: "packages/msw/src/{api}/generated/handlers.ts",
  emit(ir: Ir, file, target) {
    const serverApi = names.serverApi(ir);
    const documentMethods = ir.methods.filter((m) => !m.binary);
    const withXml = documentMethods.filter((m) => m.variants[0]?.root !== undefined && "xml" in ir.api.formats);

    file.addImportDeclaration({ moduleSpecifier: "msw", isTypeOnly: true, namedImports: ["HttpHandler"] });
    file.addImportDeclaration({ moduleSpecifier: target.entries.client, namedImports: ir.methods.map(names.descriptor) });
    file.addImportDeclaration({ moduleSpecifier: target.entries.client, isTypeOnly: true, namespaceImport: "t" });
    // A method without arguments gets no reader: its handler never reads the request's body.
    const withArgs = ir.methods.filter((m) => m.args.length > 0);
    file.addImportDeclaration({ moduleSpecifier: target.entries.server, namedImports: [serverApi, ...withArgs.map(names.wireArgsReader), ...withXml.map(names.xmlRenderer)] });
    file.addImportDeclaration({
      moduleSpecifier: "../../runtime.js",
      namedImports: [...(ir.methods.some((m) => m.binary) ? ["binaryHandler"] : []), ...(documentMethods.length > 0 ? ["documentHandler"] : [])],
    });
    file.addVariableStatement({ declarationKind: VariableDeclarationKind.Const, declarations: [{ name: "api", initializer: serverApi }] });

    for (const m of ir.methods) {
      const common = [`descriptor: ${names.descriptor(m)}`, ...(withArgs.includes(m) ? [`readArgs: ${names.wireArgsReader(m)}`] : [])];
      let initializer: string;
      if (m.binary) {
        initializer = `/* @__PURE__ */ binaryHandler<t.${names.argsType(m)}, ${codeUnion(m)}>(api, { ${[...common, `errors: ${errorsData(ir, m)}`].join(", ")} })`;
      } else {
        const variants = m.variants.map((v) => {
          const model = ir.models.find((x) => x.name === v.model)!;
          const fields = [
            ...(v.root === undefined ? [] : [`root: ${JSON.stringify(v.root)}`]),
            `required: ${JSON.stringify(model.fields.filter((f) => f.required).map((f) => f.name))}`,
            ...(ir.api.echo !== undefined && model.fields.some((f) => f.name === ir.api.echo!.field) ? ["echo: true"] : []),
          ];
          return `{ ${fields.join(", ")} }`;
        });
        const example = defaultExample(m);
        const fields = [
          ...common,
          ...(withXml.includes(m) ? [`renderXml: ${names.xmlRenderer(m)}`] : []),
          `variants: [${variants.join(", ")}]`,
          `examples: { ${m.examples.map((ex) => `${ex.name}: ${exampleData(ex)}`).join(",\n")} }`,
          ...(example === undefined ? [] : [`defaultExample: ${JSON.stringify(example.name)}`]),
          `errors: ${errorsData(ir, m)}`,
        ];
        const exampleNames = m.examples.length > 0 ? m.examples.map((ex) => JSON.stringify(ex.name)).join(" | ") : "never";
        initializer = `/* @__PURE__ */ documentHandler<t.${names.argsType(m)}, t.${names.resultType(m)}, ${codeUnion(m)}, ${exampleNames}>(api, {\n${fields.join(",\n")}\n})`;
      }
      file.addVariableStatement({
        declarationKind: VariableDeclarationKind.Const,
        isExported: true,
        declarations: [{ name: names.mswHandler(m), initializer }],
        ...handlerDocs(ir, m),
      });
    }

    const defaults = ir.methods.filter((m) => m.binary || m.examples.length > 0);
    const left = ir.methods.filter((m) => !defaults.includes(m));
    const sample = defaults.find((m) => !m.binary && m.errors.length > 0);
    file.addFunction({
      isExported: true,
      name: target.names.handlers,
      ...docs(
        `Handlers for every method of the ${ir.api.title}, each answering its default (the reference example; a download its default bytes), for one base URL (default ${ir.api.baseUrl}).`,
        "With `backend` (e.g. `(request) => emulator.handle(request)` from @wrikekit/emulator) every handler forwards the request and answers the backend's response: a stateful Wrike behind MSW.",
        sample !== undefined &&
          `Put per-test variations in front: \`server.use(${names.mswHandler(sample)}(...))\`, \`server.use(${names.mswHandler(sample)}.error(${sample.errors[0]}))\`.`,
        left.length > 0 && `Left out, having no reference example to answer: ${left.map((m) => m.id).join(", ")}.`,
      ),
      parameters: [{ name: "options", type: "{ baseUrl?: string; backend?: (request: Request) => Response | Promise<Response> }", initializer: "{}" }],
      returnType: "HttpHandler[]",
      statements: [
        "// With a backend (e.g. an emulator's handle), every handler answers what the backend answers.",
        "const { backend } = options;",
        "const answer = backend === undefined ? undefined : ({ request }: { request: Request }) => backend(request);",
        `return [${defaults.map((m) => `${names.mswHandler(m)}(answer, options)`).join(", ")}];`,
      ],
    });
  },
};
