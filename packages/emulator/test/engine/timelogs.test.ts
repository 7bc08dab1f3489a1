import { describe, expect, it } from "vitest";
import { timelogAdd, timelogDelete, timelogList } from "../../src/engine/timelogs.js";
import { expectError, seeded, snapshot, taskId, UID } from "./fixture.js";

describe("time logs", () => {
  it("adds a time log for a day, rendered at midnight", () => {
    const f = seeded();
    const task = taskId(f.state, "Collect ideas");
    const log = timelogAdd(f.state, f.me(), { taskId: task, date: "2010-11-30", hours: 10 });
    expect(log).toEqual({ root: "timelog", body: { id: log.body.id, userUid: UID.me, taskId: task, date: "2010-11-30 00:00:00.0", hours: 10 } });
    expect(timelogAdd(f.state, f.me(), { taskId: task, date: new Date(Date.UTC(2024, 0, 2, 15)), hours: 2.1 }).body.date).toBe("2024-01-02 00:00:00.0");
  });

  it("lists a task's logs of every user, or without taskId every log of the caller", () => {
    const f = seeded();
    const report = taskId(f.state, "Write the report");
    const ideas = taskId(f.state, "Collect ideas");
    timelogAdd(f.state, f.alexey(), { taskId: report, date: "2024-03-12", hours: 1 });
    timelogAdd(f.state, f.me(), { taskId: ideas, date: "2024-03-12", hours: 3 });
    expect(timelogList(f.state, f.me(), { taskId: report }).body.list.map((t) => [t.userUid, t.hours])).toEqual([[UID.me, 2.5], [UID.alexey, 1]]);
    expect(timelogList(f.state, f.me(), {}).body.list.map((t) => [t.taskId, t.hours])).toEqual([[report, 2.5], [ideas, 3]]);
    expect(timelogList(f.state, f.viewer(), {}).body.list).toEqual([]);
  });

  it("deletes the caller's own logs", () => {
    const f = seeded();
    const own = [...f.state.timelogs.values()][0]!;
    expect(timelogDelete(f.state, f.me(), { ids: [own.id] }).body.list).toEqual([expect.objectContaining({ id: own.id, hours: 2.5, deleted: true })]);
    expect(f.state.timelogs.size).toBe(0);
  });

  it("answers 406 outside the scope or for another user's log, 405 for a Viewer, 407 for bad hours or dates", () => {
    const f = seeded();
    const report = taskId(f.state, "Write the report");
    const alexeys = timelogAdd(f.state, f.alexey(), { taskId: report, date: "2024-03-12", hours: 1 }).body;
    const before = snapshot(f.state);
    expectError(() => timelogList(f.state, f.me(), { taskId: taskId(f.state, "Alexey's private task") }), 406, /taskId/);
    expectError(() => timelogAdd(f.state, f.me(), { taskId: taskId(f.state, "Alexey's private task"), date: "2024-03-12", hours: 1 }), 406);
    expectError(() => timelogDelete(f.state, f.me(), { ids: [alexeys.id] }), 406, /time log/);
    expectError(() => timelogAdd(f.state, f.viewer(), { taskId: report, date: "2024-03-12", hours: 1 }), 405);
    expectError(() => timelogDelete(f.state, f.viewer(), { ids: [alexeys.id] }), 405);
    expectError(() => timelogAdd(f.state, f.me(), { taskId: report, date: "2024-03-12", hours: 0 }), 407, /hours/);
    expectError(() => timelogAdd(f.state, f.me(), { taskId: report, date: "2024-03-12", hours: 25 }), 407, /hours/);
    expectError(() => timelogAdd(f.state, f.me(), { taskId: report, date: "2024-02-31", hours: 1 }), 407, /date/);
    expectError(() => timelogDelete(f.state, f.me(), { ids: [] }), 407, /ids/);
    expect(snapshot(f.state)).toBe(before);
  });
});
