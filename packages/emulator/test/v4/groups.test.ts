/** The v4 rules per group, through the in-process handler (the same code the HTTP server runs). */
import { describe, expect, it } from "vitest";
import { SEED_CREDENTIALS } from "../../src/engine/seed.js";
import { newEmulator, spaceId } from "./harness.js";

const OWNER = SEED_CREDENTIALS.user.uid;
const COLLABORATOR = SEED_CREDENTIALS.viewer.uid;

describe("v4 envelope and errors", () => {
  it("answers {kind, data} and the v4 error envelope with the spec's statuses", async () => {
    const { owner, emulator } = newEmulator();
    expect((await owner.call("GET", "/version")).body).toEqual({ kind: "version", data: [{ major: 4, minor: 0 }] });
    const missing = await owner.call("GET", "/tasks/IEAGKVLFKQNOPE");
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ error: "resource_not_found", errorDescription: 'Task "IEAGKVLFKQNOPE" not found' });
    expect((await owner.call("GET", "/nowhere")).body.error).toBe("method_not_found");
    const bad = await owner.call("GET", "/tasks", { status: "Active" });
    expect([bad.status, bad.body.error]).toEqual([400, "invalid_parameter"]);
    expect(bad.body.errorDescription).toMatch(/status/);
    const unknown = await owner.call("GET", "/tasks", { colour: "red" });
    expect(unknown.body.errorDescription).toMatch(/colour/);
    const required = await owner.call("POST", `/folders/${await spaceId(owner)}/tasks`, { description: "no title" });
    expect([required.status, required.body.error, required.body.errorDescription]).toEqual([400, "parameter_required", "Missing required parameter: title"]);
    const anonymous = await emulator.handle(new Request("http://localhost/api/v4/tasks"));
    expect([anonymous.status, (await anonymous.json()).error]).toEqual([401, "not_authorized"]);
  });

  it("answers operations it keeps no state for with a document built from the spec's model", async () => {
    const { owner } = newEmulator();
    const first = await owner.call("GET", "/data_export");
    expect(first.status).toBe(200);
    expect(first.body.kind).toBe("dataExports");
    expect(first.body.data![0]).toMatchObject({ id: expect.any(String), status: expect.any(String) });
    expect((await owner.call("GET", "/data_export")).body).toEqual(first.body);
  });
});

describe("v4 scopes and rights", () => {
  it("enforces the token's scopes per operation and the user's role", async () => {
    const { readOnly, collaborator, owner } = newEmulator();
    const space = await spaceId(owner);
    expect((await readOnly.ok("GET", "/tasks")).length).toBeGreaterThan(0);
    const write = await readOnly.call("POST", `/folders/${space}/tasks`, { title: "x" });
    expect([write.status, write.body.error]).toEqual([403, "not_allowed"]);
    expect(write.body.errorDescription).toMatch(/wsReadOnly.*Default, wsReadWrite/);
    const groups = await readOnly.call("GET", "/groups");
    expect(groups.status).toBe(403);
    const collaboratorCreates = await collaborator.call("POST", `/folders/${space}/tasks`, { title: "x" });
    expect([collaboratorCreates.status, collaboratorCreates.body.error]).toEqual([403, "not_allowed"]);
    // A Collaborator may change the status of a task assigned to them, and nothing else.
    const [task] = await owner.ok("POST", `/folders/${space}/tasks`, { title: "for Vera", responsibles: [COLLABORATOR] });
    expect((await collaborator.ok("PUT", `/tasks/${task!.id}`, { status: "Completed" }))[0]!.status).toBe("Completed");
    expect((await collaborator.call("PUT", `/tasks/${task!.id}`, { title: "renamed" })).status).toBe(403);
    expect((await collaborator.call("PUT", "/users/" + OWNER, { profile: { role: "Collaborator" } })).status).toBe(403);
  });
});

describe("v4 tasks", () => {
  it("keeps dates by type, statuses with custom statuses, and optional fields only when asked", async () => {
    const { owner } = newEmulator();
    const space = await spaceId(owner);
    const [planned] = await owner.ok("POST", `/folders/${space}/tasks`, { title: "Planned", dates: { start: "2026-12-07", due: "2026-12-11" } });
    expect(planned!.dates).toEqual({ type: "Planned", start: "2026-12-07T09:00:00", due: "2026-12-11T17:00:00", duration: 2400, workOnWeekends: false });
    const [milestone] = await owner.ok("POST", `/folders/${space}/tasks`, { title: "Milestone", dates: { due: "2026-12-24T12:00:00" } });
    expect(milestone!.dates).toEqual({ type: "Milestone", due: "2026-12-24T12:00:00", workOnWeekends: false });
    const [backlog] = await owner.ok("POST", `/folders/${space}/tasks`, { title: "Backlog", dates: { type: "Backlog", duration: 60 } });
    expect(backlog!.dates).toEqual({ type: "Backlog", duration: 60, workOnWeekends: false });
    expect((await owner.call("POST", `/folders/${space}/tasks`, { title: "x", dates: { start: "2026-12-10", due: "2026-12-01" } })).body.errorDescription).toMatch(/before start/);
    expect((await owner.call("POST", `/folders/${space}/tasks`, { title: "x", dates: { type: "Milestone" } })).body.errorDescription).toMatch(/needs a due date/);
    expect((await owner.call("POST", `/folders/${space}/tasks`, { title: "x", dates: { start: "2026-02-30" } })).status).toBe(400);

    const [workflow] = await owner.ok("GET", "/workflows");
    const onHold = workflow!.customStatuses.find((s: { group: string }) => s.group === "Deferred");
    const [held] = await owner.ok("PUT", `/tasks/${planned!.id}`, { customStatus: onHold.id });
    expect([held!.status, held!.customStatusId]).toEqual(["Deferred", onHold.id]);
    expect((await owner.call("PUT", `/tasks/${planned!.id}`, { status: "Active", customStatus: onHold.id })).body.errorDescription).toMatch(/contradicts/);
    const [done] = await owner.ok("PUT", `/tasks/${planned!.id}`, { status: "Completed" });
    expect(done!.completedDate).toBe("2026-12-01T10:00:00Z");
    // PUT answers the full task (its fields argument lists only the rarer optional fields).
    expect(done).toMatchObject({ description: "" });
    expect(done).not.toHaveProperty("billingType");
    const [full] = await owner.ok("GET", `/tasks/${planned!.id}`);
    expect(full).toMatchObject({ description: "", parentIds: [space], authorIds: [OWNER], subTaskIds: [] });
    expect(full).not.toHaveProperty("billingType");
    const listed = (await owner.ok("GET", "/tasks", { fields: ["description", "responsibleIds"] })).find((t) => t.id === planned!.id);
    expect(listed).toMatchObject({ description: "", responsibleIds: [] });
    expect(listed).not.toHaveProperty("parentIds");
  });

  it("links subtasks both ways, refuses cycles, and removes metadata and custom field values with null", async () => {
    const { owner } = newEmulator();
    const space = await spaceId(owner);
    const [parent] = await owner.ok("POST", `/folders/${space}/tasks`, { title: "parent" });
    const [child] = await owner.ok("POST", `/folders/${space}/tasks`, { title: "child", superTasks: [parent!.id], metadata: [{ key: "k", value: "v" }, { key: "gone", value: "x" }] });
    expect((await owner.ok("GET", `/tasks/${parent!.id}`))[0]!.subTaskIds).toEqual([child!.id]);
    expect((await owner.call("PUT", `/tasks/${parent!.id}`, { addSuperTasks: [child!.id] })).body.errorDescription).toMatch(/own super task/);
    const [field] = await owner.ok("GET", "/customfields");
    const [updated] = await owner.ok("PUT", `/tasks/${child!.id}`, { metadata: [{ key: "gone", value: null }], customFields: [{ id: field!.id, value: "42" }] });
    const [read] = await owner.ok("GET", `/tasks/${updated!.id}`);
    expect(read!.metadata).toEqual([{ key: "k", value: "v" }]);
    expect(read!.customFields).toEqual([{ id: field!.id, value: "42" }]);
    const [cleared] = await owner.ok("PUT", `/tasks/${child!.id}`, { customFields: [{ id: field!.id, value: null }] });
    expect((await owner.ok("GET", `/tasks/${cleared!.id}`))[0]!.customFields).toEqual([]);
    expect((await owner.call("PUT", `/tasks/${child!.id}`, { customFields: [{ id: "nope", value: "1" }] })).body.errorDescription).toMatch(/customFields\[0\]\.id/);
    // Subtasks are left out of lists unless subTasks=true.
    expect((await owner.ok("GET", "/tasks")).map((t) => t.id)).not.toContain(child!.id);
    expect((await owner.ok("GET", "/tasks", { subTasks: true })).map((t) => t.id)).toContain(child!.id);
  });

  it("filters lists and deletes to the recycle bin", async () => {
    const { owner } = newEmulator();
    const space = await spaceId(owner);
    const [high] = await owner.ok("POST", `/folders/${space}/tasks`, { title: "Alpha high", importance: "High", responsibles: [OWNER] });
    await owner.ok("POST", `/folders/${space}/tasks`, { title: "Beta low", importance: "Low" });
    expect((await owner.ok("GET", "/tasks", { importance: "High", title: "alpha" })).map((t) => t.id)).toEqual([high!.id]);
    expect((await owner.ok("GET", `/spaces/${space}/tasks`)).map((t) => t.title)).toEqual(["Alpha high", "Beta low"]);
    expect((await owner.ok("GET", `/folders/${space}/tasks`, { responsibles: [OWNER] })).map((t) => t.id)).toEqual([high!.id]);
    const sorted = await owner.ok("GET", `/spaces/${space}/tasks`, { sortField: "Title", sortOrder: "Desc" });
    expect(sorted.map((t) => t.title)).toEqual(["Beta low", "Alpha high"]);
    const [deleted] = await owner.ok("DELETE", `/tasks/${high!.id}`);
    expect(deleted!.scope).toBe("RbTask");
    expect((await owner.ok("GET", "/tasks")).map((t) => t.id)).not.toContain(high!.id);
    const [restored] = await owner.ok("PUT", `/tasks/${high!.id}`, { restore: true });
    expect(restored!.scope).toBe("WsTask");
  });
});

describe("v4 folders, projects and spaces", () => {
  it("keeps the tree: parents and childIds in step, no cycles, projects with statuses, delete and restore", async () => {
    const { owner } = newEmulator();
    const space = await spaceId(owner);
    const [a] = await owner.ok("POST", `/folders/${space}/folders`, { title: "A" });
    const [b] = await owner.ok("POST", `/folders/${a!.id}/folders`, { title: "B", project: { status: "Yellow", startDate: "2026-12-01", endDate: "2026-12-20" } });
    expect(b!.project).toMatchObject({ status: "Yellow", ownerIds: [OWNER], startDate: "2026-12-01" });
    expect((await owner.ok("GET", `/folders/${a!.id}`))[0]!.childIds).toEqual([b!.id]);
    expect((await owner.call("PUT", `/folders/${a!.id}`, { addParents: [b!.id] })).body.errorDescription).toMatch(/own ancestor/);
    const [completed] = await owner.ok("PUT", `/folders/${b!.id}`, { project: { status: "Completed" } });
    expect(completed!.project).toMatchObject({ status: "Completed", completedDate: "2026-12-01T10:00:00Z" });
    expect((await owner.call("PUT", `/folders/${b!.id}`, { project: { startDate: "2026-12-30" } })).body.errorDescription).toMatch(/before startDate/);
    const projects = await owner.ok("GET", "/folders", { project: true });
    expect(projects.map((f) => f.title)).toContain("B");
    expect(projects.every((f) => f.project !== undefined)).toBe(true);
    const [task] = await owner.ok("POST", `/folders/${b!.id}/tasks`, { title: "inside B" });
    await owner.ok("DELETE", `/folders/${a!.id}`);
    expect((await owner.ok("GET", `/tasks/${task!.id}`))[0]!.scope).toBe("RbTask");
    expect((await owner.ok("GET", `/spaces/${space}/folders`)).map((f) => f.id)).not.toContain(a!.id);
    await owner.ok("PUT", `/folders/${a!.id}`, { restore: true });
    expect((await owner.ok("GET", `/tasks/${task!.id}`))[0]!.scope).toBe("WsTask");
    expect((await owner.ok("GET", `/folders/${space}`))[0]!.childIds).toContain(a!.id);
  });

  it("creates private spaces only their members see", async () => {
    const { owner, collaborator } = newEmulator();
    const [secret] = await owner.ok("POST", "/spaces", { title: "Secret", accessType: "Private" });
    expect((await collaborator.call("GET", `/spaces/${secret!.id}`)).status).toBe(404);
    await owner.ok("PUT", `/spaces/${secret!.id}`, { membersAdd: [{ id: COLLABORATOR }] });
    expect((await collaborator.ok("GET", `/spaces/${secret!.id}`))[0]!.title).toBe("Secret");
  });
});

describe("v4 comments, attachments, timelogs, dependencies, approvals", () => {
  it("lets only a comment's author change it", async () => {
    const { owner, collaborator } = newEmulator();
    const space = await spaceId(owner);
    const [task] = await owner.ok("POST", `/folders/${space}/tasks`, { title: "talk", responsibles: [COLLABORATOR] });
    const [comment] = await owner.ok("POST", `/tasks/${task!.id}/comments`, { text: "<b>hello</b>" });
    expect((await collaborator.call("PUT", `/comments/${comment!.id}`, { text: "hijack" })).status).toBe(403);
    expect((await owner.ok("GET", `/tasks/${task!.id}/comments`, { plainText: true }))[0]!.text).toBe("hello");
    await owner.ok("DELETE", `/comments/${comment!.id}`);
    expect(await owner.ok("GET", `/tasks/${task!.id}/comments`)).toEqual([]);
  });

  it("uploads raw bodies with X-File-Name, versions by name, and downloads the bytes", async () => {
    const { owner } = newEmulator();
    const space = await spaceId(owner);
    const [task] = await owner.ok("POST", `/folders/${space}/tasks`, { title: "files" });
    const upload = (bytes: number[]) => owner.ok("POST", `/tasks/${task!.id}/attachments`, {}, { body: new Uint8Array(bytes), headers: { "x-file-name": encodeURIComponent("plan ü.txt"), "content-type": "application/octet-stream" } });
    const [v1] = await upload([1, 2, 3]);
    const [v2] = await upload([4, 5]);
    expect([v1!.name, v1!.version, v2!.version, v2!.originVersionId, v2!.size]).toEqual(["plan ü.txt", 1, 2, v1!.id, 2]);
    expect((await owner.ok("GET", `/tasks/${task!.id}/attachments`)).map((a) => a.id)).toEqual([v2!.id]);
    expect((await owner.ok("GET", `/tasks/${task!.id}/attachments`, { versions: true })).length).toBe(2);
    const [download] = await owner.ok("GET", `/attachments/${v1!.id}/download`);
    expect([...download!.bytes]).toEqual([1, 2, 3]);
    const noName = await owner.call("POST", `/tasks/${task!.id}/attachments`, {}, { body: new Uint8Array([1]) });
    expect(noName.body.errorDescription).toMatch(/fileName/);
  });

  it("logs time in categories and checks hours", async () => {
    const { owner } = newEmulator();
    const [task] = await owner.ok("GET", "/tasks");
    const [category] = await owner.ok("GET", "/timelog_categories");
    const [log] = await owner.ok("POST", `/tasks/${task!.id}/timelogs`, { hours: 1.5, comment: "work", trackedDate: "2026-12-01", categoryId: category!.id });
    expect(log).toMatchObject({ hours: 1.5, trackedDate: "2026-12-01", categoryId: category!.id, userId: OWNER });
    expect((await owner.call("POST", `/tasks/${task!.id}/timelogs`, { hours: 25, comment: "x", trackedDate: "2026-12-01" })).body.errorDescription).toMatch(/hours/);
    expect((await owner.ok("GET", `/timelog_categories/${category!.id}/timelogs`)).map((l) => l.id)).toEqual([log!.id]);
    await owner.ok("PUT", `/timelogs/${log!.id}`, { hours: 2 });
    expect((await owner.ok("GET", `/timelogs/${log!.id}`))[0]!.hours).toBe(2);
  });

  it("keeps dependencies on both tasks and finishes approvals", async () => {
    const { owner, emulator } = newEmulator();
    const space = await spaceId(owner);
    const [a] = await owner.ok("POST", `/folders/${space}/tasks`, { title: "a" });
    const [b] = await owner.ok("POST", `/folders/${space}/tasks`, { title: "b" });
    const [dep] = await owner.ok("POST", `/tasks/${b!.id}/dependencies`, { predecessorId: a!.id, successorId: b!.id, relationType: "FinishToStart" });
    expect((await owner.ok("GET", `/tasks/${a!.id}`))[0]!.dependencyIds).toEqual([dep!.id]);
    expect((await owner.call("POST", `/tasks/${b!.id}/dependencies`, { predecessorId: a!.id, successorId: b!.id, relationType: "FinishToStart" })).status).toBe(400);
    await owner.ok("DELETE", `/dependencies/${dep!.id}`);
    expect((await owner.ok("GET", `/tasks/${b!.id}/dependencies`))).toEqual([]);

    const [approval] = await owner.ok("POST", `/tasks/${a!.id}/approvals`, { approvers: [OWNER], description: "ok?" });
    expect(approval).toMatchObject({ status: "Pending", finished: false, decisions: [{ approverId: OWNER, status: "Pending" }] });
    const [cancelled] = await owner.ok("DELETE", `/approvals/${approval!.id}`);
    expect(cancelled!.status).toBe("Cancelled");
    expect((await owner.call("PUT", `/approvals/${approval!.id}`, { description: "late" })).status).toBe(403);
    expect(emulator.v4.approvals.size).toBe(1);
  });
});

describe("v4 async jobs, ids, account", () => {
  it("runs POST /batch as a job polled to completion", async () => {
    const { owner } = newEmulator();
    const space = await spaceId(owner);
    const operations = Array.from({ length: 60 }, (_, i) => ({ method: "POST", url: `/folders/${space}/tasks`, params: { title: `batch ${i}`, importance: "Low" } }));
    const [job] = await owner.ok("POST", "/batch", { operations });
    expect(job).toMatchObject({ status: "InProgress", totalCount: 60, processedCount: 0 });
    let polled = job!;
    const seen: string[] = [];
    while (polled.status === "InProgress") {
      [polled] = (await owner.ok("GET", `/async_job/${job!.id}`)) as [typeof polled];
      seen.push(polled.status);
    }
    expect(seen[0]).toBe("InProgress");
    expect(polled).toMatchObject({ status: "Completed", processedCount: 60, progressPercent: 100 });
    expect(polled.result.map((t: { title: string }) => t.title)).toEqual(operations.map((o) => o.params.title));
    const read = await owner.call("POST", "/batch", { operations: [{ method: "GET", url: "/tasks" }] });
    expect([read.status, read.body.errorDescription]).toEqual([400, expect.stringMatching(/not a write operation/)]);
    const badArgs = await owner.call("POST", "/batch", { operations: [{ method: "POST", url: `/folders/${space}/tasks`, params: { importance: "Urgent" } }] });
    expect(badArgs.body.errorDescription).toMatch(/importance/);
    const bad = await owner.call("POST", "/batch", { operations: [{ url: "/tasks" }] });
    expect(bad.body.errorDescription).toMatch(/operations\[0\]/);
  });

  it("copies a folder asynchronously and converts v2 ids of the seeded objects", async () => {
    const { owner, emulator } = newEmulator();
    const space = await spaceId(owner);
    const [source] = await owner.ok("POST", `/folders/${space}/folders`, { title: "Template" });
    await owner.ok("POST", `/folders/${source!.id}/tasks`, { title: "step" });
    const [job] = await owner.ok("POST", `/copy_folder_async/${source!.id}`, { parent: space, title: "Copy" });
    const [done] = await owner.ok("GET", `/async_job/${job!.id}`);
    expect(done!.status).toBe("Completed");
    const copyId = done!.result[0].id;
    expect((await owner.ok("GET", `/folders/${copyId}/tasks`)).map((t) => t.title)).toEqual(["step"]);

    const v2Task = [...emulator.state.tasks.values()][0]!;
    const pairs = await owner.ok("GET", "/ids", { type: "ApiV2Task", ids: [String(v2Task.id), "999999"] });
    expect(pairs).toHaveLength(1);
    expect((await owner.ok("GET", `/tasks/${pairs[0]!.id}`))[0]!.title).toBe(v2Task.title);
  });

  it("keeps account metadata, removing an entry with null", async () => {
    const { owner, collaborator } = newEmulator();
    await owner.ok("PUT", "/account", { metadata: [{ key: "env", value: "test" }] });
    expect((await owner.ok("GET", "/account", { fields: ["metadata"] }))[0]!.metadata).toEqual([{ key: "env", value: "test" }]);
    await owner.ok("PUT", "/account", { metadata: [{ key: "env", value: null }] });
    expect((await owner.ok("GET", "/account", { fields: ["metadata"] }))[0]!.metadata).toEqual([]);
    expect((await collaborator.call("PUT", "/account", { metadata: [{ key: "x", value: "y" }] })).status).toBe(403);
  });
});

describe("v4 sharing", () => {
  it("a task in the account root is shared with its author and responsibles only; inherited users cannot be unshared silently", async () => {
    const { owner, collaborator, emulator } = newEmulator();
    const root = emulator.v4.rootFolderId;
    const [mine] = await owner.ok("POST", `/folders/${root}/tasks`, { title: "private to me" });
    expect((await collaborator.call("GET", `/tasks/${mine!.id}`)).status).toBe(404);
    const [shared] = await owner.ok("PUT", `/tasks/${mine!.id}`, { addShareds: [COLLABORATOR] });
    expect(shared!.sharedIds).toEqual([OWNER, COLLABORATOR]);
    expect((await collaborator.ok("GET", `/tasks/${mine!.id}`))[0]!.title).toBe("private to me");
    await owner.ok("PUT", `/tasks/${mine!.id}`, { removeShareds: [COLLABORATOR] });
    expect((await collaborator.call("GET", `/tasks/${mine!.id}`)).status).toBe(404);
    const refused = await owner.call("PUT", `/tasks/${mine!.id}`, { removeShareds: [OWNER] });
    expect(refused.body.errorDescription).toMatch(/removeShareds: .*author/);
  });
});
