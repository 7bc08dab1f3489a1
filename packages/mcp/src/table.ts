/**
 * The contract between the tool emitter (tools/codegen) and this runtime: one ToolDefinition per API
 * operation, emitted from the spec as plain data plus the operation's core MethodDescriptor. The runtime
 * reads only these fields; it knows no operation by name.
 */
import type { ApiDescriptor, MethodDescriptor, SplitList } from "@wrikekit/core";

/** A JSON Schema (draft 2020-12) object schema, as MCP's `inputSchema` and `outputSchema` require. */
export interface ObjectJsonSchema {
  readonly type: "object";
  readonly properties?: Readonly<Record<string, unknown>>;
  readonly required?: readonly string[];
  readonly [keyword: string]: unknown;
}

/** MCP tool annotations: hints for the client, derived from the method (read, write, delete). */
export interface ToolAnnotations {
  readonly readOnlyHint: boolean;
  readonly destructiveHint: boolean;
  readonly idempotentHint: boolean;
  readonly openWorldHint: boolean;
}

/**
 * How a list operation pages. The runtime gives the model its own opaque cursor in the result's
 * `nextTokenField` and takes it back through `cursorArgument`; both name fields of the operation itself.
 */
export interface ToolPaging {
  /** The argument that carries the page token, e.g. `nextPageToken` (`pageToken` for groups). */
  readonly cursorArgument: string;
  /** The result field that carries the next page's token, e.g. `nextPageToken`. */
  readonly nextTokenField: string;
  /** The result field holding the page's items, e.g. `data`. */
  readonly itemsField: string;
  /** The argument that sets the page size, when the operation has one (`pageSize`). */
  readonly pageSizeArgument?: string;
}

export interface ToolDefinition {
  /** The MCP tool name: unique, `[A-Za-z0-9_.-]`, at most 64 characters (some clients cut longer names). */
  readonly name: string;
  /** A short human title. */
  readonly title: string;
  /** What it does, written so that an assistant can choose between tools. */
  readonly description: string;
  /** The operation's arguments, with their enums and descriptions. */
  readonly inputSchema: ObjectJsonSchema;
  /** The decoded response; `structuredContent` matches it. */
  readonly outputSchema: ObjectJsonSchema;
  readonly annotations: ToolAnnotations;
  /** In the default tool set (declared in the spec). */
  readonly default: boolean;
  /** Changes something on the server: hidden by `--read-only`. */
  readonly writes: boolean;
  /** Deletes something (implies `writes`): shown only with `--allow-delete`. */
  readonly deletes: boolean;
  /** Present for operations that return a page of a longer list. */
  readonly paging?: ToolPaging;
  /** The argument that chooses optional response fields (passed through unchanged), when there is one. */
  readonly fieldsArgument?: string;
  /** An id list longer than one request takes is split into several calls, answers merged (core's `callSplit`). */
  readonly split?: SplitList;
  /** Arguments the tool takes as base64 text where the method takes bytes (uploads): decoded before the call. */
  readonly base64Arguments?: readonly string[];
  /** The operation answers a file, not JSON: the result embeds it as a resource (see download.ts). */
  readonly download?: boolean;
  /**
   * How to call it: the core descriptor the client's transport sends with `transport.call(method, args)`.
   * Typed for any descriptor (`never` arguments): its encoder checks the arguments at run time.
   */
  readonly method: MethodDescriptor<never, unknown>;
}

/** What the emitter generates for one API: its descriptor and every tool. */
export interface ToolTable {
  readonly api: ApiDescriptor;
  readonly tools: readonly ToolDefinition[];
}

/** Checks the invariants the runtime relies on, so that a broken table fails at start-up and names the tool. */
export function checkToolTable(table: ToolTable): void {
  const seen = new Set<string>();
  for (const tool of table.tools) {
    const where = `tool table: ${JSON.stringify(tool.name)}`;
    if (!/^[A-Za-z0-9_.-]{1,64}$/.test(tool.name)) throw new TypeError(`${where}: the name must be 1-64 characters of [A-Za-z0-9_.-]`);
    if (seen.has(tool.name)) throw new TypeError(`${where}: the name is used twice`);
    seen.add(tool.name);
    if (tool.deletes && !tool.writes) throw new TypeError(`${where}: deletes but does not declare writes`);
    if (tool.writes === tool.annotations.readOnlyHint) throw new TypeError(`${where}: readOnlyHint must be the opposite of writes`);
    if (tool.inputSchema.type !== "object" || tool.outputSchema.type !== "object") throw new TypeError(`${where}: inputSchema and outputSchema must be object schemas`);
    if (tool.download && tool.writes) throw new TypeError(`${where}: a download must be a read`);
    for (const argument of [tool.paging?.cursorArgument, tool.paging?.pageSizeArgument, tool.fieldsArgument, tool.split?.arg, ...(tool.base64Arguments ?? [])]) {
      if (argument !== undefined && !(argument in (tool.inputSchema.properties ?? {}))) throw new TypeError(`${where}: inputSchema has no argument ${JSON.stringify(argument)}`);
    }
  }
}
