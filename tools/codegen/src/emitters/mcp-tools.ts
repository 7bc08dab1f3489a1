/**
 * Emits the MCP server's tool table (packages/mcp's ToolTable, src/table.ts): one ToolDefinition per
 * operation, as data. Names are the operation's group and key in snake case (tasks_create_in_folder);
 * the description is the spec's `assistant.description` where it declares one, else the reference's;
 * schemas come from the arguments and the response model (shared/json-schema.ts); the annotations,
 * default set, paging, `fields`, split lists, uploads and downloads from the method. The runtime sends
 * each with the client's generated descriptor, so a tool checks and encodes exactly as the client does.
 */
import { VariableDeclarationKind } from "ts-morph";
import type { Argument, Ir, Method } from "../model.js";
import { docs, type ApiTarget, type Emitter } from "../emit.js";
import { names } from "../naming.js";
import { described, withoutValueList, modelSchemasFor, orNull, referencesIn, SchemaRef, schemaSource, typeSchema, type Schema, type SchemaOrRef } from "./shared/json-schema.js";

const snake = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();

/** The tool's name: the method's group and key, e.g. tasks_create_in_folder. */
export function toolName(m: Method): string {
  return `${snake(m.group)}_${snake(m.key)}`;
}

const sentence = (text: string) => text.trim().replace(/\.$/, "");

/** What an assistant chooses the tool by: the spec's assistant description, else the reference's words, and how to follow a job. */
function toolDescription(ir: Ir, m: Method): string {
  const own = m.assistant?.description ?? m.description ?? m.summary;
  const poll = m.asyncJob && ir.api.asyncJobs ? ir.methods.find((p) => p.id === ir.api.asyncJobs!.pollMethod) : undefined;
  return [`${sentence(own)}.`, poll && `Starts a job: follow it with ${toolName(poll)}.`, `(${m.id})`].filter(Boolean).join(" ");
}

function argumentDescription(m: Method, a: Argument): string | undefined {
  if (a.type.name === "binary") return `${sentence(a.description ?? "The file's bytes")}: base64 text (RFC 4648, standard alphabet).`;
  // The runtime pages with its own cursor (packages/mcp/src/cursor.ts), which the reference's words on the API's token do not describe.
  if (m.paging?.kind === "pageToken" && a.name === m.paging.tokenArg) return `The ${m.paging.nextTokenField} of the previous answer, for the next page; the other arguments unchanged.`;
  // The runtime takes the list as is; how the API wants it sent (JSON text) is not the assistant's concern.
  if (m.selects?.arg === a.name) return `Optional ${m.selects.model} fields to include in the answer.`;
  if (a.type.kind === "enum") return withoutValueList(a.description);
  return a.description ?? (a.in === "path" ? pathIdDescription(a.name) : undefined);
}

/** What a path id the reference leaves undescribed is, from its name: `folderId` is the id of the folder. */
function pathIdDescription(name: string): string | undefined {
  const thing = /^(.+)Id$/.exec(name)?.[1];
  return thing === undefined ? undefined : `Id of the ${thing.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase()}.`;
}

function argumentSchema(ir: Ir, m: Method, a: Argument): SchemaOrRef {
  const typed = typeSchema(ir, a.type, "input", a.values);
  // A list in the path is at least one item: an empty one leaves no path segment, and the client refuses it.
  const schema = a.in === "path" && a.type.list && !(typed instanceof SchemaRef) ? { ...typed, minItems: 1 } : typed;
  const description = argumentDescription(m, a);
  return described(a.nullable ? orNull(schema) : schema, description);
}

function inputSchema(ir: Ir, m: Method): Schema {
  const required = m.args.filter((a) => a.required).map((a) => a.name);
  return {
    type: "object",
    properties: Object.fromEntries(m.args.map((a) => [a.name, argumentSchema(ir, m, a)])),
    ...(required.length > 0 ? { required } : {}),
    additionalProperties: false,
  };
}

/** The tool's members, each as source text, in the order ToolDefinition declares them. */
function toolMembers(ir: Ir, m: Method): Array<[string, string]> {
  const dataField = ir.api.envelope?.dataField ?? "data";
  const deletes = m.http.method === "DELETE";
  const tokenPaging = m.paging?.kind === "pageToken" ? m.paging : undefined;
  const members: Array<[string, unknown]> = [
    ["name", toolName(m)],
    ["title", sentence(m.summary)],
    ["description", toolDescription(ir, m)],
    ["inputSchema", inputSchema(ir, m)],
    ["outputSchema", m.binary ? undefined : answerSchema(ir, m)],
    ["annotations", { readOnlyHint: m.kind === "read", destructiveHint: deletes, idempotentHint: m.kind === "read" || deletes, openWorldHint: true }],
    ["default", m.assistant?.default ?? false],
    ["writes", m.kind === "write"],
    ["deletes", deletes],
    ["paging", tokenPaging && { cursorArgument: tokenPaging.tokenArg, nextTokenField: tokenPaging.nextTokenField, itemsField: tokenPaging.itemsField, pageSizeArgument: tokenPaging.pageSizeArg }],
    ["fieldsArgument", m.selects?.arg],
    ["split", m.split && { arg: m.split.arg, maxItems: m.split.maxItems, itemsField: dataField }],
    ["base64Arguments", m.upload ? m.args.filter((a) => a.type.name === "binary").map((a) => a.name) : undefined],
    ["download", m.binary || undefined],
  ];
  const present = members.filter(([, value]) => value !== undefined).map(([key, value]): [string, string] => [key, schemaSource(value)]);
  // A download's answer is a file: the runtime's own schema describes what it returns about it.
  if (m.binary) present.splice(4, 0, ["outputSchema", "DOWNLOAD_OUTPUT_SCHEMA"]);
  return [...present, ["method", names.descriptor(m)]];
}

/**
 * The schema of the answer: its model's. Several answers told apart by kind: the one whose schema every
 * other answer also fits (output schemas are open: a folder tree entry is a folder with fewer fields),
 * else an object that is any of theirs.
 */
function answerSchema(ir: Ir, m: Method): SchemaOrRef {
  const variants = m.envelopeVariants;
  if (variants === undefined) return new SchemaRef(answerModel(m), "output");
  const covering = variants.find((wide) => variants.every((narrow) => fits(ir, narrow.item.name, wide.item.name)));
  return covering ? new SchemaRef(covering.model, "output") : { type: "object", anyOf: variants.map((v) => new SchemaRef(v.model, "output")) };
}

/** Whether every object of model `narrow` is one of model `wide`: each field of it typed alike in `wide`, and nothing `wide` requires missing. */
function fits(ir: Ir, narrow: string, wide: string): boolean {
  if (narrow === wide) return true;
  const fieldsOf = (name: string) => ir.models.find((model) => model.name === name)?.fields ?? [];
  const wideFields = fieldsOf(wide);
  const narrowFields = fieldsOf(narrow);
  const alike = narrowFields.every((f) => {
    const w = wideFields.find((g) => g.name === f.name);
    return w !== undefined && JSON.stringify(w.type) === JSON.stringify(f.type) && (w.nullable === true || f.nullable !== true);
  });
  return alike && wideFields.every((g) => !g.required || narrowFields.some((f) => f.name === g.name && f.required));
}

/** The model of the answer: the envelope's, or the one variant's (structured content is one object). */
function answerModel(m: Method): string {
  const [only, ...more] = m.variants;
  const model = m.envelope?.model ?? (only !== undefined && only.root === undefined && more.length === 0 ? only.model : undefined);
  if (model === undefined) throw new Error(`${m.id}: the mcp-tools emitter needs one answer document with no root key (or a binary answer)`);
  return model;
}

export const mcpToolsEmitter: Emitter = {
  name: "mcp-tools",
  output: "packages/mcp/src/{api}/generated/tools.ts",
  emit(ir: Ir, file, api: ApiTarget) {
    const tools = ir.methods.map((m) => ({ m, members: toolMembers(ir, m) }));
    const roots = ir.methods.flatMap((m) => referencesIn([inputSchema(ir, m), m.binary ? undefined : answerSchema(ir, m)]));
    file.addImportDeclaration({ moduleSpecifier: "../../table.js", isTypeOnly: true, namedImports: ["ObjectJsonSchema", "ToolDefinition", "ToolTable"] });
    if (ir.methods.some((m) => m.binary)) file.addImportDeclaration({ moduleSpecifier: "../../download.js", namedImports: ["DOWNLOAD_OUTPUT_SCHEMA"] });
    file.addImportDeclaration({ moduleSpecifier: api.entries.client, namedImports: [names.apiDescriptor(ir), ...ir.methods.map(names.descriptor)] });
    for (const { ref, schema } of modelSchemasFor(ir, roots))
      file.addVariableStatement({
        declarationKind: VariableDeclarationKind.Const,
        declarations: [{ name: ref.identifier, type: "ObjectJsonSchema", initializer: schemaSource(schema) }],
        ...docs(`${ref.model}, as ${ref.direction === "input" ? "an argument takes it" : "an answer carries it"}.`),
      });
    file.addVariableStatement({
      declarationKind: VariableDeclarationKind.Const,
      isExported: true,
      declarations: [
        {
          name: "tools",
          type: "readonly ToolDefinition[]",
          initializer: `[\n${tools.map(({ members }) => `{\n${members.map(([k, v]) => `${k}: ${v}`).join(",\n")}\n}`).join(",\n")}\n]`,
        },
      ],
      ...docs(`One tool per operation of ${ir.api.title}, in spec order.`),
    });
    file.addVariableStatement({
      declarationKind: VariableDeclarationKind.Const,
      isExported: true,
      declarations: [{ name: "toolTable", type: "ToolTable", initializer: `{ api: ${names.apiDescriptor(ir)}, tools }` }],
      ...docs(`The tool table of ${ir.api.title}: what \`wrikekit-mcp\` serves unless given another.`),
    });
  },
};
