/** All 24 methods through the real client, in JSON and in XML. */
import { describe, expect, it } from "vitest";
import type { TaskFilterCount, TaskFilterList } from "@wrikekit/client/v2";
import { methodDescriptors, type MethodId } from "@wrikekit/client/server";
import { FORMATS, harness, invoke, sampleArgs, seededIds } from "./harness.js";

const METHOD_IDS = Object.keys(methodDescriptors) as MethodId[];

describe.each(FORMATS)("every method in %s", (format) => {
  function setup() {
    const h = harness();
    return { h, ids: seededIds(h.emulator), client: h.client({ format }) };
  }

  it("covers the 24 methods", () => {
    expect(METHOD_IDS).toHaveLength(24);
  });

  it.each(METHOD_IDS.filter((id) => id !== "wrike.attachment.download"))("%s answers a %s document the client decodes", async (methodId) => {
    const { h, ids, client } = setup();
    const result = await invoke(client, methodId, sampleArgs(ids)[methodId]);
    expect(result).toBeTypeOf("object");
    expect(h.contentTypes.at(-1)).toContain(format);
  });

  it.each(METHOD_IDS.filter((id) => id !== "wrike.attachment.download" && id !== "wrike.contacts.list" && id !== "wrike.profile.get"))(
    "%s echoes asyncKey",
    async (methodId) => {
      const { ids, client } = setup();
      const result = (await invoke(client, methodId, { ...sampleArgs(ids)[methodId], asyncKey: "key <&> 1" })) as { asyncKey?: string };
      expect(result.asyncKey).toBe("key <&> 1");
    },
  );

  it("profile, contacts and the folder tree", async () => {
    const { ids, client } = setup();
    expect(await client.profile.get({})).toMatchObject({ uid: "OYgzyijdAo5Q", license: "Collaborator", secondaryEmails: [] });
    expect((await client.contacts.list({})).list.map((c) => c.uid)).toEqual(["GCG7DDZ4Q1ic", "t3acIwjcblNN", "N5L9OlSRomRp"]);
    const tree = await client.folder.tree({ parentId: ids.spool, includeChilds: false });
    expect(tree.folders.map((f) => [f.id, f.parentId, f.fullPath])).toEqual([
      [ids.test, ids.spool, "/spool/test"],
      [ids.launch, ids.spool, "/spool/Launch"],
    ]);
  });

  it("folders: add, get, update, delete", async () => {
    const { ids, client } = setup();
    const added = await client.folder.add({ title: "Q3 & <more>", description: "d", parents: [ids.spool], sharedUsers: ["t3acIwjcblNN"] });
    expect(added).toMatchObject({ title: "Q3 & <more>", parents: [ids.spool], sharedUsers: ["OYgzyijdAo5Q", "t3acIwjcblNN", "GCG7DDZ4Q1ic", "N5L9OlSRomRp"] });
    expect(await client.folder.get({ id: added.id })).toEqual(added);
    expect(await client.folder.update({ id: added.id, title: "Q3", parents: [0] })).toMatchObject({ title: "Q3", description: "d", parents: [0] });
    expect(await client.folder.delete({ ids: [added.id] })).toEqual({ list: [{ id: added.id, title: "Q3", deleted: true, deletedElements: [added.id] }] });
    expect((await client.folder.delete({ ids: [ids.spool] })).list[0]!.deletedElements).toEqual([ids.spool, ids.test, ids.report, expect.any(Number)]);
  });

  it("tasks: add, get with fields, update, filter, updates, delete", async () => {
    const { ids, client } = setup();
    const task = await client.task.add({ title: "Ship it", importance: 0, startDate: new Date(Date.UTC(2024, 2, 13, 9)), dueDate: "2024-03-15T18:00:00", responsibleUsers: ["GCG7DDZ4Q1ic"], parents: [ids.test] });
    expect(task).toMatchObject({ title: "Ship it", importance: 0, status: 0, startDate: "2024-03-13 09:00:00.0", dueDate: "2024-03-15 18:00:00.0", duration: "1440", parents: [ids.test], predecessor: [], successor: [] });
    expect(await client.task.get({ id: task.id, fields: ["title", "responsibleUsers"] })).toEqual({ id: task.id, title: "Ship it", responsibleUsers: ["GCG7DDZ4Q1ic"] });
    expect(await client.task.update({ id: task.id, title: "Ship it", status: 3 })).toMatchObject({ status: 3, importance: 0 });
    const list = (await client.task.filter({ statuses: [3], fields: ["status"] })) as TaskFilterList;
    expect(list.list).toEqual([{ id: task.id, status: 3 }]);
    const count = (await client.task.filter({ count: true })) as TaskFilterCount;
    expect(count.count).toBe(6);
    const updates = await client.task.updates({ tLast: list.tLast - 60_000, fields: ["title"] });
    expect(updates.newTasks.map((t) => t.title)).toContain("Ship it");
    expect(await client.task.delete({ ids: [task.id] })).toEqual({ list: [{ id: task.id, title: "Ship it", deleted: true }] });
    expect((await client.task.updates({ tLast: list.tLast })).deletedTasks).toEqual([expect.objectContaining({ id: task.id, deleted: true })]);
  });

  it("comments: add, update, list by task and by ids, updates, delete", async () => {
    const { ids, client } = setup();
    const comment = await client.comment.add({ taskId: ids.report, text: "a <b>bold</b> & plain comment" });
    expect(comment).toMatchObject({ taskId: ids.report, text: "a <b>bold</b> & plain comment", authorUid: "OYgzyijdAo5Q", attachments: [] });
    expect(await client.comment.update({ id: comment.id, text: "edited" })).toMatchObject({ id: comment.id, text: "edited" });
    expect((await client.comment.list({ taskId: ids.report })).list.map((c) => c.id)[0]).toBe(comment.id);
    expect((await client.comment.list({ ids: [comment.id, ids.alexeysComment] })).list).toHaveLength(2);
    const updates = await client.comment.updates({ tLast: 0 });
    expect(updates.newComments.map((c) => c.id)).toContain(comment.id);
    expect(await client.comment.delete({ ids: [comment.id] })).toEqual({ list: [{ id: comment.id, taskId: ids.report, deleted: true }] });
    expect((await client.comment.updates({ tLast: updates.tLast })).deletedComments).toEqual([expect.objectContaining({ id: comment.id, deleted: true })]);
  });

  it("attachments: list, history and download of every version", async () => {
    const { h, ids, client } = setup();
    const v2 = h.emulator.addAttachment({ taskId: ids.report, fileName: "notes.txt", contentType: "text/plain", bytes: new TextEncoder().encode("version two") });
    expect((await client.attachment.list({ taskIds: [ids.report, ids.ideas] })).list).toEqual([
      { taskId: ids.report, list: [expect.objectContaining({ id: v2.id, version: 2, size: 11, fileName: "notes.txt" })] },
      { taskId: ids.ideas, list: [] },
    ]);
    expect((await client.attachment.history({ id: v2.id })).list.map((a) => a.version)).toEqual([1, 2]);
    for (const [id, text] of [[ids.notes, "Meeting notes\n"], [v2.id, "version two"]] as const) {
      const download = await client.attachment.download({ id });
      expect(download.contentType).toBe("text/plain");
      expect(download.size).toBe(new TextEncoder().encode(text).length);
      expect(await new Response(download.body).text()).toBe(text);
    }
  });

  it("time logs: add, list by task and all of the caller's, delete", async () => {
    const { ids, client } = setup();
    const log = await client.timelog.add({ taskId: ids.ideas, date: "2010-11-30", hours: 10 });
    expect(log).toMatchObject({ taskId: ids.ideas, date: "2010-11-30 00:00:00.0", hours: 10, userUid: "OYgzyijdAo5Q" });
    expect((await client.timelog.list({ taskId: ids.ideas })).list).toEqual([log]);
    expect((await client.timelog.list({})).list.map((t) => t.id)).toEqual([ids.myTimelog, log.id]);
    expect(await client.timelog.delete({ ids: [log.id] })).toEqual({ list: [{ ...log, deleted: true }] });
  });
});
