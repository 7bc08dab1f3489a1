/** The server driven by the SDK's own client over an in-memory pair, against the fixture backend. */
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterEach, describe, expect, it } from "vitest";
import { connectInMemory, TOKEN } from "./helpers.js";

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function setup(options: Parameters<typeof connectInMemory>[0] = {}) {
  const connected = await connectInMemory(options);
  close = connected.close;
  return connected;
}

const names = async (client: Awaited<ReturnType<typeof setup>>["client"]) => (await client.listTools()).tools.map((t) => t.name).sort();
const textOf = (result: { content?: unknown }) => (result.content as Array<{ type: string; text: string }>).map((c) => c.text).join("\n");

describe("tool sets", () => {
  it("default mode lists the default set, without its delete tool", async () => {
    const { client } = await setup();
    expect(await names(client)).toEqual(["create_task", "get_task", "list_tasks"]);
  });

  it("--tools all adds the rest; deletes still need --allow-delete", async () => {
    expect(await names((await setup({ policy: { mode: "all" } })).client)).toEqual(["create_task", "get_task", "list_tasks", "update_task"]);
    await close?.();
    expect(await names((await setup({ policy: { mode: "all", allowDelete: true } })).client)).toEqual(["create_task", "delete_task", "get_task", "list_tasks", "update_task"]);
  });

  it("--read-only lists no tool that writes, and every tool listed says readOnlyHint", async () => {
    const { client } = await setup({ policy: { mode: "all", readOnly: true, allowDelete: true } });
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(["get_task", "list_tasks"]);
    for (const tool of tools) expect(tool.annotations?.readOnlyHint).toBe(true);
  });

  it("carries the table's annotations, title and schemas", async () => {
    const { client } = await setup({ policy: { mode: "all", allowDelete: true } });
    const { tools } = await client.listTools();
    const del = tools.find((t) => t.name === "delete_task")!;
    expect(del.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true });
    const list = tools.find((t) => t.name === "list_tasks")!;
    expect(list.inputSchema.properties?.status).toMatchObject({ enum: ["Active", "Completed", "Deferred", "Cancelled"] });
    expect(list.outputSchema?.required).toEqual(["kind", "data"]);
  });

  it("every tool's input and output schema is valid under the JSON Schema 2020-12 meta-schema", async () => {
    const ajv = new Ajv2020({ strict: false });
    for (const policy of [{ mode: "all" as const, allowDelete: true }, { mode: "dynamic" as const, allowDelete: true }]) {
      const { client } = await setup({ policy });
      const { tools } = await client.listTools();
      expect(tools.length).toBeGreaterThan(0);
      for (const tool of tools) {
        for (const schema of [tool.inputSchema, tool.outputSchema].filter(Boolean)) {
          expect(ajv.validateSchema(schema!), `${tool.name}: ${ajv.errorsText(ajv.errors)}`).toBe(true);
          expect((schema as { type: string }).type).toBe("object");
        }
      }
      await close?.();
      close = undefined;
    }
  });
});

describe("calls", () => {
  it("a create lands in the backend and comes back as structured content and text", async () => {
    const { client, backend } = await setup();
    const result = await client.callTool({ name: "create_task", arguments: { title: "Write the plan", status: "Deferred" } });
    expect(result.isError).toBeFalsy();
    expect(backend.tasks).toEqual([{ id: "TASK1", title: "Write the plan", status: "Deferred", description: "" }]);
    expect(result.structuredContent).toEqual({ kind: "tasks", data: [backend.tasks[0]] });
    expect(JSON.parse(textOf(result))).toEqual(result.structuredContent);
  });

  it("passes fields through to the operation", async () => {
    const { client, backend } = await setup({ taskCount: 2 });
    const result = await client.callTool({ name: "list_tasks", arguments: { fields: ["description"] } });
    expect(backend.requests.at(-1)?.params.fields).toBe('["description"]');
    expect((result.structuredContent as { data: Array<{ description?: string }> }).data[0]?.description).toBe("Description of task 1");
  });

  it("pages with an opaque cursor and says how to get the next page", async () => {
    const { client, backend } = await setup({ taskCount: 5 });
    const first = await client.callTool({ name: "list_tasks", arguments: { pageSize: 2 } });
    const cursor = (first.structuredContent as { nextPageToken: string }).nextPageToken;
    expect(cursor).toMatch(/^wk1\./);
    expect(textOf(first)).toContain(`call list_tasks again with the same arguments and nextPageToken: "${cursor}"`);
    const second = await client.callTool({ name: "list_tasks", arguments: { pageSize: 2, nextPageToken: cursor } });
    expect(backend.requests.at(-1)?.params.nextPageToken).toBe("page-2");
    expect((second.structuredContent as { data: Array<{ id: string }> }).data.map((t) => t.id)).toEqual(["TASK3", "TASK4"]);
  });

  it("cuts a long page at the item budget and resumes exactly where it cut", async () => {
    const { client } = await setup({ taskCount: 7, budget: { maxItems: 3 } });
    const seen: string[] = [];
    let cursor: string | undefined;
    const notes: string[] = [];
    do {
      const result = await client.callTool({ name: "list_tasks", arguments: cursor ? { nextPageToken: cursor } : {} });
      seen.push(...(result.structuredContent as { data: Array<{ id: string }> }).data.map((t) => t.id));
      cursor = (result.structuredContent as { nextPageToken?: string }).nextPageToken;
      if (cursor) notes.push(textOf(result).split("\n")[0]!);
    } while (cursor);
    expect(seen).toEqual(["TASK1", "TASK2", "TASK3", "TASK4", "TASK5", "TASK6", "TASK7"]);
    expect(notes[0]).toMatch(/^Cut to fit: showing items 1-3 of the 7 on this page\. To get the rest, call list_tasks again/);
  });

  it("cuts at the character budget, keeping at least one item", async () => {
    const { client } = await setup({ taskCount: 4, budget: { maxChars: 10 } });
    const result = await client.callTool({ name: "list_tasks", arguments: {} });
    expect((result.structuredContent as { data: unknown[] }).data).toHaveLength(1);
    expect(textOf(result)).toContain("showing items 1-1 of the 4");
  });
});

describe("errors", () => {
  it("an API error is a tool error with what to try", async () => {
    const { client } = await setup();
    const result = await client.callTool({ name: "get_task", arguments: { taskId: "NOPE" } });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toBe("get_task: Wrike refused the call with HTTP 404 resource_not_found: Task 'NOPE' not found. No item has this id: find the right id with a list or search tool first.");
  });

  it("never carries the token, even when the server echoes it", async () => {
    const wrong = "wrong-token-abcdefghijkl";
    const { client } = await setup({ token: wrong });
    const result = await client.callTool({ name: "list_tasks", arguments: {} });
    expect(result.isError).toBe(true);
    expect(textOf(result)).not.toContain(wrong);
    expect(textOf(result)).toContain("[redacted]");
    expect(textOf(result)).toContain("WRIKE_TOKEN");
    expect(JSON.stringify(result)).not.toContain(TOKEN);
  });

  it("arguments that break the input schema are refused before anything is sent", async () => {
    const { client, backend } = await setup();
    const result = await client.callTool({ name: "create_task", arguments: { title: "x", status: "Done" } });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/status/);
    expect(backend.requests).toHaveLength(0);
  });

  it("a damaged cursor is refused with what to do", async () => {
    const { client, backend } = await setup({ taskCount: 2 });
    const result = await client.callTool({ name: "list_tasks", arguments: { nextPageToken: "wk1.bm9wZQ" } });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain("the cursor is damaged");
    expect(backend.requests).toHaveLength(0);
  });
});

describe("dynamic mode", () => {
  it("exposes three tools and lists operations with a filter", async () => {
    const { client } = await setup({ policy: { mode: "dynamic" } });
    expect(await names(client)).toEqual(["describe_operation", "invoke_operation", "list_operations"]);
    const all = await client.callTool({ name: "list_operations", arguments: {} });
    expect((all.structuredContent as { operations: Array<{ name: string }> }).operations.map((o) => o.name)).toEqual(["list_tasks", "get_task", "create_task", "update_task"]);
    const filtered = await client.callTool({ name: "list_operations", arguments: { filter: "task CHANGES" } });
    expect((filtered.structuredContent as { operations: Array<{ name: string }> }).operations.map((o) => o.name)).toEqual(["update_task"]);
  });

  it("describes one operation and invokes it by name", async () => {
    const { client, backend } = await setup({ policy: { mode: "dynamic" }, taskCount: 1 });
    const described = await client.callTool({ name: "describe_operation", arguments: { name: "update_task" } });
    expect((described.structuredContent as { inputSchema: { required: string[] } }).inputSchema.required).toEqual(["taskId"]);
    const invoked = await client.callTool({ name: "invoke_operation", arguments: { name: "update_task", arguments: { taskId: "TASK1", status: "Completed" } } });
    expect(invoked.isError).toBeFalsy();
    expect(backend.tasks[0]?.status).toBe("Completed");
  });

  it("checks invoked arguments against the operation's schema", async () => {
    const { client, backend } = await setup({ policy: { mode: "dynamic" } });
    const result = await client.callTool({ name: "invoke_operation", arguments: { name: "create_task", arguments: { status: "Active" } } });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain("do not match create_task's input schema");
    expect(backend.requests).toHaveLength(0);
  });

  it("--read-only: invoke refuses writes and the list shows none", async () => {
    const { client, backend } = await setup({ policy: { mode: "dynamic", readOnly: true }, taskCount: 1 });
    const listed = await client.callTool({ name: "list_operations", arguments: {} });
    expect((listed.structuredContent as { operations: Array<{ readOnly: boolean }> }).operations.every((o) => o.readOnly)).toBe(true);
    const result = await client.callTool({ name: "invoke_operation", arguments: { name: "create_task", arguments: { title: "x" } } });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toBe("invoke_operation: create_task changes data and this server runs with --read-only, so it cannot be used.");
    expect(backend.requests).toHaveLength(0);
  });

  it("a delete needs --allow-delete", async () => {
    const refused = await setup({ policy: { mode: "dynamic" }, taskCount: 1 });
    const result = await refused.client.callTool({ name: "invoke_operation", arguments: { name: "delete_task", arguments: { taskId: "TASK1" } } });
    expect(textOf(result)).toContain("deletes data and this server runs without --allow-delete");
    expect(refused.backend.tasks).toHaveLength(1);
    await close?.();
    const allowed = await setup({ policy: { mode: "dynamic", allowDelete: true }, taskCount: 1 });
    const done = await allowed.client.callTool({ name: "invoke_operation", arguments: { name: "delete_task", arguments: { taskId: "TASK1" } } });
    expect(done.isError).toBeFalsy();
    expect(allowed.backend.tasks).toHaveLength(0);
  });
});
