import { describe, expect, it } from "vitest";
import { addAttachment, attachmentDownload, attachmentHistory, attachmentList } from "../../src/engine/attachments.js";
import { taskGet } from "../../src/engine/tasks.js";
import { expectError, seeded, taskId } from "./fixture.js";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("attachments", () => {
  it("uploads a file and, under the same name on the same task, its next version", () => {
    const f = seeded();
    const task = taskId(f.state, "Collect ideas");
    const v1 = addAttachment(f.state, f.me(), { taskId: task, fileName: "33.JPG", contentType: "image/jpeg", bytes: bytes("one") });
    f.advance(1000);
    const v2 = addAttachment(f.state, f.me(), { taskId: task, fileName: "33.JPG", contentType: "image/jpeg", bytes: bytes("two!") });
    const other = addAttachment(f.state, f.me(), { taskId: task, fileName: "b.bin", bytes: bytes("b") });
    expect(v1).toMatchObject({ version: 1, size: 3, contentType: "image/jpeg", fileName: "33.JPG", taskId: task, createdDate: "2024-03-13 10:30:00.0" });
    expect(v2).toMatchObject({ version: 2, size: 4 });
    expect(other).toMatchObject({ version: 1, contentType: "application/octet-stream" });
    expect(taskGet(f.state, f.me(), { id: task }).body.attachmentsCount).toBe(2);
    expect(attachmentList(f.state, f.me(), { taskIds: [task] }).body).toEqual({ list: [{ taskId: task, list: [v2, other] }] });
    expect(attachmentHistory(f.state, f.me(), { id: v2.id }).body.list).toEqual([v1, v2]);
    expect(attachmentHistory(f.state, f.me(), { id: v1.id }).body.list).toEqual([v1, v2]);
    expect(new TextDecoder().decode(attachmentDownload(f.state, f.me(), { id: v1.id }).bytes)).toBe("one");
    expect(attachmentDownload(f.state, f.me(), { id: v2.id })).toMatchObject({ fileName: "33.JPG", contentType: "image/jpeg" });
  });

  it("lists one entry per task", () => {
    const f = seeded();
    const [report, ideas] = [taskId(f.state, "Write the report"), taskId(f.state, "Collect ideas")];
    const { list } = attachmentList(f.state, f.me(), { taskIds: [report, ideas] }).body;
    expect(list.map((e) => [e.taskId, e.list.map((a) => a.fileName)])).toEqual([[report, ["notes.txt"]], [ideas, []]]);
  });

  it("answers 406 for tasks and attachments outside the scope", () => {
    const f = seeded();
    const privateTask = taskId(f.state, "Alexey's private task");
    const secret = addAttachment(f.state, f.alexey(), { taskId: privateTask, fileName: "s", bytes: bytes("s") });
    expectError(() => attachmentList(f.state, f.me(), { taskIds: [taskId(f.state, "Collect ideas"), privateTask] }), 406, /taskIds/);
    expectError(() => attachmentHistory(f.state, f.me(), { id: secret.id }), 406, /attachment id/);
    expectError(() => attachmentDownload(f.state, f.me(), { id: secret.id }), 406);
    expectError(() => attachmentDownload(f.state, f.me(), { id: 31337 }), 406);
    expectError(() => addAttachment(f.state, f.me(), { taskId: privateTask, fileName: "x", bytes: bytes("x") }), 406);
  });

  it("refuses a Viewer (405), bad names, content types and comments (407)", () => {
    const f = seeded();
    const report = taskId(f.state, "Write the report");
    expectError(() => addAttachment(f.state, f.viewer(), { taskId: report, fileName: "x", bytes: bytes("x") }), 405);
    expectError(() => addAttachment(f.state, f.me(), { taskId: report, fileName: "", bytes: bytes("x") }), 407, /fileName/);
    expectError(() => addAttachment(f.state, f.me(), { taskId: report, fileName: "x", contentType: "text", bytes: bytes("x") }), 407, /contentType/);
    expectError(() => addAttachment(f.state, f.me(), { taskId: report, fileName: "x", commentId: 5555, bytes: bytes("x") }), 407, /commentId/);
  });

  it("keeps its own copy of the bytes", () => {
    const f = seeded();
    const data = bytes("abc");
    const file = addAttachment(f.state, f.me(), { taskId: taskId(f.state, "Collect ideas"), fileName: "c", bytes: data });
    data[0] = 0;
    expect(new TextDecoder().decode(attachmentDownload(f.state, f.me(), { id: file.id }).bytes)).toBe("abc");
  });
});
