/** The generated v4 tool table, driven by the SDK's own client over an in-memory pair, against the embedded emulator. */
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterEach, describe, expect, it } from "vitest";
import { toolTable } from "../src/index.js";
import { connectV4InMemory, type ConnectOptions } from "./helpers.js";
import { listedNames, runDefaultToolScenario } from "./v4-scenario.js";

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});
async function setup(options: ConnectOptions = {}) {
  await close?.();
  const connected = await connectV4InMemory(options);
  close = connected.close;
  return connected;
}

const textOf = (result: { content?: unknown }) => (result.content as Array<{ type: string; text?: string }>).map((c) => c.text ?? "").join("\n");
const defaults = toolTable.tools.filter((t) => t.default).map((t) => t.name).sort();

describe("the generated v4 tool list", () => {
  it("has one tool per operation of spec/v4, and the spec's default set by default", async () => {
    expect(toolTable.tools).toHaveLength(206);
    expect(defaults.length).toBeGreaterThanOrEqual(30);
    expect(await listedNames((await setup()).client)).toEqual(defaults);
    expect(await listedNames((await setup({ policy: { mode: "all", allowDelete: true } })).client)).toHaveLength(206);
  });

  it("every listed input and output schema is valid JSON Schema 2020-12 and compiles (all 206, and the default set)", async () => {
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    for (const policy of [{ mode: "all" as const, allowDelete: true }, {}]) {
      const { tools } = await (await setup({ policy })).client.listTools();
      for (const tool of tools)
        for (const schema of [tool.inputSchema, tool.outputSchema]) {
          expect(schema?.type, tool.name).toBe("object");
          expect(ajv.validateSchema(schema!), `${tool.name}: ${ajv.errorsText(ajv.errors)}`).toBe(true);
          expect(() => ajv.compile(schema!), tool.name).not.toThrow();
        }
    }
  });

  it("a folder list's one output schema fits both of its answers, the tree and (filtered) full folders", async () => {
    const { client } = await setup();
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    const tool = (await client.listTools()).tools.find((t) => t.name === "folders_list")!;
    const validate = ajv.compile(tool.outputSchema!);
    for (const [args, kind] of [[{}, "folderTree"], [{ project: true }, "folders"]] as const) {
      // The SDK client checks structured content against the output schema itself; ajv says so again here.
      const result = await client.callTool({ name: "folders_list", arguments: args });
      expect(result.isError, textOf(result)).toBeFalsy();
      expect(result.structuredContent).toMatchObject({ kind });
      expect(validate(result.structuredContent), ajv.errorsText(validate.errors)).toBe(true);
    }
  });

  it("carries names, descriptions, annotations and enums from the spec", async () => {
    const { tools } = await (await setup({ policy: { mode: "all", allowDelete: true } })).client.listTools();
    const byName = new Map(tools.map((t) => [t.name, t]));
    const create = byName.get("tasks_create_in_folder")!;
    expect(create.description).toBe("Create a task in a folder or project (use the space's root folder id for a space). (POST /folders/{folderId}/tasks)");
    expect(create.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true });
    expect(create.inputSchema.required).toEqual(["folderId", "title"]);
    expect(create.inputSchema.properties?.importance).toMatchObject({ enum: ["High", "Low", "Normal"] });
    expect(byName.get("tasks_delete")!.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: true, idempotentHint: true });
    expect(byName.get("tasks_list")!.annotations).toMatchObject({ readOnlyHint: true, destructiveHint: false, idempotentHint: true });
    expect(byName.get("folders_copy_async")!.description).toContain("Starts a job: follow it with async_jobs_get.");
    expect(byName.get("attachments_create_in_task")!.inputSchema.properties?.file).toMatchObject({ type: "string", contentEncoding: "base64" });
  });

  it("--read-only lists no tool that writes; deletes appear only with --allow-delete", async () => {
    const readOnly = (await (await setup({ policy: { mode: "all", readOnly: true } })).client.listTools()).tools;
    expect(readOnly.length).toBe(toolTable.tools.filter((t) => !t.writes).length);
    for (const tool of readOnly) expect(tool.annotations?.readOnlyHint, tool.name).toBe(true);
    const noDelete = await listedNames((await setup({ policy: { mode: "all" } })).client);
    expect(noDelete.filter((name) => name.endsWith("_delete"))).toEqual([]);
    expect(noDelete).toHaveLength(206 - toolTable.tools.filter((t) => t.deletes).length);
  });
});

describe("every default tool against the emulator", () => {
  it("runs, and its effect is in the emulator", async () => {
    const { client, offline } = await setup();
    const result = await runDefaultToolScenario(client);
    expect([...result.called].sort()).toEqual(defaults);
    const { v4 } = await offline.emulator();
    expect(v4.folders.get(result.folderId)?.title).toBe("Launch plan v2");
    expect(v4.tasks.get(result.taskId)).toMatchObject({ title: "Write the press release", status: "Completed" });
    expect(v4.comments.get(result.commentId)?.text).toContain("ready for review");
    expect(v4.timelogs.get(result.timelogId)?.hours).toBe(2);
    expect(v4.attachments.get(result.attachmentId)?.name).toBe("logo.png");
  }, 60_000);

  it("a delete needs --allow-delete, and then lands", async () => {
    const refused = await setup({ policy: { mode: "all" } });
    const task = (await refused.client.callTool({ name: "tasks_create_in_folder", arguments: { folderId: (await refused.offline.emulator()).v4.rootFolderId, title: "Doomed" } })).structuredContent as { data: Array<{ id: string }> };
    const taskId = task.data[0]!.id;
    await expect(refused.client.callTool({ name: "tasks_delete", arguments: { taskId } })).rejects.toThrow("Tool tasks_delete not found");
    expect((await refused.offline.emulator()).v4.tasks.get(taskId)).toBeDefined();

    const allowed = await setup({ policy: { mode: "all", allowDelete: true } });
    const { v4 } = await allowed.offline.emulator();
    const victim = [...v4.tasks.values()][0]!;
    const deleted = await allowed.client.callTool({ name: "tasks_delete", arguments: { taskId: victim.id } });
    expect(deleted.isError, textOf(deleted)).toBeFalsy();
    const listed = await allowed.client.callTool({ name: "tasks_get", arguments: { taskIds: [victim.id] } });
    expect((listed.structuredContent as { data: Array<{ scope: string }> }).data[0]?.scope).toBe("RbTask");
  });

  it("pages the emulator's lists with the runtime's cursor", async () => {
    const { client } = await setup();
    const tasks = await client.callTool({ name: "tasks_list", arguments: { pageSize: 2 } });
    const next = (tasks.structuredContent as { nextPageToken?: string }).nextPageToken;
    expect(next).toMatch(/^wk1\./);
    expect(textOf(tasks)).toContain("call tasks_list again with the same arguments and nextPageToken");
    const second = await client.callTool({ name: "tasks_list", arguments: { pageSize: 2, nextPageToken: next } });
    expect(second.isError, textOf(second)).toBeFalsy();
    const firstIds = (tasks.structuredContent as { data: Array<{ id: string }> }).data.map((t) => t.id);
    const secondIds = (second.structuredContent as { data: Array<{ id: string }> }).data.map((t) => t.id);
    expect(secondIds.length).toBeGreaterThan(0);
    expect(secondIds.filter((id) => firstIds.includes(id))).toEqual([]);
  });
});

describe("attachments in the protocol", () => {
  it("a file over the download cap is left out with a note, not cut", async () => {
    const { client, offline } = await setup({ budget: { maxDownloadBytes: 4 } });
    const taskId = [...(await offline.emulator()).v4.tasks.values()][0]!.id;
    const uploaded = await client.callTool({ name: "attachments_create_in_task", arguments: { taskId, fileName: "notes.txt", file: Buffer.from("twelve bytes").toString("base64") } });
    const attachmentId = (uploaded.structuredContent as { data: Array<{ id: string }> }).data[0]!.id;
    const result = await client.callTool({ name: "attachments_download", arguments: { attachmentId } });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ embedded: false, size: 12 });
    expect((result.content as Array<{ type: string }>).map((c) => c.type)).toEqual(["text"]);
    expect(textOf(result)).toContain("over this server's download cap of 4 bytes");
    expect(textOf(result)).toContain("--max-download-bytes");
  });

  it("a text file comes back as an embedded text resource", async () => {
    const { client, offline } = await setup();
    const taskId = [...(await offline.emulator()).v4.tasks.values()][0]!.id;
    const uploaded = await client.callTool({ name: "attachments_create_in_task", arguments: { taskId, fileName: "notes.txt", file: Buffer.from("Grüße\n").toString("base64") } });
    const attachmentId = (uploaded.structuredContent as { data: Array<{ id: string }> }).data[0]!.id;
    const result = await client.callTool({ name: "attachments_download", arguments: { attachmentId } });
    const resource = (result.content as Array<{ type: string; resource?: { text?: string; mimeType: string } }>).find((c) => c.type === "resource")?.resource;
    expect(resource?.mimeType).toMatch(/^text\/plain/);
    expect(resource?.text).toBe("Grüße\n");
  });

  it("text that is not base64 is refused, naming the argument, and nothing is uploaded", async () => {
    const { client, offline } = await setup();
    const { v4 } = await offline.emulator();
    const before = v4.attachments.size;
    const result = await client.callTool({ name: "attachments_create_in_task", arguments: { taskId: [...v4.tasks.values()][0]!.id, fileName: "x.bin", file: "not base64!" } });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain("argument file must be the file's bytes as base64 text");
    expect(v4.attachments.size).toBe(before);
  });
});
