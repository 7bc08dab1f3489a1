/** Calls one operation through the core transport and turns its answer into a tool result sized for a model. */
import { callSplit, callSplitInOrder, type MethodDescriptor, type WrikeTransport } from "@wrikekit/core";
import { shapePage, type ResultBudget, type ShapedResult } from "./budget.js";
import { decodeCursor, type PagePosition } from "./cursor.js";
import { decodeBase64Argument, downloadTool, type DownloadResult } from "./download.js";
import type { ToolDefinition } from "./table.js";
import { scrubValue, toolError, type ToolErrorResult } from "./tool-errors.js";

/** What a call needs besides its arguments; one per server instance (over HTTP, one per request). */
export interface CallContext {
  transport: WrikeTransport;
  budget: ResultBudget;
  /** The credentials in use, scrubbed from every error text. */
  secrets(): readonly string[];
}

export interface ToolSuccessResult {
  [key: string]: unknown;
  content: Array<{ type: "text"; text: string }>;
  structuredContent: Record<string, unknown>;
}

/** Moves the model's cursor into the operation's page-token argument; returns where the page starts. */
function pagePosition(tool: ToolDefinition, args: Record<string, unknown>): PagePosition {
  const argument = tool.paging?.cursorArgument;
  const cursor = argument === undefined ? undefined : args[argument];
  if (typeof cursor !== "string") return { token: undefined, skip: 0 };
  const position = decodeCursor(cursor);
  if (position.token === undefined) delete args[argument!];
  else args[argument!] = position.token;
  return position;
}

/** Every v4 answer is a JSON object (`{kind, data}`); anything else cannot be structured content. */
function asObject(tool: ToolDefinition, result: unknown): Record<string, unknown> {
  if (typeof result === "object" && result !== null && !Array.isArray(result)) return result as Record<string, unknown>;
  throw new TypeError(`the operation answered ${Array.isArray(result) ? "a list" : typeof result} where the tool table promises an object (a tool table bug in ${tool.name})`);
}

/** The arguments as the method takes them: the tool's own, with base64 text turned into bytes. */
function methodArguments(tool: ToolDefinition, input: Record<string, unknown> | undefined): Record<string, unknown> {
  const args = { ...input };
  for (const name of tool.base64Arguments ?? []) if (args[name] !== undefined) args[name] = decodeBase64Argument(name, args[name]);
  return args;
}

export async function invokeTool(tool: ToolDefinition, input: Record<string, unknown> | undefined, context: CallContext, signal?: AbortSignal): Promise<ToolSuccessResult | DownloadResult | ToolErrorResult> {
  try {
    const args = methodArguments(tool, input);
    if (tool.download) return await downloadTool(tool, args, context.transport, context.budget.maxDownloadBytes, signal);
    const position = pagePosition(tool, args);
    // The table holds every kind of descriptor; its encoder checks these arguments before anything is sent.
    const method = tool.method as MethodDescriptor<Record<string, unknown>, unknown>;
    // A split write goes chunk after chunk, as the client's does: a failure leaves the rest unsent and says how many ids were applied.
    const split = method.kind === "read" ? callSplit : callSplitInOrder;
    const answer = tool.split ? await split(context.transport, method, tool.split, args, { signal }) : await context.transport.call(method, args, { signal });
    const result = scrubValue(asObject(tool, answer), context.secrets());
    const shaped: ShapedResult = tool.paging ? shapePage(tool.name, result, tool.paging, position, context.budget) : { structured: result, note: undefined };
    const json = JSON.stringify(shaped.structured);
    return { content: [{ type: "text", text: shaped.note === undefined ? json : `${shaped.note}\n${json}` }], structuredContent: shaped.structured };
  } catch (error) {
    return toolError(tool.name, error, context.secrets());
  }
}
