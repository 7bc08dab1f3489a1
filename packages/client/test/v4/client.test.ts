/** The v4 client's behaviours beyond one request: paging, long ids, split-and-merge, async jobs, withResponse. */
import { describe, expect, expectTypeOf, it } from "vitest";
import { createManualClock, createWrikeClient, tasksGet, WrikeApiError, WrikeTransportError, WrikeValidationError, type Task } from "../../src/index.js";
import { envelope, recordingFetch } from "./spec.js";

const LONG_ID = `${"Ab0-_:.=".repeat(32)}`; // 256 characters of [A-Za-z0-9-_:.=]

const clientWith = (fetch: typeof globalThis.fetch) => createWrikeClient({ auth: { kind: "bearer", token: "tok" }, fetch, rateLimit: false, retry: false });

describe("token paging", () => {
  // 2,500 tasks served 1,000 a page; each page request must carry every filter and `fields` again.
  const all = Array.from({ length: 2500 }, (_, i) => ({ id: `T${i}`, accountId: "A", title: `task ${i}` }));
  const pagedFetch = () =>
    recordingFetch((request) => {
      const url = new URL(request.url);
      const start = Number(url.searchParams.get("nextPageToken") ?? "0");
      const end = Math.min(all.length, start + 1000);
      return envelope(all.slice(start, end), { responseSize: all.length, ...(end < all.length ? { nextPageToken: String(end) } : {}) });
    });

  it("iterates 2,500 items without a skip, a repeat or a lost filter", async () => {
    const stub = pagedFetch();
    const wrike = clientWith(stub.fetch);
    const seen: string[] = [];
    for await (const task of wrike.tasks.list({ status: ["Active"], fields: ["description"], pageSize: 1000 })) seen.push(task.id);
    expect(seen).toEqual(all.map((t) => t.id));
    expect(stub.requests).toHaveLength(3);
    for (const { request } of stub.requests) {
      const q = new URL(request.url).searchParams;
      expect(q.get("status")).toBe('["Active"]');
      expect(q.get("fields")).toBe('["description"]');
      expect(q.get("pageSize")).toBe("1000");
    }
    expect(stub.requests.map(({ request }) => new URL(request.url).searchParams.get("nextPageToken"))).toEqual([null, "1000", "2000"]);
  });

  it("awaiting gives the first page; .pages() gives every page", async () => {
    const stub = pagedFetch();
    const wrike = clientWith(stub.fetch);
    const first = await wrike.tasks.list({ pageSize: 1000 });
    expect(first.data).toHaveLength(1000);
    expect(first.nextPageToken).toBe("1000");
    const sizes: number[] = [];
    for await (const page of wrike.tasks.list({ pageSize: 1000 }).pages()) sizes.push(page.data.length);
    expect(sizes).toEqual([1000, 1000, 500]);
  });

  it("stops with an error when the server repeats a page token", async () => {
    const wrike = clientWith(recordingFetch(() => envelope([{ id: "T", accountId: "A", title: "t" }], { nextPageToken: "same" })).fetch);
    const ids: string[] = [];
    const error = await (async () => {
      for await (const task of wrike.tasks.list()) ids.push(task.id);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WrikeValidationError);
    expect(error).toMatchObject({ method: "GET /tasks", direction: "response", issues: [{ path: "nextPageToken", received: 'string "same"' }] });
    expect((error as Error).message).toMatch(/twice/);
    expect(ids).toHaveLength(2);
  });

  /** A stub that answers the scripted pages in turn (the last one again after), and what the walk got before it ended. */
  async function walk(pages: { ids: string[]; token?: string }[]) {
    let n = 0;
    const stub = recordingFetch(() => {
      const { ids, token } = pages[Math.min(n++, pages.length - 1)]!;
      return envelope(ids.map((id) => ({ id, accountId: "A", title: "t" })), token === undefined ? {} : { nextPageToken: token });
    });
    const ids: string[] = [];
    const error = await (async () => {
      for await (const task of clientWith(stub.fetch).tasks.list({ status: ["Active"], fields: ["description"] })) ids.push(task.id);
    })().then(
      () => undefined,
      (e: unknown) => e,
    );
    return { ids, error, requests: stub.requests };
  }

  it("a server that hands out the same items under new tokens forever: stopped with an error naming the repeated item", async () => {
    let k = 0;
    const { ids, error, requests } = await walk(Array.from({ length: 50 }, () => ({ ids: ["A", "B"], token: `t${k++}` })));
    expect(error).toBeInstanceOf(WrikeValidationError);
    expect(error).toMatchObject({ method: "GET /tasks", direction: "response", issues: [{ path: "data[0].id", received: 'string "A"' }] });
    expect(ids).toEqual(["A", "B", "A", "B"]);
    expect(requests).toHaveLength(2);
    // Every page request carried the filters and fields again.
    for (const { request } of requests) expect(new URL(request.url).searchParams.get("fields")).toBe('["description"]');
  });

  it("an empty page that still has a next page token: stopped with an error rather than walking empty pages", async () => {
    let k = 0;
    const { ids, error, requests } = await walk([{ ids: ["A", "B", "C"], token: "a" }, ...Array.from({ length: 50 }, () => ({ ids: [], token: `e${k++}` }))]);
    expect(error).toBeInstanceOf(WrikeValidationError);
    expect(error).toMatchObject({ issues: [{ path: "data", received: "array(0)" }] });
    expect(ids).toEqual(["A", "B", "C"]);
    expect(requests).toHaveLength(2);
  });

  it("a paged call is a whole Promise: catch and finally work, and it goes where a Promise is expected", async () => {
    const failing = clientWith(recordingFetch(() => new Response(JSON.stringify({ error: "server_error", errorDescription: "boom" }), { status: 500 })).fetch);
    let finallyRan = false;
    const caught = await failing.tasks
      .list()
      .finally(() => (finallyRan = true))
      .catch((e: unknown) => e);
    expect(caught).toBeInstanceOf(WrikeApiError);
    expect(finallyRan).toBe(true);
    const wrike = clientWith(recordingFetch(() => envelope([{ id: "T", accountId: "A", title: "t" }])).fetch);
    const call: () => Promise<{ data: readonly unknown[] }> = () => wrike.tasks.list();
    expect((await call()).data).toHaveLength(1);
    expect(Object.prototype.toString.call(wrike.tasks.list())).toBe("[object PagePromise]");
    expectTypeOf(wrike.tasks.list()).toMatchTypeOf<Promise<unknown>>();
  });
});

describe("ids", () => {
  it("a 256-character id decodes as the same string", async () => {
    const wrike = clientWith(recordingFetch(() => envelope([{ id: LONG_ID, accountId: "A", title: "long", parentIds: [LONG_ID, "12345"] }])).fetch);
    const { data } = await wrike.tasks.get({ taskIds: [LONG_ID] });
    expect(LONG_ID).toHaveLength(256);
    expect(data[0]!.id).toBe(LONG_ID);
    expect(data[0]!.parentIds).toEqual([LONG_ID, "12345"]); // a numeric-looking id stays a string
  });

  it("an unknown kind and an unknown enum value pass", async () => {
    const wrike = clientWith(recordingFetch(() => envelope([{ id: "T", accountId: "A", title: "t", status: "Archived2030" }], {}, "somethingNew")).fetch);
    const answer = await wrike.tasks.get({ taskIds: ["T"] });
    expect(answer.kind).toBe("somethingNew");
    expect(answer.data[0]!.status).toBe("Archived2030");
  });

  it("250 ids are sent in three calls of at most 100 and merged in order", async () => {
    const ids = Array.from({ length: 250 }, (_, i) => `ID${i}`);
    const stub = recordingFetch((request) => {
      const asked = decodeURIComponent(new URL(request.url).pathname.split("/").pop()!).split(",");
      return envelope(asked.map((id) => ({ id, accountId: "A", title: id })));
    });
    const { data } = await clientWith(stub.fetch).tasks.get({ taskIds: ids });
    expect(stub.requests.map(({ request }) => new URL(request.url).pathname.split("/").pop()!.split(",").length)).toEqual([100, 100, 50]);
    expect(data.map((t) => t.id)).toEqual(ids);
  });

  it("a split method called with no arguments object is a WrikeValidationError naming the list, not a TypeError", async () => {
    const stub = recordingFetch(() => envelope([]));
    for (const args of [undefined, null]) {
      const error = await tasksGet(clientWith(stub.fetch).transport, args as never).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WrikeValidationError);
      expect(error).toMatchObject({ method: "GET /tasks/{taskIds}", direction: "arguments" });
      expect((error as Error).message).toContain("taskIds");
    }
    expect(stub.requests).toHaveLength(0);
  });
});

describe("waitForJob", () => {
  it("polls with back-off until the status is final", async () => {
    const clock = createManualClock();
    const statuses = ["InProgress", "InProgress", "Completed"];
    const stub = recordingFetch(() => envelope([{ id: "J1", status: statuses.shift() }], {}, "asyncJobs"));
    const wrike = clientWith(stub.fetch);
    const done = wrike.waitForJob("J1", { intervalMs: 1000, clock });
    await vitestFlush();
    expect(stub.requests).toHaveLength(1);
    await clock.advance(1000);
    await vitestFlush();
    expect(stub.requests).toHaveLength(2);
    await clock.advance(1499);
    await vitestFlush();
    expect(stub.requests).toHaveLength(2); // the second wait is 1.5 s
    await clock.advance(1);
    const job = await done;
    expect(job.status).toBe("Completed");
    expect(new URL(stub.requests[0]!.request.url).pathname).toBe("/api/v4/async_job/J1");
  });

  it("tells onPoll of every answer, the final one included", async () => {
    const clock = createManualClock();
    const progress = [{ status: "InProgress", progressPercent: 25 }, { status: "InProgress", progressPercent: 75 }, { status: "Completed", progressPercent: 100 }];
    const wrike = clientWith(recordingFetch(() => envelope([{ id: "J1", ...progress.shift() }], {}, "asyncJobs")).fetch);
    const seen: Array<number | undefined> = [];
    const done = wrike.waitForJob("J1", { clock, intervalMs: 10, onPoll: (job) => seen.push(job.progressPercent) });
    for (let i = 0; i < 3; i++) {
      await vitestFlush();
      await clock.advance(100);
    }
    expect((await done).status).toBe("Completed");
    expect(seen).toEqual([25, 75, 100]);
  });

  it("ends at once when the signal aborts", async () => {
    const clock = createManualClock();
    const wrike = clientWith(recordingFetch(() => envelope([{ id: "J1", status: "InProgress" }])).fetch);
    const controller = new AbortController();
    const done = wrike.waitForJob("J1", { clock, signal: controller.signal });
    await vitestFlush();
    const reason = new Error("stop");
    controller.abort(reason);
    // As an aborted call: a WrikeTransportError, the signal's reason its cause.
    const error = await done.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WrikeTransportError);
    expect(error).toMatchObject({ reason: "aborted", cause: reason, message: "waitForJob: aborted" });
    await expect(wrike.waitForJob("J1", { clock, signal: AbortSignal.abort() })).rejects.toMatchObject({ name: "WrikeTransportError", reason: "aborted" });
  });

  it("an answer without a job is a WrikeValidationError saying so", async () => {
    const wrike = clientWith(recordingFetch(() => envelope([], {}, "asyncJobs")).fetch);
    const error = await wrike.waitForJob("J1").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WrikeValidationError);
    expect(error).toMatchObject({ direction: "response", issues: [{ path: "data[0]", received: "nothing" }] });
    expect((error as Error).message).toContain("is the id right?");
  });
  it("a job answered without its status is a WrikeValidationError naming the field, not taken as finished", async () => {
    const stub = recordingFetch(() => envelope([{ id: "J1", progressPercent: 10 }], {}, "asyncJobs"));
    const error = await clientWith(stub.fetch).waitForJob("J1", { intervalMs: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WrikeValidationError);
    expect(error).toMatchObject({ method: "waitForJob", direction: "response", issues: [{ path: "data[0].status", received: "nothing" }] });
    expect(stub.requests).toHaveLength(1);
  });

  it("a longest wait that is not a positive number is refused before the first poll (0 or NaN would poll without pause)", async () => {
    const stub = recordingFetch(() => envelope([{ id: "J1", status: "InProgress" }], {}, "asyncJobs"));
    for (const maxIntervalMs of [0, -5, Number.NaN]) await expect(clientWith(stub.fetch).waitForJob("J1", { maxIntervalMs })).rejects.toThrow(/maxIntervalMs must be a positive number/);
    expect(stub.requests).toHaveLength(0);
  });
});

describe("withResponse", () => {
  it("gives the decoded answer and the status and headers", async () => {
    const wrike = clientWith(recordingFetch(() => envelope([{ id: "T", accountId: "A", title: "t" }])).fetch);
    const { data, response } = await wrike.tasks.get.withResponse({ taskIds: ["T"] });
    expect(data.data[0]!.title).toBe("t");
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toBe("r-1");
  });
});

describe("types", () => {
  it("fields make the selected optional fields present", () => {
    const wrike = clientWith(recordingFetch().fetch);
    const described = () => wrike.tasks.get({ taskIds: ["T"], fields: ["description"] });
    expectTypeOf<Awaited<ReturnType<typeof described>>["data"][number]["description"]>().toEqualTypeOf<string>();
    const plain = () => wrike.tasks.get({ taskIds: ["T"] });
    expectTypeOf<Awaited<ReturnType<typeof plain>>["data"][number]["description"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Task["id"]>().toEqualTypeOf<string>();
  });
});

/** Lets pending promise callbacks (the fake fetch, the decoder) run. */
async function vitestFlush(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}
