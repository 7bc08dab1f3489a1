/**
 * Bad arguments are answered as Wrike answers them, and as the emulator does (both read them with
 * @wrikekit/core/server): 400 in the v4 envelope, `parameter_required` or `invalid_parameter`, naming the
 * parameter. `checkArguments: false` hands the resolver the issues instead.
 */
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createEmulator } from "@wrikekit/emulator";
import { createWrikeHandlers, tasksListHandler } from "../../src/index.js";

const server = setupServer(...createWrikeHandlers());
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const emulator = createEmulator({ v4RateLimit: false });
const token = emulator.credentials.permanentToken!;

const bad: [what: string, method: string, path: string, error: string, names: string][] = [
  ["an argument the operation lacks", "GET", "/tasks?bogus=1", "invalid_parameter", "bogus"],
  ["a wrong scalar type", "GET", "/tasks?pageSize=ten", "invalid_parameter", "pageSize"],
  ["a list not sent as JSON", "GET", "/tasks?status=Active", "invalid_parameter", "status"],
  ["an unknown enum value in a list", "GET", `/tasks?status=${encodeURIComponent('["Sleeping"]')}`, "invalid_parameter", "status[0]"],
  ["a field `fields` cannot select", "GET", `/tasks?fields=${encodeURIComponent('["nope"]')}`, "invalid_parameter", "fields[0]"],
  ["a missing required argument", "POST", "/folders/IEAGKVLFI4AAAAAB/tasks", "parameter_required", "title"],
  ["a page size above the maximum", "GET", "/tasks?pageSize=1001", "invalid_parameter", "pageSize"],
  ["a page size below 1", "GET", "/timelogs?pageSize=0", "invalid_parameter", "pageSize"],
  ["a page size above a request form list's maximum of 100", "GET", "/request_forms?pageSize=101", "invalid_parameter", "pageSize"],
];

describe("bad arguments", () => {
  it.each(bad)("%s: 400 %s naming it, as the emulator answers", async (_, method, path, error, name) => {
    const mocked = await fetch(`https://www.wrike.com/api/v4${path}`, { method, headers: { authorization: "Bearer t" } });
    const emulated = await emulator.handle(new Request(`http://localhost/api/v4${path}`, { method, headers: { authorization: `Bearer ${token}` } }));
    const [mockedBody, emulatedBody] = [(await mocked.json()) as Record<string, string>, (await emulated.json()) as Record<string, string>];
    expect({ status: mocked.status, error: mockedBody.error }).toEqual({ status: 400, error });
    expect(mockedBody.errorDescription).toContain(name);
    expect({ status: emulated.status, ...emulatedBody }).toEqual({ status: mocked.status, ...mockedBody });
  });

  it("with checkArguments: false the resolver answers, given the issues and the arguments that read", async () => {
    let seen: unknown;
    server.use(tasksListHandler(({ args, issues }) => ((seen = { args, issues: issues.map((i) => i.path) }), {}), { checkArguments: false }));
    expect((await fetch("https://www.wrike.com/api/v4/tasks?pageSize=ten&bogus=1&title=T")).status).toBe(200);
    expect(seen).toEqual({ args: { title: "T" }, issues: ["pageSize", "bogus"] });
  });
});
