import { describe, expect, it } from "vitest";
import { addAttachment } from "../../src/engine/attachments.js";
import { commentAdd, commentDelete, commentList, commentUpdate } from "../../src/engine/comments.js";
import { expectError, seeded, snapshot, taskId, UID } from "./fixture.js";

describe("wrike.comment.add and update", () => {
  it("adds a comment by the caller and lets its author edit it", () => {
    const f = seeded();
    const task = taskId(f.state, "Collect ideas");
    const added = commentAdd(f.state, f.me(), { taskId: task, text: "this is comment" });
    expect(added).toEqual({
      root: "comment",
      body: { id: added.body.id, text: "this is comment", taskId: task, authorUid: UID.me, createdDate: "2024-03-13 10:30:00.0", attachments: [] },
    });
    expect(commentUpdate(f.state, f.me(), { id: added.body.id, text: "comment updated" }).body.text).toBe("comment updated");
  });

  it("answers 406 for a task or comment outside the scope, or another author's comment; 405 for a Viewer; 407 for blank text", () => {
    const f = seeded();
    const report = taskId(f.state, "Write the report");
    const alexeys = [...f.state.comments.values()].find((c) => c.authorUid === UID.alexey)!;
    expectError(() => commentAdd(f.state, f.me(), { taskId: taskId(f.state, "Alexey's private task"), text: "x" }), 406, /taskId/);
    expectError(() => commentUpdate(f.state, f.me(), { id: alexeys.id, text: "x" }), 406, /comment with given id/);
    expectError(() => commentUpdate(f.state, f.me(), { id: 777_777, text: "x" }), 406);
    expectError(() => commentAdd(f.state, f.viewer(), { taskId: report, text: "x" }), 405);
    expectError(() => commentAdd(f.state, f.me(), { taskId: report, text: " " }), 407, /text/);
  });
});

describe("wrike.comment.list", () => {
  it("lists a task's comments newest first, or comments by id", () => {
    const f = seeded();
    const report = taskId(f.state, "Write the report");
    f.advance(1000);
    const newest = commentAdd(f.state, f.me(), { taskId: report, text: "newest" }).body;
    const list = commentList(f.state, f.me(), { taskId: report }).body.list;
    expect(list.map((c) => c.text)).toEqual(["newest", "Thanks, reading it now.", "First draft is in the shared folder."]);
    expect(commentList(f.state, f.viewer(), { ids: [newest.id] }).body.list.map((c) => c.id)).toEqual([newest.id]);
    expect(commentList(f.state, f.me(), { taskId: report, ids: [newest.id] }).body.list).toHaveLength(1);
  });

  it("answers 406 for a task or a comment outside the scope", () => {
    const f = seeded();
    const privateTask = taskId(f.state, "Alexey's private task");
    const secret = commentAdd(f.state, f.alexey(), { taskId: privateTask, text: "secret" }).body;
    expectError(() => commentList(f.state, f.me(), { taskId: privateTask }), 406, /taskId/);
    expectError(() => commentList(f.state, f.me(), { ids: [secret.id] }), 406);
  });

  it("lists the files attached to a comment", () => {
    const f = seeded();
    const report = taskId(f.state, "Write the report");
    const comment = commentAdd(f.state, f.me(), { taskId: report, text: "see attached" }).body;
    const file = addAttachment(f.state, f.me(), { taskId: report, commentId: comment.id, fileName: "a.txt", bytes: new Uint8Array([1]) });
    expect(commentList(f.state, f.me(), { ids: [comment.id] }).body.list[0]!.attachments).toEqual([file.id]);
  });
});

describe("wrike.comment.delete", () => {
  it("deletes the caller's comments with their files", () => {
    const f = seeded();
    const report = taskId(f.state, "Write the report");
    const comment = commentAdd(f.state, f.me(), { taskId: report, text: "bye" }).body;
    const file = addAttachment(f.state, f.me(), { taskId: report, commentId: comment.id, fileName: "a.txt", bytes: new Uint8Array([1]) });
    expect(commentDelete(f.state, f.me(), { ids: [comment.id] }).body.list).toEqual([{ id: comment.id, taskId: report, deleted: true }]);
    expect(f.state.comments.has(comment.id)).toBe(false);
    expect(f.state.attachments.has(file.id)).toBe(false);
  });

  it("answers 407 naming ids for a comment that is not the caller's (no 406 is documented), 405 for a Viewer", () => {
    const f = seeded();
    const alexeys = [...f.state.comments.values()].find((c) => c.authorUid === UID.alexey)!;
    const mine = [...f.state.comments.values()].find((c) => c.authorUid === UID.me)!;
    const before = snapshot(f.state);
    expectError(() => commentDelete(f.state, f.me(), { ids: [mine.id, alexeys.id] }), 407, /Invalid argument ids: comment \d+ is not among the calling user's own comments/);
    expectError(() => commentDelete(f.state, f.viewer(), { ids: [mine.id] }), 405);
    expectError(() => commentDelete(f.state, f.me(), { ids: [] }), 407);
    expect(snapshot(f.state)).toBe(before);
  });
});
