/**
 * Builds an McpServer from a tool table: one tool per permitted operation, or in dynamic mode three tools
 * that list, describe and invoke operations. Schemas are compiled once per table (`prepareTools`) and
 * shared by every server instance, because over HTTP a fresh instance serves each request.
 */
import { fromJsonSchema, McpServer, type StandardSchemaWithJSON } from "@modelcontextprotocol/server";
import { argumentChecker, argumentProblemsText, type ArgumentCheck } from "./arguments.js";
import { shapePage } from "./budget.js";
import { decodeCursor } from "./cursor.js";
import { invokeTool, type CallContext } from "./invoke.js";
import { permittedOperations, refusal, type ToolPolicy } from "./selection.js";
import { checkToolTable, type ObjectJsonSchema, type ToolDefinition, type ToolTable } from "./table.js";
import { refused, toolError, type ToolErrorResult } from "./tool-errors.js";
import { SERVER_NAME, SERVER_VERSION } from "./version.js";

type Schema = StandardSchemaWithJSON<Record<string, unknown>, Record<string, unknown>>;

interface PreparedTool {
  definition: ToolDefinition;
  /** The input schema as the SDK lists it; it lets every call through to `check`. */
  input: Schema;
  output: Schema;
  /** Checks a call's arguments (nulls for optional arguments dropped) and names each argument that is wrong. */
  check(args: unknown): ArgumentCheck;
}

/** A checked tool table with its schemas compiled. */
export interface PreparedTools {
  readonly table: ToolTable;
  readonly byName: ReadonlyMap<string, PreparedTool>;
}

/**
 * A JSON Schema as the SDK takes it, compiled on its first validation: listing tools needs only the schema
 * itself, and compiling all of a table's (412 for v4) would take seconds at every start.
 */
function compile(schema: ObjectJsonSchema): Schema {
  let compiled: Schema | undefined;
  const validator = () => (compiled ??= fromJsonSchema<Record<string, unknown>>(schema as Parameters<typeof fromJsonSchema>[0]));
  return {
    "~standard": {
      version: 1,
      vendor: "wrikekit",
      jsonSchema: { input: () => schema, output: () => schema },
      validate: (value) => validator()["~standard"].validate(value),
    },
  };
}

/** A schema the SDK lists but does not check: the runtime checks arguments itself, naming each argument. */
function listedOnly(schema: ObjectJsonSchema): Schema {
  return { "~standard": { version: 1, vendor: "wrikekit", jsonSchema: { input: () => schema, output: () => schema }, validate: (value) => ({ value: value as Record<string, unknown> }) } };
}

/** A tool's arguments, checked: the arguments to call with, or the refusal to return. */
function checked(check: PreparedTool["check"], args: unknown, what: string, schemaHint?: string): { args: Record<string, unknown>; error?: undefined } | { error: ToolErrorResult } {
  const result = check(args);
  return result.ok ? { args: result.args } : { error: refused(argumentProblemsText(what, result.problems, schemaHint)) };
}

export function prepareTools(table: ToolTable): PreparedTools {
  checkToolTable(table);
  const byName = new Map<string, PreparedTool>();
  for (const definition of table.tools) byName.set(definition.name, { definition, input: listedOnly(definition.inputSchema), output: compile(definition.outputSchema), check: argumentChecker(definition.inputSchema) });
  return { table, byName };
}

export interface WrikeMcpServerOptions {
  tools: PreparedTools;
  policy: ToolPolicy;
  context: CallContext;
  /** Told to the client at initialisation (e.g. that the server is serving the offline emulator). */
  instructions?: string;
}

export function createWrikeMcpServer(options: WrikeMcpServerOptions): McpServer {
  const server = new McpServer({ name: SERVER_NAME, version: SERVER_VERSION }, { capabilities: { tools: {} }, ...(options.instructions === undefined ? {} : { instructions: options.instructions }) });
  if (options.policy.mode === "dynamic") registerDynamicTools(server, options);
  else for (const definition of permittedOperations(options.tools.table.tools, options.policy)) registerOperation(server, options.tools.byName.get(definition.name)!, options.context);
  return server;
}

function registerOperation(server: McpServer, tool: PreparedTool, context: CallContext): void {
  const { definition } = tool;
  server.registerTool(
    definition.name,
    { title: definition.title, description: definition.description, inputSchema: tool.input, outputSchema: tool.output, annotations: { title: definition.title, ...definition.annotations } },
    (args, ctx) => {
      const call = checked(tool.check, args, `${definition.name}: invalid arguments`);
      return call.error ?? invokeTool(definition, call.args, context, ctx.mcpReq.signal);
    },
  );
}

// The three tools of dynamic mode. Their schemas are the runtime's own, not the table's.
const LIST_OPERATIONS = "list_operations";
const DESCRIBE_OPERATION = "describe_operation";
const INVOKE_OPERATION = "invoke_operation";

/** A dynamic-mode tool's input: listed to the SDK, checked by the runtime like an operation's. */
function ownInput(schema: ObjectJsonSchema): { schema: Schema; check: PreparedTool["check"] } {
  return { schema: listedOnly(schema), check: argumentChecker(schema) };
}

const listInput = ownInput({
  type: "object",
  properties: {
    filter: { type: "string", description: "Words that must all appear in the operation's name, title or description (case-insensitive), e.g. \"task create\". Leave out to list everything." },
    cursor: { type: "string", description: "The nextCursor of a previous list_operations result, to get the next part of the list." },
  },
  additionalProperties: false,
});
const operationSummary = {
  type: "object",
  properties: { name: { type: "string" }, title: { type: "string" }, description: { type: "string" }, readOnly: { type: "boolean" }, deletes: { type: "boolean" } },
  required: ["name", "title", "description", "readOnly", "deletes"],
};
const listOutput = compile({
  type: "object",
  properties: { operations: { type: "array", items: operationSummary }, nextCursor: { type: "string", description: "Pass as cursor to get the rest." } },
  required: ["operations"],
});
const describeInput = ownInput({
  type: "object",
  properties: { name: { type: "string", description: "The operation's name, as list_operations gives it." } },
  required: ["name"],
  additionalProperties: false,
});
const describeOutput = compile({
  type: "object",
  properties: {
    name: { type: "string" },
    title: { type: "string" },
    description: { type: "string" },
    inputSchema: { type: "object", description: "JSON Schema of the arguments to pass to invoke_operation." },
    outputSchema: { type: "object", description: "JSON Schema of what invoke_operation returns for it." },
    annotations: { type: "object" },
  },
  required: ["name", "title", "description", "inputSchema", "outputSchema", "annotations"],
});
const invokeInput = ownInput({
  type: "object",
  properties: {
    name: { type: "string", description: "The operation's name, as list_operations gives it." },
    arguments: { type: "object", description: "The operation's arguments, matching the inputSchema that describe_operation gives.", additionalProperties: true },
  },
  required: ["name"],
  additionalProperties: false,
});

/** A dynamic-mode handler behind its own argument check. */
function ownChecked<Ctx, Result>(toolName: string, input: ReturnType<typeof ownInput>, handler: (args: Record<string, unknown>, ctx: Ctx) => Result): (args: Record<string, unknown>, ctx: Ctx) => Result | ToolErrorResult {
  return (args, ctx) => {
    const call = checked(input.check, args, `${toolName}: invalid arguments`);
    return call.error ?? handler(call.args, ctx);
  };
}

function matches(tool: ToolDefinition, words: readonly string[]): boolean {
  const text = `${tool.name} ${tool.title} ${tool.description}`.toLowerCase();
  return words.every((word) => text.includes(word));
}

function registerDynamicTools(server: McpServer, options: WrikeMcpServerOptions): void {
  const { policy, context, tools } = options;
  const permitted = permittedOperations(tools.table.tools, policy);
  const hint = `Call ${LIST_OPERATIONS} to see the operation names.`;
  /** The operation `name` if it may be used here, or the refusal to return. */
  const lookup = (toolName: string, name: string) => {
    const tool = tools.byName.get(name);
    if (tool === undefined) return { error: refused(`${toolName}: there is no operation named ${JSON.stringify(name)}. ${hint}`) };
    const reason = refusal(tool.definition, policy);
    return reason === undefined ? { tool } : { error: refused(`${toolName}: ${reason}, so it cannot be used.`) };
  };

  server.registerTool(
    LIST_OPERATIONS,
    {
      title: "List Wrike operations",
      description: `Lists the Wrike API operations this server can run, optionally filtered by words. Then ${DESCRIBE_OPERATION} shows one operation's arguments and ${INVOKE_OPERATION} runs it.`,
      inputSchema: listInput.schema,
      outputSchema: listOutput,
      annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    },
    ownChecked(LIST_OPERATIONS, listInput, (args) => {
      try {
        const words = String(args.filter ?? "").toLowerCase().split(/\s+/).filter(Boolean);
        const operations = permitted
          .filter((tool) => matches(tool, words))
          .map((tool) => ({ name: tool.name, title: tool.title, description: tool.description, readOnly: !tool.writes, deletes: tool.deletes }));
        const position = typeof args.cursor === "string" ? decodeCursor(args.cursor) : { token: undefined, skip: 0 };
        const shaped = shapePage(LIST_OPERATIONS, { operations }, { cursorArgument: "cursor", nextTokenField: "nextCursor", itemsField: "operations" }, position, context.budget);
        const summary = `${operations.length} operation(s)${words.length > 0 ? ` match ${JSON.stringify(words.join(" "))}` : ""}.`;
        return { content: [{ type: "text", text: [summary, shaped.note, JSON.stringify(shaped.structured)].filter(Boolean).join("\n") }], structuredContent: shaped.structured };
      } catch (error) {
        return toolError(LIST_OPERATIONS, error, []);
      }
    }),
  );

  server.registerTool(
    DESCRIBE_OPERATION,
    {
      title: "Describe a Wrike operation",
      description: `Shows one operation's description, the JSON Schema of its arguments and of its result, and its hints (read-only, destructive). ${hint}`,
      inputSchema: describeInput.schema,
      outputSchema: describeOutput,
      annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    },
    ownChecked(DESCRIBE_OPERATION, describeInput, (args) => {
      const found = lookup(DESCRIBE_OPERATION, String(args.name));
      if (found.error) return found.error;
      const { name, title, description, inputSchema, outputSchema, annotations } = found.tool.definition;
      const structured = { name, title, description, inputSchema, outputSchema, annotations };
      return { content: [{ type: "text", text: JSON.stringify(structured) }], structuredContent: structured };
    }),
  );

  server.registerTool(
    INVOKE_OPERATION,
    {
      title: "Run a Wrike operation",
      description: `Runs one operation by name with its arguments (see ${DESCRIBE_OPERATION} for them).${policy.readOnly ? " This server is read-only: operations that change data are refused." : ""}${policy.allowDelete ? "" : " Delete operations are refused."}`,
      inputSchema: invokeInput.schema,
      annotations: { readOnlyHint: policy.readOnly, destructiveHint: !policy.readOnly && policy.allowDelete, idempotentHint: false, openWorldHint: true },
    },
    ownChecked(INVOKE_OPERATION, invokeInput, async (args, ctx) => {
      const found = lookup(INVOKE_OPERATION, String(args.name));
      if (found.error) return found.error;
      const call = checked(found.tool.check, args.arguments, `${INVOKE_OPERATION}: the arguments do not match ${found.tool.definition.name}'s input schema`, `${DESCRIBE_OPERATION} gives the schema`);
      if (call.error) return call.error;
      return invokeTool(found.tool.definition, call.args, context, ctx.mcpReq.signal);
    }),
  );
}
