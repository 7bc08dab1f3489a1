import { describe, expect, it } from "vitest";
import { folderAdd, folderDelete, folderGet, folderTree, folderUpdate } from "../../src/engine/folders.js";
import { taskAdd } from "../../src/engine/tasks.js";
import { expectError, folderId, seeded, snapshot, taskId, UID } from "./fixture.js";

describe("wrike.folder.tree", () => {
  it("lists the root first, then every path to every visible folder, a DAG folder once per parent", () => {
    const f = seeded();
    const { folders } = folderTree(f.state, f.me(), {}).body;
    expect(folders[0]).toEqual({ id: 0, parentId: 0, title: "/", fullPath: "/", minimalPath: "/" });
    expect(folders.map((e) => e.fullPath)).toEqual(["/", "/spool", "/spool/test", "/spool/Launch", "/Marketing", "/Marketing/Launch"]);
    const launch = folderId(f.state, "Launch");
    expect(folders.filter((e) => e.id === launch).map((e) => e.parentId)).toEqual([folderId(f.state, "spool"), folderId(f.state, "Marketing")]);
    expect(folders.find((e) => e.fullPath === "/spool/test")!.minimalPath).toBe("test");
  });

  it("lengthens minimalPath until it is unique", () => {
    const f = seeded();
    folderAdd(f.state, f.me(), { title: "test", parents: [folderId(f.state, "Marketing")] });
    const { folders } = folderTree(f.state, f.me(), {}).body;
    expect(folders.filter((e) => e.title === "test").map((e) => e.minimalPath)).toEqual(["spool/test", "Marketing/test"]);
  });

  it("shows only the first layer with includeChilds=false, and a folder's descendants with parentId", () => {
    const f = seeded();
    expect(folderTree(f.state, f.me(), { includeChilds: false }).body.folders.map((e) => e.fullPath)).toEqual(["/", "/spool", "/Marketing"]);
    const spool = folderId(f.state, "spool");
    expect(folderTree(f.state, f.me(), { parentId: spool }).body.folders.map((e) => e.fullPath)).toEqual(["/spool/test", "/spool/Launch"]);
  });

  it("shows a user only the folders shared with them; a shared folder whose parents they cannot see hangs from the root", () => {
    const f = seeded();
    expect(folderTree(f.state, f.viewer(), {}).body.folders.map((e) => e.fullPath)).toEqual(["/", "/spool", "/spool/test", "/spool/Launch"]);
    const notes = folderId(f.state, "Alexey's notes");
    folderUpdate(f.state, f.alexey(), { id: notes, title: "Alexey's notes", sharedUsers: [UID.me] });
    const inner = folderAdd(f.state, f.alexey(), { title: "inner", parents: [notes] }).body;
    folderUpdate(f.state, f.alexey(), { id: notes, title: "Alexey's notes", sharedUsers: [] });
    expect(folderTree(f.state, f.me(), {}).body.folders.find((e) => e.id === inner.id)).toMatchObject({ parentId: 0, fullPath: "/inner" });
  });

  it("answers 406 for a parentId outside the caller's scope", () => {
    const f = seeded();
    expectError(() => folderTree(f.state, f.me(), { parentId: folderId(f.state, "Alexey's notes") }), 406, /folder scope/);
    expectError(() => folderTree(f.state, f.me(), { parentId: 99_999 }), 406);
  });
});

describe("wrike.folder.get", () => {
  it("returns the folder with the reference's fields and date format", () => {
    const f = seeded();
    const folder = folderGet(f.state, f.me(), { id: folderId(f.state, "spool") });
    expect(folder.root).toBe("folder");
    expect(folder.body).toEqual({
      id: folderId(f.state, "spool"),
      title: "spool",
      description: "Description of my first project",
      authorUid: UID.me,
      createdDate: "2024-03-13 10:30:00.0",
      whoChanged: UID.me,
      lastUpdatedDate: "2024-03-13 10:30:00.0",
      attachmentsCount: 0,
      commentsCount: 0,
      sharedUsers: [UID.me, UID.alexey, UID.viewer],
      parents: [0],
    });
  });

  it("refuses the root folder with 405 and folders outside the scope with 406", () => {
    const f = seeded();
    expectError(() => folderGet(f.state, f.me(), { id: 0 }), 405, /'Get' operation is forbidden for 'RootFolder' \(id = 0\)/);
    expectError(() => folderGet(f.state, f.me(), { id: folderId(f.state, "Alexey's notes") }), 406, /id = \d+/);
    expectError(() => folderGet(f.state, f.me(), { id: taskId(f.state, "Collect ideas") }), 406);
  });
});

describe("wrike.folder.add", () => {
  it("adds to the root by default, shared with the author", () => {
    const f = seeded();
    const folder = folderAdd(f.state, f.me(), { title: "New", description: "d" }).body;
    expect(folder).toMatchObject({ title: "New", description: "d", parents: [0], sharedUsers: [UID.me], authorUid: UID.me });
    expect(f.state.folders.has(folder.id)).toBe(true);
  });

  it("gains the shared users of its parents (rule folderInheritsSharing)", () => {
    const f = seeded();
    const folder = folderAdd(f.state, f.me(), { title: "Child", parents: [folderId(f.state, "spool")], sharedUsers: [UID.dmitry] }).body;
    expect(folder.sharedUsers).toEqual([UID.me, UID.dmitry, UID.alexey, UID.viewer]);
  });

  it("refuses the root together with another parent (407), a parent outside the scope (406), unknown users and blank titles (407)", () => {
    const f = seeded();
    const before = snapshot(f.state);
    expectError(() => folderAdd(f.state, f.me(), { title: "x", parents: [0, folderId(f.state, "spool")] }), 407, /parents: a folder in the root folder \(0\) cannot also be in another folder/);
    expectError(() => folderAdd(f.state, f.me(), { title: "x", parents: [folderId(f.state, "Alexey's notes")] }), 406, /parents/);
    expectError(() => folderAdd(f.state, f.me(), { title: "x", sharedUsers: ["nobody"] }), 407, /sharedUsers/);
    expectError(() => folderAdd(f.state, f.me(), { title: "  " }), 407, /title/);
    expect(snapshot(f.state)).toBe(before);
  });

  it("refuses a Viewer with 405", () => {
    const f = seeded();
    expectError(() => folderAdd(f.state, f.viewer(), { title: "x" }), 405, /Viewer license/);
  });
});

describe("wrike.folder.update", () => {
  it("changes what is given, keeps what is not, and records who and when", () => {
    const f = seeded();
    const test = folderId(f.state, "test");
    f.advance(60_000);
    const folder = folderUpdate(f.state, f.me(), { id: test, title: "tested" }).body;
    expect(folder).toMatchObject({ title: "tested", parents: [folderId(f.state, "spool")], lastUpdatedDate: "2024-03-13 10:31:00.0", createdDate: "2024-03-13 10:30:00.0" });
  });

  it("moves a folder: into other folders it gains their shared users; to [0] it goes to the root", () => {
    const f = seeded();
    const marketing = folderId(f.state, "Marketing");
    const moved = folderUpdate(f.state, f.me(), { id: marketing, title: "Marketing", parents: [folderId(f.state, "test")] }).body;
    expect(moved.parents).toEqual([folderId(f.state, "test")]);
    expect(moved.sharedUsers).toEqual([UID.me, UID.alexey, UID.viewer]);
    expect(folderUpdate(f.state, f.me(), { id: marketing, title: "Marketing", parents: [0] }).body.parents).toEqual([0]);
  });

  it("refuses a move that would close a cycle (407)", () => {
    const f = seeded();
    const spool = folderId(f.state, "spool");
    expectError(() => folderUpdate(f.state, f.me(), { id: spool, title: "spool", parents: [folderId(f.state, "test")] }), 407, /parents: folder \d+ is folder \d+ or lies inside it/);
    expectError(() => folderUpdate(f.state, f.me(), { id: spool, title: "spool", parents: [spool] }), 407, /parents/);
    expectError(() => folderUpdate(f.state, f.me(), { id: spool, title: "spool", parents: [0, folderId(f.state, "Marketing")] }), 407, /root folder/);
  });

  it("keeps the caller among the shared users when sharedUsers replaces them", () => {
    const f = seeded();
    const folder = folderUpdate(f.state, f.me(), { id: folderId(f.state, "spool"), title: "spool", sharedUsers: [UID.dmitry] }).body;
    expect(folder.sharedUsers).toEqual([UID.me, UID.dmitry]);
  });

  it("answers 405 for the root, a deleted folder and a Viewer; 406 outside the scope", () => {
    const f = seeded();
    expectError(() => folderUpdate(f.state, f.me(), { id: 0, title: "x" }), 405, /RootFolder cannot be updated/);
    const marketing = folderId(f.state, "Marketing");
    folderDelete(f.state, f.me(), { ids: [marketing] });
    expectError(() => folderUpdate(f.state, f.me(), { id: marketing, title: "x" }), 405, /deleted folder/);
    expectError(() => folderUpdate(f.state, f.viewer(), { id: folderId(f.state, "spool"), title: "x" }), 405, /Viewer/);
    expectError(() => folderUpdate(f.state, f.me(), { id: folderId(f.state, "Alexey's notes"), title: "x" }), 406);
  });
});

describe("wrike.folder.delete", () => {
  it("deletes descendants not included elsewhere, reports them, and unlinks the survivors (rule folderDeleteCascade)", () => {
    const f = seeded();
    const [spool, test, launch, marketing] = ["spool", "test", "Launch", "Marketing"].map((t) => folderId(f.state, t));
    const report = taskId(f.state, "Write the report");
    const shipped = taskId(f.state, "Ship version 1");
    const review = taskId(f.state, "Review the launch plan");
    const { list } = folderDelete(f.state, f.me(), { ids: [spool!] }).body;
    expect(list).toEqual([{ id: spool, title: "spool", deleted: true, deletedElements: [spool, test, report, shipped] }]);
    expect(f.state.folders.has(spool!)).toBe(false);
    expect(f.state.tasks.has(report)).toBe(false);
    expect(f.state.folders.get(launch!)!.parents).toEqual([marketing]);
    expect(f.state.tasks.get(review)!.parents).toEqual([launch]);
    expect(f.state.trash.folders.has(test!)).toBe(true);
    // The report's comments, time log and file went with it.
    expect([...f.state.comments.values()].filter((c) => c.taskId === report)).toEqual([]);
    expect([...f.state.timelogs.values()].filter((t) => t.taskId === report)).toEqual([]);
    expect([...f.state.attachments.values()].filter((a) => a.taskId === report)).toEqual([]);
  });

  it("deletes an element reachable only through deleted folders, even when it had several parents", () => {
    const f = seeded();
    const [spool, marketing, launch] = ["spool", "Marketing", "Launch"].map((t) => folderId(f.state, t));
    const review = taskId(f.state, "Review the launch plan");
    const { list } = folderDelete(f.state, f.me(), { ids: [spool!, marketing!] }).body;
    expect(list[0]!.deletedElements).toContain(launch);
    expect(list[1]!.deletedElements).toEqual(expect.arrayContaining([marketing, launch, review]));
    expect(f.state.folders.size).toBe(1);
  });

  it("answers 405 for the root or a Viewer and 406 outside the scope, changing nothing", () => {
    const f = seeded();
    const before = snapshot(f.state);
    expectError(() => folderDelete(f.state, f.me(), { ids: [folderId(f.state, "test"), 0] }), 405, /'Delete' operation is forbidden for 'RootFolder'/);
    expectError(() => folderDelete(f.state, f.me(), { ids: [folderId(f.state, "test"), folderId(f.state, "Alexey's notes")] }), 406);
    expectError(() => folderDelete(f.state, f.viewer(), { ids: [folderId(f.state, "test")] }), 405);
    expectError(() => folderDelete(f.state, f.me(), { ids: [] }), 407, /ids/);
    expect(snapshot(f.state)).toBe(before);
  });

  it("leaves a task that is also in a surviving folder", () => {
    const f = seeded();
    const [test, marketing] = ["test", "Marketing"].map((t) => folderId(f.state, t));
    const both = taskAdd(f.state, f.me(), { title: "both", parents: [test!, marketing!] }).body;
    expect(folderDelete(f.state, f.me(), { ids: [test!] }).body.list[0]!.deletedElements).not.toContain(both.id);
    expect(f.state.tasks.get(both.id)!.parents).toEqual([marketing]);
  });
});
