/**
 * Small lists page like the big ones: GET /groups filters by metadata and its page token "overrides any
 * other parameters in request" (the reference), and so does GET /approvals'.
 */
import { describe, expect, it } from "vitest";
import { newEmulator, spaceId } from "./harness.js";

describe("GET /groups", () => {
  it("filters by metadata (key, or key and value)", async () => {
    const { owner } = newEmulator();
    for (const [title, value] of [["Red team", "red"], ["Blue team", "blue"], ["No colour", undefined]] as const) {
      await owner.ok("POST", "/groups", { title, ...(value === undefined ? {} : { metadata: [{ key: "colour", value }] }) });
    }
    const titles = async (metadata: unknown) => (await owner.ok("GET", "/groups", { metadata })).map((g) => g.title).sort();
    expect(await titles({ key: "colour" })).toEqual(["Blue team", "Red team"]);
    expect(await titles({ key: "colour", value: "red" })).toEqual(["Red team"]);
    expect(await titles({ key: "size" })).toEqual([]);
  });

  it("keeps the first page's filter on every pageToken, whatever the request sends with it", async () => {
    const { owner } = newEmulator();
    for (let i = 0; i < 5; i++) await owner.ok("POST", "/groups", { title: `Tagged ${i}`, metadata: [{ key: "tag", value: "yes" }] });
    const first = await owner.call("GET", "/groups", { metadata: { key: "tag" }, pageSize: 2 });
    expect(first.body).toMatchObject({ responseSize: 5, nextPageToken: expect.any(String) });
    const seen = first.body.data!.map((g) => g.title);
    for (let token = first.body.nextPageToken; token !== undefined; ) {
      const next = await owner.call("GET", "/groups", { pageToken: token, metadata: { key: "other" } });
      expect(next.status).toBe(200);
      seen.push(...next.body.data!.map((g) => g.title));
      token = next.body.nextPageToken;
    }
    expect(seen.sort()).toEqual(["Tagged 0", "Tagged 1", "Tagged 2", "Tagged 3", "Tagged 4"]);
    const bad = await owner.call("GET", "/groups", { pageToken: "nonsense" });
    expect([bad.status, bad.body.error]).toEqual([400, "invalid_parameter"]);
    expect(bad.body.errorDescription).toContain("pageToken");
  });
});

describe("GET /approvals", () => {
  it("reads every page after the first with the first page's filters, as its token overrides the request's", async () => {
    const { owner } = newEmulator();
    const space = await spaceId(owner);
    const [task] = await owner.ok("POST", `/folders/${space}/tasks`, { title: "Needs approvals" });
    for (let i = 0; i < 3; i++) await owner.ok("POST", `/tasks/${task!.id}/approvals`, { description: `approval ${i}`, approvers: ["OYgzyijdAo5Q"] });
    const first = await owner.call("GET", "/approvals", { statuses: "Pending", pageSize: 1 });
    expect(first.body).toMatchObject({ responseSize: 3, nextPageToken: expect.any(String) });
    const seen = first.body.data!.map((a) => a.description);
    for (let token = first.body.nextPageToken; token !== undefined; ) {
      const next = await owner.call("GET", "/approvals", { nextPageToken: token, statuses: "Approved" });
      expect(next.status).toBe(200);
      seen.push(...next.body.data!.map((a) => a.description));
      token = next.body.nextPageToken;
    }
    expect(seen.sort()).toEqual(["approval 0", "approval 1", "approval 2"]);
  });
});

describe("filters on what the emulator does not model", () => {
  it("match time logs by the approval, export and billing status every time log shows", async () => {
    const { owner } = newEmulator();
    const all = await owner.ok("GET", "/timelogs");
    expect(all.length).toBeGreaterThan(0);
    const [shown] = await owner.ok("GET", "/timelogs", { fields: ["approvalStatus", "exportStatus", "billingType"] });
    const count = async (params: Record<string, unknown>) => (await owner.ok("GET", "/timelogs", params)).length;
    expect(await count({ billingTypes: [shown!.billingType] })).toBe(all.length);
    expect(await count({ billingTypes: [shown!.billingType === "Billable" ? "NonBillable" : "Billable"] })).toBe(0);
    expect(await count({ approvalStatuses: [shown!.approvalStatus] })).toBe(all.length);
    expect(await count({ approvalStatuses: ["Approved"] })).toBe(0);
    expect(await count({ exportStatuses: [shown!.exportStatus] })).toBe(all.length);
    expect(await count({ exportStatuses: ["Exported"] })).toBe(0);
  });

  it("find no task with a placeholder assignee or a custom item type, and no folder with a contract type", async () => {
    const { owner } = newEmulator();
    expect((await owner.ok("GET", "/tasks")).length).toBeGreaterThan(0);
    expect(await owner.ok("GET", "/tasks", { responsiblePlaceholders: ["IEAGKVLFPLACEHOLDER"] })).toEqual([]);
    expect(await owner.ok("GET", "/tasks", { customItemTypes: ["IEAGKVLFCUSTOMTYPE"] })).toEqual([]);
    expect((await owner.ok("GET", "/folders")).length).toBeGreaterThan(0);
    expect(await owner.ok("GET", "/folders", { contractTypes: "Billable" })).toEqual([]);
    expect(await owner.ok("GET", "/folders", { customItemTypes: ["IEAGKVLFCUSTOMTYPE"] })).toEqual([]);
  });
});
