/** Page tokens under churn: a walk over 10,000 tasks while tasks are added and deleted loses and repeats nothing. */
import { describe, expect, it } from "vitest";
import type { V4Call } from "../../src/v4/engine/call.js";
import { createTask, eraseTask } from "../../src/v4/engine/tasks.js";
import { newEmulator, spaceId } from "./harness.js";

function engineCall(emulator: ReturnType<typeof newEmulator>["emulator"]): V4Call {
  const uid = emulator.credentials.user.uid;
  return { state: emulator.v4, caller: { user: emulator.state.users.get(uid)!, person: emulator.v4.people.get(uid)! }, at: emulator.now(), selected: new Set() };
}

describe("v4 page tokens", () => {
  it("walk 10,000 tasks while others are added, binned and erased: none repeated, every survivor seen once", async () => {
    const { emulator, owner } = newEmulator();
    const folderId = await spaceId(owner);
    const call = engineCall(emulator);
    for (let i = 0; i < 10_000; i++) createTask(call, { folderId, title: `bulk ${i}` });
    const initial = (await owner.ok("GET", `/folders/${folderId}/tasks`, { pageSize: 1000 })).length;
    expect(initial).toBe(1000);
    const atStart = new Set([...emulator.v4.tasks.values()].filter((t) => t.parentIds.includes(folderId)).map((t) => t.id));
    const removed = new Set<string>();
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    let random = 7;
    const next = () => (random = (random * 1103515245 + 12345) % 2 ** 31);
    do {
      const answer = await owner.call("GET", `/folders/${folderId}/tasks`, { pageSize: 250, title: "bulk", ...(token === undefined ? {} : { nextPageToken: token }) });
      expect(answer.status).toBe(200);
      if (pages === 0) expect(answer.body.responseSize).toBe(10_000);
      seen.push(...answer.body.data!.map((t) => t.id));
      token = answer.body.nextPageToken;
      pages++;
      // Between pages: 30 new tasks, 20 moved to the recycle bin and 20 erased, anywhere in the list.
      for (let i = 0; i < 30; i++) createTask(call, { folderId, title: `bulk new ${pages}.${i}` });
      const live = [...atStart].filter((id) => !removed.has(id));
      for (let i = 0; i < 40; i++) {
        const victim = live[next() % live.length]!;
        if (removed.has(victim)) continue;
        removed.add(victim);
        if (i % 2 === 0) await owner.ok("DELETE", `/tasks/${victim}`);
        else eraseTask(emulator.v4, victim);
      }
    } while (token !== undefined);
    expect(new Set(seen).size).toBe(seen.length);
    const seenSet = new Set(seen);
    const survivors = [...atStart].filter((id) => !removed.has(id));
    expect(survivors.filter((id) => !seenSet.has(id))).toEqual([]);
    expect(pages).toBeGreaterThan(40);
    // Ids come back in ascending order across pages: the token names the last id, never an offset.
    expect([...seen].sort()).toEqual(seen);
  }, 60_000);

  it("refuses a token sent with other filters, a forged token and a page size over 1000", async () => {
    const { owner } = newEmulator();
    const folderId = await spaceId(owner);
    for (let i = 0; i < 5; i++) await owner.ok("POST", `/folders/${folderId}/tasks`, { title: `t${i}` });
    const first = await owner.call("GET", "/tasks", { pageSize: 2, status: ["Active"] });
    expect(first.body.nextPageToken).toEqual(expect.any(String));
    const refiltered = await owner.call("GET", "/tasks", { nextPageToken: first.body.nextPageToken, status: ["Completed"] });
    expect([refiltered.status, refiltered.body.error]).toEqual([400, "invalid_parameter"]);
    expect(refiltered.body.errorDescription).toMatch(/send the same filters/);
    const resent = await owner.call("GET", "/tasks", { nextPageToken: first.body.nextPageToken, status: ["Active"], fields: ["description"] });
    expect(resent.status).toBe(200);
    expect(resent.body.data![0]).toHaveProperty("description");
    expect((await owner.call("GET", "/tasks", { nextPageToken: "bm9wZQ" })).body.errorDescription).toMatch(/not a token/);
    expect((await owner.call("GET", "/tasks", { pageSize: 1001 })).body.errorDescription).toMatch(/pageSize/);
    // responseSize follows every change, also when the same first page was counted before.
    const before = (await owner.call("GET", "/tasks", { pageSize: 2 })).body.responseSize!;
    const activeBefore = (await owner.call("GET", "/tasks", { pageSize: 2, status: ["Active"] })).body.responseSize!;
    expect((await owner.call("GET", "/tasks", { pageSize: 2 })).body.responseSize).toBe(before);
    await owner.ok("POST", `/folders/${folderId}/tasks`, { title: "one more" });
    expect((await owner.call("GET", "/tasks", { pageSize: 2 })).body.responseSize).toBe(before + 1);
    const [someTask] = await owner.ok("GET", "/tasks", { title: "one more" });
    await owner.ok("PUT", `/tasks/${someTask!.id}`, { status: "Completed" });
    expect((await owner.call("GET", "/tasks", { pageSize: 2, status: ["Active"] })).body.responseSize).toBe(activeBefore);
    // limit caps the whole walk.
    const limited = await owner.call("GET", "/tasks", { pageSize: 2, limit: 3 });
    const rest = await owner.call("GET", "/tasks", { limit: 3, nextPageToken: limited.body.nextPageToken });
    expect([limited.body.data!.length, rest.body.data!.length, rest.body.nextPageToken]).toEqual([2, 1, undefined]);
  });
});
