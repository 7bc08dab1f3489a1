import { describe, expect, it } from "vitest";
import { commentAdd, commentDelete, commentUpdate, commentUpdates } from "../../src/engine/comments.js";
import { folderAdd, folderDelete } from "../../src/engine/folders.js";
import { taskFilter } from "../../src/engine/task-filter.js";
import { taskUpdates } from "../../src/engine/task-updates.js";
import { taskAdd, taskDelete, taskUpdate } from "../../src/engine/tasks.js";
import { expectError, folderId, seeded, SECOND, taskId } from "./fixture.js";

const titlesOf = (tasks: ReadonlyArray<{ title?: string }>) => tasks.map((t) => t.title);

describe("wrike.task.updates", () => {
  it("reports tasks added, changed and deleted since tLast, and a tLast for the next call", () => {
    const f = seeded();
    const tLast = taskFilter(f.state, f.me(), { count: true }).body.tLast;
    f.advance(SECOND);
    taskAdd(f.state, f.me(), { title: "New one" });
    taskUpdate(f.state, f.me(), { id: taskId(f.state, "Collect ideas"), title: "Collect ideas", status: 1 });
    taskDelete(f.state, f.me(), { ids: [taskId(f.state, "Plan next week")] });
    f.advance(SECOND);
    const { root, body } = taskUpdates(f.state, f.me(), { tLast: tLast + 1 });
    expect(root).toBe("taskUpdates");
    expect(titlesOf(body.newTasks)).toEqual(["New one"]);
    expect(titlesOf(body.updatedTasks)).toEqual(["Collect ideas"]);
    expect(body.updatedTasks[0]).toMatchObject({ status: 1, lastUpdatedDate: "2024-03-13 10:30:01.0" });
    expect(body.deletedTasks).toEqual([expect.objectContaining({ title: "Plan next week", deleted: true })]);
    expect(body.tLast).toBe(f.now);
    expect(taskUpdates(f.state, f.me(), { tLast: body.tLast + 1 }).body).toEqual({ tLast: f.now, newTasks: [], updatedTasks: [], deletedTasks: [] });
  });

  it("includes a change made in the very millisecond of tLast", () => {
    const f = seeded();
    taskAdd(f.state, f.me(), { title: "Same instant" });
    expect(titlesOf(taskUpdates(f.state, f.me(), { tLast: f.now }).body.newTasks)).toContain("Same instant");
  });

  it("reports only the caller's tasks: others' private changes stay hidden", () => {
    const f = seeded();
    const tLast = f.now + 1;
    f.advance(SECOND);
    taskUpdate(f.state, f.alexey(), { id: taskId(f.state, "Alexey's private task"), title: "still private" });
    taskAdd(f.state, f.me(), { title: "in spool", parents: [folderId(f.state, "spool")] });
    expect(taskUpdates(f.state, f.me(), { tLast }).body.updatedTasks).toEqual([]);
    expect(titlesOf(taskUpdates(f.state, f.viewer(), { tLast }).body.newTasks)).toEqual(["in spool"]);
    expect(taskUpdates(f.state, f.viewer(), { tLast }).body.updatedTasks).toEqual([]);
  });

  it("reports the tasks a folder delete took with it", () => {
    const f = seeded();
    const tLast = f.now + 1;
    f.advance(SECOND);
    folderDelete(f.state, f.me(), { ids: [folderId(f.state, "test")] });
    expect(taskUpdates(f.state, f.me(), { tLast }).body.deletedTasks.map((t) => [t.title, t.deleted])).toEqual([["Write the report", true]]);
  });

  it("orders each list by orderBy and pages across new, updated and deleted with fields", () => {
    const f = seeded();
    const tLast = f.now + 1;
    f.advance(SECOND);
    for (const title of ["b", "a", "c"]) taskAdd(f.state, f.me(), { title });
    taskUpdate(f.state, f.me(), { id: taskId(f.state, "Collect ideas"), title: "Collect ideas", importance: 2 });
    taskDelete(f.state, f.me(), { ids: [taskId(f.state, "Plan next week")] });
    const all = taskUpdates(f.state, f.me(), { tLast, orderBy: ["title:asc"], fields: ["title"] }).body;
    expect([all.newTasks, all.updatedTasks, all.deletedTasks]).toEqual([
      [expect.objectContaining({ title: "a" }), expect.objectContaining({ title: "b" }), expect.objectContaining({ title: "c" })],
      [{ id: taskId(f.state, "Collect ideas"), title: "Collect ideas" }],
      [expect.objectContaining({ title: "Plan next week", deleted: true })],
    ]);
    const page = taskUpdates(f.state, f.me(), { tLast, orderBy: ["title:asc"], offset: 2, limit: 2 }).body;
    expect([titlesOf(page.newTasks), titlesOf(page.updatedTasks), titlesOf(page.deletedTasks)]).toEqual([["c"], ["Collect ideas"], []]);
    expectError(() => taskUpdates(f.state, f.me(), { tLast, orderBy: ["nothing:asc"] }), 407, /orderBy/);
    expectError(() => taskUpdates(f.state, f.me(), { tLast, limit: -1 }), 407, /limit/);
  });
});

describe("wrike.comment.updates", () => {
  it("reports comments added, changed and deleted (with deletedDate) since tLast", () => {
    const f = seeded();
    const report = taskId(f.state, "Write the report");
    const old = commentAdd(f.state, f.me(), { taskId: report, text: "old" }).body;
    const doomed = commentAdd(f.state, f.me(), { taskId: report, text: "doomed" }).body;
    const tLast = f.now + 1;
    f.advance(SECOND);
    const fresh = commentAdd(f.state, f.me(), { taskId: report, text: "fresh" }).body;
    commentUpdate(f.state, f.me(), { id: old.id, text: "old, edited" });
    commentDelete(f.state, f.me(), { ids: [doomed.id] });
    const { root, body } = commentUpdates(f.state, f.me(), { tLast });
    expect(root).toBe("commentsUpdates");
    expect(body.newComments.map((c) => c.id)).toEqual([fresh.id]);
    expect(body.updatedComments).toEqual([expect.objectContaining({ id: old.id, text: "old, edited" })]);
    expect(body.deletedComments).toEqual([expect.objectContaining({ id: doomed.id, deleted: true, deletedDate: "2024-03-13 10:30:01.0" })]);
    expect(body.tLast).toBe(f.now);
  });

  it("reports only comments on tasks the caller sees", () => {
    const f = seeded();
    const tLast = f.now;
    const privateTask = taskId(f.state, "Alexey's private task");
    commentAdd(f.state, f.alexey(), { taskId: privateTask, text: "secret" });
    const inSpool = taskAdd(f.state, f.me(), { title: "x", parents: [folderAdd(f.state, f.me(), { title: "solo" }).body.id] }).body;
    commentAdd(f.state, f.me(), { taskId: inSpool.id, text: "mine" });
    expect(commentUpdates(f.state, f.me(), { tLast }).body.newComments.map((c) => c.text)).toEqual(expect.arrayContaining(["mine"]));
    expect(commentUpdates(f.state, f.me(), { tLast }).body.newComments.map((c) => c.text)).not.toContain("secret");
    expect(commentUpdates(f.state, f.viewer(), { tLast }).body.newComments.map((c) => c.text)).not.toContain("mine");
  });
});
