/**
 * Which requests a v4 handler answers: its own verb and path only (a list path vs a single one, a nested
 * path vs the account-wide one), under the base URL it was given, a GET's `?method=` override as Wrike
 * reads it, and nothing else: an unrelated request still reaches onUnhandledRequest.
 */
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createEmulator } from "@wrikekit/emulator";
import { createWrikeHandlers, tasksDeleteHandler, tasksGetHandler, tasksListHandler, tasksListInFolderHandler, tasksUpdateHandler } from "../../src/index.js";

const unhandled: string[] = [];
const server = setupServer(...createWrikeHandlers());
beforeAll(() => server.listen({ onUnhandledRequest: (request) => void unhandled.push(`${request.method} ${request.url}`) }));
afterEach(() => {
  server.resetHandlers();
  unhandled.length = 0;
});
afterAll(() => server.close());

const auth = { authorization: "Bearer t" };
/** Which handler answered: each test's overrides answer their own name as the task's title. */
const answeredBy = async (url: string, init: RequestInit = {}) => {
  const response = await fetch(url, { ...init, headers: auth });
  return ((await response.json()) as { data: { title?: string }[] }).data[0]?.title;
};
const named = () => [
  tasksListHandler({ data: [{ title: "tasks.list" }] }),
  tasksGetHandler({ data: [{ title: "tasks.get" }] }),
  tasksListInFolderHandler({ data: [{ title: "tasks.listInFolder" }] }),
  tasksUpdateHandler({ data: [{ title: "tasks.update" }] }),
  tasksDeleteHandler({ data: [{ title: "tasks.delete" }] }),
];

describe("v4 handlers match their own verb and path", () => {
  it("GET /tasks, GET /tasks/{taskIds} and GET /folders/{folderId}/tasks are three handlers", async () => {
    server.use(...named());
    expect(await answeredBy("https://www.wrike.com/api/v4/tasks")).toBe("tasks.list");
    expect(await answeredBy("https://www.wrike.com/api/v4/tasks/A,B")).toBe("tasks.get");
    expect(await answeredBy("https://www.wrike.com/api/v4/folders/F/tasks")).toBe("tasks.listInFolder");
    expect(await answeredBy("https://www.wrike.com/api/v4/tasks/A", { method: "PUT" })).toBe("tasks.update");
    expect(await answeredBy("https://www.wrike.com/api/v4/tasks/A", { method: "DELETE" })).toBe("tasks.delete");
  });

  it("a GET with ?method= is answered by that verb's handler, as Wrike and the emulator read it", async () => {
    server.use(...named());
    expect(await answeredBy("https://www.wrike.com/api/v4/tasks/A?method=DELETE")).toBe("tasks.delete");
    expect(await answeredBy("https://www.wrike.com/api/v4/tasks/A?method=put&title=T")).toBe("tasks.update");
    expect(await answeredBy("https://www.wrike.com/api/v4/tasks/A?method=GET")).toBe("tasks.get");
    // The emulator reads a GET ?method=PUT as the update too.
    const emulator = createEmulator({ v4RateLimit: false });
    const bearer = { authorization: `Bearer ${emulator.credentials.permanentToken!}` };
    const call = async (path: string, init: RequestInit = {}) => ((await (await emulator.handle(new Request(`http://localhost/api/v4${path}`, { ...init, headers: bearer }))).json()) as { data: { id: string; title: string }[] }).data[0]!;
    const space = await call("/spaces");
    const task = await call(`/folders/${space.id}/tasks`, { method: "POST", body: new URLSearchParams({ title: "before" }) });
    await call(`/tasks/${task.id}?method=PUT&title=after`);
    expect((await call(`/tasks/${task.id}`)).title).toBe("after");
  });

  it("requests no operation owns reach onUnhandledRequest: an unknown path, another verb, another host", async () => {
    for (const [url, method] of [
      ["https://www.wrike.com/api/v4/no_such_thing", "GET"],
      ["https://www.wrike.com/api/v4/tasks", "PATCH"],
      ["https://www.wrike.com/api/v4/tasks/A?method=PATCH", "GET"],
      ["https://app-eu.wrike.com/api/v4/tasks", "GET"],
      ["https://www.wrike.com/api/v2/tasks", "GET"],
    ] as const)
      await fetch(url, { method, headers: auth }).catch(() => undefined);
    expect(unhandled).toEqual([
      "GET https://www.wrike.com/api/v4/no_such_thing",
      "PATCH https://www.wrike.com/api/v4/tasks",
      "GET https://www.wrike.com/api/v4/tasks/A?method=PATCH",
      "GET https://app-eu.wrike.com/api/v4/tasks",
      "GET https://www.wrike.com/api/v2/tasks",
    ]);
  });

  it("serve another host or a path prefix given as baseUrl, and only there", async () => {
    server.use(...createWrikeHandlers({ baseUrl: "https://app-eu.wrike.com" }), tasksGetHandler({ data: [{ title: "behind a proxy" }] }, { baseUrl: "http://localhost:8080/wrike/" }));
    expect(await answeredBy("https://app-eu.wrike.com/api/v4/tasks")).toBe("Draft launch plan");
    expect(await answeredBy("http://localhost:8080/wrike/api/v4/tasks/A")).toBe("behind a proxy");
    await fetch("http://localhost:8080/api/v4/tasks/A", { headers: auth }).catch(() => undefined);
    expect(unhandled).toEqual(["GET http://localhost:8080/api/v4/tasks/A"]);
  });
});
