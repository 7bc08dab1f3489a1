/** The v4 client against the v4 handlers under setupServer: a read, a write, a paged list, errors, and the emulator as backend. */
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { createWrikeClient, WrikeApiError, type DateOnly, type LocalDateTime, type Task, type WebhookEventType } from "@wrikekit/client";
import { createEmulator } from "@wrikekit/emulator";
import { createWrikeHandlers, tasksCreateInFolderHandler, tasksGetHandler, tasksListHandler, tasksUpdateHandler, tasksUpdateManyHandler, webhooksCreateHandler } from "../../src/index.js";

const server = setupServer(...createWrikeHandlers());
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const wrike = createWrikeClient({ auth: { kind: "bearer", token: "test-token" }, rateLimit: false, retry: false });

describe("the v4 client against the default handlers", () => {
  it("a read answers the authored task; optional fields only when `fields` asks", async () => {
    const plain = await wrike.tasks.get({ taskIds: ["IEAGKVLFKQ7WMVOE"] });
    expect(plain.data[0]).toMatchObject({ id: "IEAGKVLFKQ7WMVOE", title: "Draft launch plan", status: "Active" });
    expect(plain.data[0]!.effortAllocation).toBeUndefined();
    const selected = await wrike.tasks.get({ taskIds: ["IEAGKVLFKQ7WMVOE"], fields: ["effortAllocation"] });
    expectTypeOf(selected.data[0]!.effortAllocation).not.toBeUndefined();
    expect(selected.data[0]!.effortAllocation).toBeDefined();
  });

  it("a write's resolver gets the typed arguments read from the form body (JSON-encoded values parsed)", async () => {
    server.use(
      tasksCreateInFolderHandler(({ args }) => {
        expectTypeOf(args.title).toEqualTypeOf<string>();
        // A task date argument takes a day too; the answer carries a date and time, as Wrike's does.
        expectTypeOf(args.dates?.start).toEqualTypeOf<LocalDateTime | DateOnly | undefined>();
        return { data: [{ title: args.title, parentIds: [args.folderId], dates: { type: "Planned", start: `${args.dates?.start?.slice(0, 10)}T09:00:00` as LocalDateTime } }] };
      }),
    );
    const created = await wrike.tasks.createInFolder({ folderId: "IEAGKVLFI4AAAAAB", title: "Review copy", dates: { start: "2026-12-02", due: "2026-12-03" } });
    // Merged over the default task: the override's fields, every other field of a complete task.
    expect(created.data[0]).toMatchObject({ title: "Review copy", parentIds: ["IEAGKVLFI4AAAAAB"], dates: { start: "2026-12-02T09:00:00" }, accountId: "IEAGKVLF" });
  });

  it("a webhook's resolver gets events as a list, read from the [TaskCreated,CommentAdded] the client sent", async () => {
    const received: unknown[] = [];
    server.use(
      webhooksCreateHandler(({ args }) => {
        expectTypeOf(args.events).toEqualTypeOf<readonly WebhookEventType[] | undefined>();
        received.push(args.events);
        return { data: [{ hookUrl: args.hookUrl }] };
      }),
    );
    await wrike.webhooks.create({ hookUrl: "https://hooks.example/wrike", events: ["TaskCreated", "CommentAdded"] });
    expect(received).toEqual([["TaskCreated", "CommentAdded"]]);
    const unbracketed = await fetch("https://www.wrike.com/api/v4/webhooks", { method: "POST", headers: { authorization: "Bearer t" }, body: new URLSearchParams({ hookUrl: "https://hooks.example/wrike", events: "TaskCreated" }) });
    expect(unbracketed.status).toBe(400);
    expect(await unbracketed.json()).toMatchObject({ error: "invalid_parameter", errorDescription: expect.stringContaining("events: expected a list in brackets") });
  });

  it("a missing required argument answers 400 parameter_required, naming it", async () => {
    const response = await fetch("https://www.wrike.com/api/v4/folders/F1/tasks", { method: "POST", headers: { authorization: "Bearer t" } });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "parameter_required", errorDescription: "Missing required parameter: title" });
  });

  it("reads a JSON object body as it reads a form body, and answers 400 invalid_request for a body of another type", async () => {
    let title: string | undefined;
    server.use(tasksCreateInFolderHandler(({ args }) => ((title = args.title), { data: [{ title: args.title }] })));
    const post = (body: string, type: string) => fetch("https://www.wrike.com/api/v4/folders/F1/tasks", { method: "POST", headers: { authorization: "Bearer t", "content-type": type }, body });
    expect((await post(JSON.stringify({ title: "From JSON" }), "application/json")).status).toBe(200);
    expect(title).toBe("From JSON");
    const refused = await post("title", "text/plain");
    expect(refused.status).toBe(400);
    expect((await refused.json()).error).toBe("invalid_request");
  });

  it("the default paged list answers two pages: the authored first page, then the last", async () => {
    const ids: string[] = [];
    for await (const task of wrike.tasks.list({ status: ["Active"] })) ids.push(task.id);
    expect(ids).toEqual(["IEAGKVLFKQ7WMVOE", "MDAxOTIzNDU2Nzg5MGFiY2RlZjAxMjM0NTY3ODlhYmNkZWY:task.v2=", "IEAGKVLFKQ7WMVOE", "MDAxOTIzNDU2Nzg5MGFiY2RlZjAxMjM0NTY3ODlhYmNkZWY:task.v2="]);
  });

  it("a fixed override is rendered once per request shape: fields asked, page token, the caller's changes kept apart", async () => {
    server.use(tasksGetHandler({ data: [{ title: "Fixed" }] }), tasksListHandler({ data: [{ title: "Listed" }] }));
    for (let round = 0; round < 2; round++) {
      const plain = await wrike.tasks.get({ taskIds: ["IEAGKVLFKQ7WMVOE"] });
      expect({ title: plain.data[0]!.title, effortAllocation: plain.data[0]!.effortAllocation }).toEqual({ title: "Fixed", effortAllocation: undefined });
      plain.data[0]!.title = "changed by the caller";
      const selected = await wrike.tasks.get({ taskIds: ["IEAGKVLFKQ7WMVOE"], fields: ["effortAllocation"] });
      expect(selected.data[0]!.title).toBe("Fixed");
      expect(selected.data[0]!.effortAllocation).toBeDefined();
    }
    const titles: (string | undefined)[] = [];
    for await (const task of wrike.tasks.list({ status: ["Active"] })) titles.push(task.title);
    expect(titles).toEqual(["Listed", "Listed"]); // the first page with a next token, then the last page without
  });

  it("a fixed override answers as it was when the handler was made, in every request shape", async () => {
    const override = { data: [{ title: "as made" }] };
    server.use(tasksGetHandler(override));
    override.data[0]!.title = "changed before the first request";
    expect((await wrike.tasks.get({ taskIds: ["IEAGKVLFKQ7WMVOE"] })).data[0]!.title).toBe("as made");
    override.data[0]!.title = "changed after it";
    expect((await wrike.tasks.get({ taskIds: ["IEAGKVLFKQ7WMVOE"], fields: ["effortAllocation"] })).data[0]!.title).toBe("as made");
  });

  it("a paged list from a resolver: every page re-sends the filters with the token", async () => {
    const seen: { status: unknown; token: unknown }[] = [];
    server.use(
      tasksListHandler(({ args }) => {
        seen.push({ status: args.status, token: args.nextPageToken });
        const page = Number(args.nextPageToken ?? "0");
        return { data: [{ id: `T${page * 2}` }, { id: `T${page * 2 + 1}` }], ...(page < 2 ? { nextPageToken: String(page + 1) } : { nextPageToken: undefined }) };
      }),
    );
    const ids: string[] = [];
    for await (const task of wrike.tasks.list({ status: ["Active"], pageSize: 2 })) ids.push(task.id);
    expect(ids).toEqual(["T0", "T1", "T2", "T3", "T4", "T5"]);
    expect(seen).toEqual([
      { status: ["Active"], token: undefined },
      { status: ["Active"], token: "1" },
      { status: ["Active"], token: "2" },
    ]);
  });

  it(".error(status, name) answers the v4 error envelope with its status: a typed WrikeApiError", async () => {
    server.use(tasksGetHandler.error(404, "resource_not_found", { description: "Task not found" }));
    const failure = await wrike.tasks.get({ taskIds: ["nope"] }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(WrikeApiError);
    expect(failure).toMatchObject({ httpStatus: 404, errorName: "resource_not_found", serverMessage: "Task not found" });
    // @ts-expect-error 404 carries resource_not_found or method_not_found, not invalid_parameter
    expect(() => tasksGetHandler.error(404, "invalid_parameter")).toThrow(/not an error name of HTTP 404/);
    // @ts-expect-error 418 is no status the spec lists for GET /tasks/{taskIds}
    expect(() => tasksGetHandler.error(418)).toThrow(/418 is not an error status/);
    expectTypeOf<Parameters<typeof tasksGetHandler.error<400>>[1]>().toEqualTypeOf<"invalid_request" | "invalid_parameter" | "parameter_required" | undefined>();
  });

  it(".error(status) without a name answers the status's first name and its description, in the envelope", async () => {
    server.use(tasksGetHandler.error(400));
    const response = await fetch("https://www.wrike.com/api/v4/tasks/A", { headers: { authorization: "Bearer t" } });
    expect({ status: response.status, body: await response.json() }).toEqual({ status: 400, body: { error: "invalid_request", errorDescription: "The request is malformed (bad JSON text, unknown value)." } });
  });

  it("PUT /tasks/{taskId} and PUT /tasks/{taskIds} share a URL: a list in the path is the bulk update's", async () => {
    const answered: string[] = [];
    server.use(
      tasksUpdateHandler(({ args }) => (answered.push(`update ${args.taskId}`), {})),
      tasksUpdateManyHandler(({ args }) => (answered.push(`updateMany ${args.taskIds.join("+")}`), {})),
    );
    await wrike.tasks.update({ taskId: "A", title: "one" });
    await wrike.tasks.updateMany({ taskIds: ["A", "B"], addParents: ["F"] });
    expect(answered).toEqual(["update A", "updateMany A+B"]);
  });

  it("a wrong-shaped answer is sent as given and fails the test: the client's decoder names the field", async () => {
    // @ts-expect-error a task's title is a string: the types refuse this value first
    server.use(tasksGetHandler(() => ({ data: [{ title: 42 }] })));
    await expect(wrike.tasks.get({ taskIds: ["IEAGKVLFKQ7WMVOE"] })).rejects.toThrow(/data\[0\]\.title: expected string, got number 42/);
  });

  it("overrides type-check against the result: a task's fields, partial items", () => {
    tasksGetHandler({ data: [{ title: "A" }, { title: "B", importance: "High" }] });
    // @ts-expect-error titles are strings
    tasksGetHandler({ data: [{ title: 1 }] });
    expectTypeOf<Parameters<typeof tasksGetHandler.example>>().toEqualTypeOf<[]>();
    expectTypeOf(tasksGetHandler.example().data[0]!).toMatchTypeOf<Task>();
  });
});

describe("createWrikeHandlers with the v4 emulator as backend", () => {
  const emulator = createEmulator({ v4RateLimit: false });
  const backed = setupServer(...createWrikeHandlers({ baseUrl: "http://localhost", backend: (request) => emulator.handle(request) }));
  const client = createWrikeClient({ baseUrl: "http://localhost", auth: { kind: "bearer", token: emulator.credentials.permanentToken! }, rateLimit: false, retry: false });

  it("keeps state across calls and passes the emulator's errors through", async () => {
    server.close();
    backed.listen({ onUnhandledRequest: "error" });
    try {
      const [space] = (await client.spaces.list()).data;
      const created = await client.tasks.createInFolder({ folderId: space!.id, title: "behind msw" });
      const [task] = (await client.tasks.get({ taskIds: [created.data[0]!.id] })).data;
      expect(task!.title).toBe("behind msw");
      await expect(client.tasks.get({ taskIds: ["IEAGKVLFKQNOSUCH"] })).rejects.toMatchObject({ httpStatus: 404 });
    } finally {
      backed.close();
      server.listen({ onUnhandledRequest: "error" });
    }
  });
});
