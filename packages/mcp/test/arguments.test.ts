/** Arguments an assistant gets wrong: each comes back as a tool error naming the argument and what to do. */
import { afterEach, describe, expect, it } from "vitest";
import { connectV4InMemory } from "./helpers.js";

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function setup(options: Parameters<typeof connectV4InMemory>[0] = {}) {
  const connected = await connectV4InMemory(options);
  close = connected.close;
  return connected.client;
}

const textOf = (result: { content?: unknown }) => (result.content as Array<{ text?: string }>).map((c) => c.text ?? "").join("\n");

async function folderId(client: Awaited<ReturnType<typeof setup>>): Promise<string> {
  const folders = (await client.callTool({ name: "folders_list", arguments: {} })).structuredContent as { data: Array<{ id: string; scope: string }> };
  return folders.data.find((f) => f.scope === "WsFolder")!.id;
}

describe("invalid arguments", () => {
  it("a missing required argument is named, with what to do", async () => {
    const client = await setup();
    const result = await client.callTool({ name: "tasks_get", arguments: {} });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toBe("tasks_get: invalid arguments, nothing was sent.\n- argument taskIds: is required; add it\nCorrect these arguments and call again (the tool's inputSchema lists every argument).");
  });

  it("an unknown argument is named, and the known ones listed", async () => {
    const client = await setup();
    const result = await client.callTool({ name: "spaces_get", arguments: { spaceId: "X", colour: "red" } });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/- argument colour: is not an argument here; leave it out \(the arguments here are spaceId/);
  });

  it("a wrong type, format or enum names the nested argument and the value given", async () => {
    const client = await setup();
    const id = await folderId(client);
    const result = await client.callTool({ name: "tasks_create_in_folder", arguments: { folderId: id, title: "t", importance: "Urgent", dates: { start: 5 } } });
    expect(result.isError).toBe(true);
    const text = textOf(result);
    expect(text).toContain('- argument importance: must be one of "High", "Low", "Normal", got "Urgent"');
    expect(text).toContain("- argument dates.start: must be a string, got 5");
    const timelog = await client.callTool({ name: "timelogs_create_in_task", arguments: { taskId: "T", hours: 1, comment: "c", trackedDate: "next friday" } });
    expect(textOf(timelog)).toContain('- argument trackedDate: must be a day as yyyy-MM-dd, e.g. 2025-03-07, got "next friday"');
  });

  it("null for an optional argument is taken as left out; null for a required one is reported missing", async () => {
    const client = await setup();
    const id = await folderId(client);
    const created = await client.callTool({ name: "tasks_create_in_folder", arguments: { folderId: id, title: "Null-tolerant", description: null, importance: null } });
    expect(created.isError, textOf(created)).toBeFalsy();
    const listed = await client.callTool({ name: "tasks_list", arguments: { title: null, limit: null } });
    expect(listed.isError, textOf(listed)).toBeFalsy();
    const missing = await client.callTool({ name: "tasks_create_in_folder", arguments: { folderId: id, title: null } });
    expect(textOf(missing)).toContain("- argument title: is required; add it");
  });

  it("long ids and unicode reach Wrike as given and come back as a tool error, not a crash", async () => {
    const client = await setup();
    const long = await client.callTool({ name: "tasks_get", arguments: { taskIds: ["I".repeat(256)] } });
    expect(long.isError).toBe(true);
    expect(textOf(long)).toContain("resource_not_found");
    const odd = await client.callTool({ name: "folders_get", arguments: { folderIds: ["ü/../x?y#z 🚀"] } });
    expect(odd.isError).toBe(true);
    expect(textOf(odd)).toContain("resource_not_found");
  });
});

describe("dynamic mode", () => {
  it("invoke_operation names the operation's wrong argument; its own arguments are checked the same way", async () => {
    const client = await setup({ policy: { mode: "dynamic" } });
    const invoked = await client.callTool({ name: "invoke_operation", arguments: { name: "tasks_get", arguments: { taskIds: "one" } } });
    expect(textOf(invoked)).toBe("invoke_operation: the arguments do not match tasks_get's input schema, nothing was sent.\n- argument taskIds: must be a list, got \"one\"\nCorrect these arguments and call again (describe_operation gives the schema).");
    const own = await client.callTool({ name: "describe_operation", arguments: { operation: "tasks_get" } });
    expect(own.isError).toBe(true);
    expect(textOf(own)).toContain("- argument name: is required; add it");
    expect(textOf(own)).toContain("- argument operation: is not an argument here; leave it out (the arguments here are name)");
  });
});

describe("uploads", () => {
  it("a file of several MiB is decoded and stored whole; text that is not base64 is refused, naming the argument", async () => {
    const client = await setup();
    const tasks = (await client.callTool({ name: "tasks_list", arguments: { limit: 1 } })).structuredContent as { data: Array<{ id: string }> };
    const taskId = tasks.data[0]!.id;
    const bytes = Buffer.alloc(5 * 1024 * 1024, 0xa5);
    const uploaded = await client.callTool({ name: "attachments_create_in_task", arguments: { taskId, fileName: "big.bin", file: bytes.toString("base64") } });
    expect(uploaded.isError, textOf(uploaded)).toBeFalsy();
    expect((uploaded.structuredContent as { data: Array<{ size: number }> }).data[0]!.size).toBe(bytes.byteLength);
    for (const file of ["abc", "ab=c", "abcd===", "ab cd!"]) {
      const refused = await client.callTool({ name: "attachments_create_in_task", arguments: { taskId, fileName: "x.bin", file } });
      expect(textOf(refused), file).toContain("argument file must be the file's bytes as base64 text");
    }
  });
});
