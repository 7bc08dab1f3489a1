/**
 * Calls every tool of the default set against the embedded emulator, through whatever MCP transport the
 * client is connected over, and checks each write's effect by reading it back with another tool. Returns
 * the ids it made, so that an in-process test can also look at the emulator's state directly.
 */
import type { Client } from "@modelcontextprotocol/client";
import { expect } from "vitest";

type Structured = { kind: string; data: Array<Record<string, unknown>> };

export interface ScenarioResult {
  /** Every tool called, in order. */
  called: Set<string>;
  folderId: string;
  taskId: string;
  commentId: string;
  timelogId: string;
  attachmentId: string;
  /** The bytes uploaded and downloaded again. */
  fileBytes: Uint8Array;
}

const textOf = (result: { content?: unknown }) => (result.content as Array<{ type: string; text?: string }>).map((c) => c.text ?? "").join("\n");

export async function runDefaultToolScenario(client: Client): Promise<ScenarioResult> {
  const called = new Set<string>();
  const raw = async (name: string, args: Record<string, unknown> = {}) => {
    called.add(name);
    const result = await client.callTool({ name, arguments: args });
    expect(result.isError, `${name}: ${textOf(result)}`).toBeFalsy();
    return result;
  };
  const call = async (name: string, args: Record<string, unknown> = {}) => (await raw(name, args)).structuredContent as Structured;
  const first = async (name: string, args: Record<string, unknown> = {}) => (await call(name, args)).data[0]!;
  const ids = (answer: Structured) => answer.data.map((item) => item.id);

  // Where things are: the account, its space, the folder tree.
  const account = await first("account_get");
  const space = await first("spaces_list");
  expect((await first("spaces_get", { spaceId: space.id })).title).toBe(space.title);
  expect(ids(await call("folders_list"))).toContain(account.rootFolderId);
  expect(ids(await call("folders_list_in_space", { spaceId: space.id })).length).toBeGreaterThan(0);

  // A project in the space, renamed, listed under its parent, then copied by a job.
  const folder = await first("folders_create_in_folder", { folderId: space.id, title: "Launch plan", project: { status: "Green" } });
  const folderId = String(folder.id);
  await call("folders_update", { folderId, title: "Launch plan v2" });
  expect((await first("folders_get", { folderIds: [folderId] })).title).toBe("Launch plan v2");
  expect(ids(await call("folders_list_in_folder", { folderId: space.id }))).toContain(folderId);
  const job = await first("folders_copy_async", { folderId, parent: space.id, title: "Launch plan copy" });
  let status = String(job.status);
  for (let poll = 0; poll < 10 && status === "InProgress"; poll++) status = String((await first("async_jobs_get", { asyncJobId: job.id })).status);
  expect(status).toBe("Completed");
  const tree = await call("folders_list_in_folder", { folderId: space.id });
  expect(tree.data.map((f) => f.title)).toContain("Launch plan copy");

  // A task in it, found by every list, then completed.
  const task = await first("tasks_create_in_folder", { folderId, title: "Write the press release", importance: "High", dates: { type: "Planned", start: "2025-03-03", due: "2025-03-07" } });
  const taskId = String(task.id);
  expect(ids(await call("tasks_list", { title: "press release" }))).toContain(taskId);
  expect(ids(await call("tasks_list_in_folder", { folderId }))).toContain(taskId);
  expect(ids(await call("tasks_list_in_space", { spaceId: space.id }))).toContain(taskId);
  await call("tasks_update", { taskId, status: "Completed" });
  expect(await first("tasks_get", { taskIds: [taskId], fields: ["attachmentCount"] })).toMatchObject({ id: taskId, status: "Completed", importance: "High", attachmentCount: 0 });

  // Comments on the task (one edited) and on the folder.
  const comment = await first("comments_create_in_task", { taskId, text: "Draft is ready" });
  const commentId = String(comment.id);
  await call("comments_update", { commentId, text: "Draft is ready for review" });
  expect((await call("comments_list_in_task", { taskId })).data.find((c) => c.id === commentId)?.text).toBe("Draft is ready for review");
  const folderComment = await first("comments_create_in_folder", { folderId, text: "Kick-off on Monday" });
  expect(ids(await call("comments_list_in_folder", { folderId }))).toContain(folderComment.id);

  // Time logged on the task, then corrected.
  const timelog = await first("timelogs_create_in_task", { taskId, hours: 1.5, trackedDate: "2025-03-04", comment: "Outline" });
  const timelogId = String(timelog.id);
  await call("timelogs_update", { timelogId, hours: 2 });
  expect((await call("timelogs_list_in_task", { taskId })).data.find((t) => t.id === timelogId)?.hours).toBe(2);
  expect(ids(await call("timelogs_list"))).toContain(timelogId);

  // A file through the protocol: uploaded as base64, read back as an embedded resource.
  const fileBytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 253, 254, 255]);
  const attachment = await first("attachments_create_in_task", { taskId, fileName: "logo.png", file: Buffer.from(fileBytes).toString("base64") });
  const attachmentId = String(attachment.id);
  expect(ids(await call("attachments_list_in_task", { taskId }))).toContain(attachmentId);
  expect((await first("attachments_get", { attachmentIds: [attachmentId] })).name).toBe("logo.png");
  const downloaded = await raw("attachments_download", { attachmentId });
  const resource = (downloaded.content as Array<{ type: string; resource?: { uri: string; blob?: string } }>).find((c) => c.type === "resource")!.resource!;
  expect(new Uint8Array(Buffer.from(resource.blob!, "base64"))).toEqual(fileBytes);
  expect(downloaded.structuredContent).toMatchObject({ uri: resource.uri, embedded: true, size: fileBytes.byteLength });

  // People, custom fields, workflows.
  const me = (await call("contacts_list")).data.find((c) => c.me === true)!;
  expect((await first("contacts_get", { contactIds: [me.id] })).id).toBe(me.id);
  const field = await first("custom_fields_list");
  expect((await first("custom_fields_get", { customfieldIds: [field.id] })).title).toBe(field.title);
  expect((await first("workflows_list")).customStatuses).toBeInstanceOf(Array);

  return { called, folderId, taskId, commentId, timelogId, attachmentId, fileBytes };
}

/** The names of the tools a client lists. */
export async function listedNames(client: Client): Promise<string[]> {
  return (await client.listTools()).tools.map((t) => t.name).sort();
}
