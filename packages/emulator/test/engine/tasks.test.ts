import { describe, expect, it } from "vitest";
import { commentAdd } from "../../src/engine/comments.js";
import { taskAdd, taskDelete, taskGet, taskUpdate } from "../../src/engine/tasks.js";
import { expectError, folderId, seeded, snapshot, taskId, UID } from "./fixture.js";

describe("wrike.task.add", () => {
  it("applies the defaults: active, normal importance, the root, a backlog task shared with its author", () => {
    const f = seeded();
    const task = taskAdd(f.state, f.me(), { title: "Plain" }).body;
    expect(task).toMatchObject({
      title: "Plain",
      description: "",
      status: 0,
      importance: 1,
      parents: [0],
      startDate: "",
      dueDate: "",
      duration: "0",
      responsibleUsers: [],
      sharedUsers: [UID.me],
      authorUid: UID.me,
      whoChanged: UID.me,
      createdDate: "2024-03-13 10:30:00.0",
      attachmentsCount: 0,
      commentsCount: 0,
      predecessor: [],
      successor: [],
    });
  });

  it("shares the task with the responsible users and with the users of its folders", () => {
    const f = seeded();
    const task = taskAdd(f.state, f.me(), { title: "t", responsibleUsers: [UID.dmitry], parents: [folderId(f.state, "spool")] }).body;
    expect(task.sharedUsers).toEqual([UID.me, UID.dmitry, UID.alexey, UID.viewer]);
  });

  it("knows the three schedule kinds (rule taskDateKinds)", () => {
    const f = seeded();
    const backlog = taskAdd(f.state, f.me(), { title: "b", duration: "90" }).body;
    expect(backlog).toMatchObject({ startDate: "", dueDate: "", duration: "90" });
    const milestone = taskAdd(f.state, f.me(), { title: "m", dueDate: "2024-03-20T17:00:00" }).body;
    expect(milestone).toMatchObject({ startDate: "", dueDate: "2024-03-20 17:00:00.0", duration: "" });
    // Wednesday to the next Tuesday: five working days of 8 hours.
    const planned = taskAdd(f.state, f.me(), { title: "p", startDate: "2024-03-13T09:00:00", dueDate: "2024-03-19T18:00:00" }).body;
    expect(planned).toMatchObject({ startDate: "2024-03-13 09:00:00.0", dueDate: "2024-03-19 18:00:00.0", duration: String(5 * 480) });
    const given = taskAdd(f.state, f.me(), { title: "g", startDate: new Date(Date.UTC(2024, 2, 13)), dueDate: "2024-03-13T00:00:00", duration: "0" }).body;
    expect(given).toMatchObject({ startDate: "2024-03-13 00:00:00.0", duration: "0" });
  });

  it("refuses schedules that fit no kind, naming the argument (407)", () => {
    const f = seeded();
    expectError(() => taskAdd(f.state, f.me(), { title: "x", startDate: "2024-03-13T09:00:00" }), 407, /startDate: a task with a start date needs a due date/);
    expectError(() => taskAdd(f.state, f.me(), { title: "x", startDate: "2024-03-14T09:00:00", dueDate: "2024-03-13T09:00:00" }), 407, /dueDate: is before startDate/);
    expectError(() => taskAdd(f.state, f.me(), { title: "x", dueDate: "2024-03-13T09:00:00", duration: "60" }), 407, /duration: a milestone/);
    expectError(() => taskAdd(f.state, f.me(), { title: "x", duration: "1h" }), 407, /duration: expected whole minutes/);
    expectError(() => taskAdd(f.state, f.me(), { title: "x", dueDate: "2024-02-30T09:00:00" }), 407, /dueDate: "2024-02-30T09:00:00" is not a valid date/);
  });

  it("refuses bad codes and users (407), the root with a folder (407), folders outside the scope (406), Viewers (405)", () => {
    const f = seeded();
    const before = snapshot(f.state);
    expectError(() => taskAdd(f.state, f.me(), { title: "x", status: 7 }), 407, /status: expected one of 0, 1, 2, 3, got 7/);
    expectError(() => taskAdd(f.state, f.me(), { title: "x", importance: 3 }), 407, /importance/);
    expectError(() => taskAdd(f.state, f.me(), { title: "x", responsibleUsers: ["ghost"] }), 407, /responsibleUsers: no user has the uid "ghost"/);
    expectError(() => taskAdd(f.state, f.me(), { title: "x", parents: [0, folderId(f.state, "spool")] }), 407, /parents: a task in the root folder \(0\) cannot also be in another folder/);
    expectError(() => taskAdd(f.state, f.me(), { title: "x", parents: [folderId(f.state, "Alexey's notes")] }), 406);
    expectError(() => taskAdd(f.state, f.viewer(), { title: "x" }), 405, /Viewer license/);
    expectError(() => taskAdd(f.state, f.me(), { title: "" }), 407, /title: must not be empty/);
    expect(snapshot(f.state)).toBe(before);
  });
});

describe("wrike.task.get", () => {
  it("returns the task, or only id and the requested fields", () => {
    const f = seeded();
    const id = taskId(f.state, "Write the report");
    expect(taskGet(f.state, f.me(), { id }).body).toMatchObject({ id, title: "Write the report", commentsCount: 2, attachmentsCount: 1, duration: "1440" });
    expect(taskGet(f.state, f.me(), { id, fields: ["title", "status"] }).body).toEqual({ id, title: "Write the report", status: 0 });
  });

  it("answers 406 outside the caller's scope and 407 for an unknown field", () => {
    const f = seeded();
    expectError(() => taskGet(f.state, f.me(), { id: taskId(f.state, "Alexey's private task") }), 406, /task scope \(id = \d+\)/);
    expectError(() => taskGet(f.state, f.me(), { id: 424242 }), 406);
    expectError(() => taskGet(f.state, f.me(), { id: taskId(f.state, "Collect ideas"), fields: ["colour"] }), 407, /fields: "colour" is not a task field/);
  });

  it("lets the Viewer read what is shared with them", () => {
    const f = seeded();
    expect(taskGet(f.state, f.viewer(), { id: taskId(f.state, "Write the report") }).body.title).toBe("Write the report");
    expectError(() => taskGet(f.state, f.viewer(), { id: taskId(f.state, "Collect ideas") }), 406);
  });
});

describe("wrike.task.update", () => {
  it("changes what is given and keeps the rest", () => {
    const f = seeded();
    const id = taskId(f.state, "Collect ideas");
    f.advance(1500);
    const task = taskUpdate(f.state, f.me(), { id, title: "Collect more ideas", status: 2 }).body;
    expect(task).toMatchObject({ title: "Collect more ideas", status: 2, importance: 1, description: "Anything goes", duration: "120", lastUpdatedDate: "2024-03-13 10:30:01.5" });
  });

  it("re-derives the schedule: a backlog task given a due date becomes a milestone, new dates recompute the duration", () => {
    const f = seeded();
    const ideas = taskId(f.state, "Collect ideas");
    expect(taskUpdate(f.state, f.me(), { id: ideas, title: "i", dueDate: "2024-03-15T12:00:00" }).body).toMatchObject({ duration: "", dueDate: "2024-03-15 12:00:00.0" });
    const report = taskId(f.state, "Write the report");
    expect(taskUpdate(f.state, f.me(), { id: report, title: "r", dueDate: "2024-03-13T18:00:00" }).body.duration).toBe("480");
    expect(taskUpdate(f.state, f.me(), { id: report, title: "r", duration: "300" }).body.duration).toBe("300");
    expect(taskUpdate(f.state, f.me(), { id: report, title: "r", importance: 0 }).body.duration).toBe("300");
  });

  it("moves the task and shares it with the new folders' users; responsible users are shared too", () => {
    const f = seeded();
    const ideas = taskId(f.state, "Collect ideas");
    const task = taskUpdate(f.state, f.me(), { id: ideas, title: "i", parents: [folderId(f.state, "spool")], responsibleUsers: [UID.dmitry] }).body;
    expect(task.parents).toEqual([folderId(f.state, "spool")]);
    expect(task.sharedUsers).toEqual([UID.me, UID.dmitry, UID.alexey, UID.viewer]);
  });

  it("changes nothing when any argument is refused", () => {
    const f = seeded();
    const id = taskId(f.state, "Write the report");
    const before = snapshot(f.state);
    expectError(() => taskUpdate(f.state, f.me(), { id, title: "r", status: 1, parents: [0, folderId(f.state, "spool")] }), 407);
    expectError(() => taskUpdate(f.state, f.me(), { id, title: "r", startDate: "2024-04-01T00:00:00" }), 407, /dueDate: is before startDate/);
    expectError(() => taskUpdate(f.state, f.me(), { id, title: "r", sharedUsers: ["ghost"] }), 407, /sharedUsers/);
    expect(snapshot(f.state)).toBe(before);
  });

  it("answers 405 for a Viewer and 406 outside the scope", () => {
    const f = seeded();
    expectError(() => taskUpdate(f.state, f.viewer(), { id: taskId(f.state, "Write the report"), title: "x" }), 405);
    expectError(() => taskUpdate(f.state, f.me(), { id: taskId(f.state, "Alexey's private task"), title: "x" }), 406);
  });
});

describe("wrike.task.delete", () => {
  it("deletes tasks with their comments (to the trash), files and time logs", () => {
    const f = seeded();
    const report = taskId(f.state, "Write the report");
    const ideas = taskId(f.state, "Collect ideas");
    expect(taskDelete(f.state, f.me(), { ids: [report, ideas] }).body.list).toEqual([
      { id: report, title: "Write the report", deleted: true },
      { id: ideas, title: "Collect ideas", deleted: true },
    ]);
    expect(f.state.tasks.has(report)).toBe(false);
    expect(f.state.trash.tasks.get(report)!.deletedAt).toBe(f.now);
    expect([...f.state.trash.comments.values()].map((e) => e.record.taskId)).toEqual([report, report]);
    expect([...f.state.attachments.values(), ...f.state.timelogs.values()].filter((x) => x.taskId === report)).toEqual([]);
  });

  it("deletes nothing when one id is outside the scope (406), for a Viewer (405) or for no ids (407)", () => {
    const f = seeded();
    commentAdd(f.state, f.me(), { taskId: taskId(f.state, "Collect ideas"), text: "keep me" });
    const before = snapshot(f.state);
    expectError(() => taskDelete(f.state, f.me(), { ids: [taskId(f.state, "Collect ideas"), taskId(f.state, "Alexey's private task")] }), 406);
    expectError(() => taskDelete(f.state, f.viewer(), { ids: [taskId(f.state, "Write the report")] }), 405);
    expectError(() => taskDelete(f.state, f.me(), { ids: [] }), 407, /ids/);
    expect(snapshot(f.state)).toBe(before);
  });
});
