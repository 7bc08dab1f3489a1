/**
 * Numbers that do not fit are decode errors naming the path, never rounded (issue 15.2), and an API
 * error's code is an integer or the body is a WrikeDecodeError (issue 15.4); in JSON and in XML.
 */
import { describe, expect, it } from "vitest";
import { xmlSupport } from "../src/xml.js";
import { createWrikeClient, WrikeApiError, WrikeDecodeError, WrikeValidationError } from "../src/v2/index.js";

function clientAnswering(body: string, format: "json" | "xml" = "json", status = 200) {
  const fetch = async () => new Response(body, { status, headers: { "content-type": format === "json" ? "application/json" : "application/xml" } });
  return createWrikeClient({
    auth: { kind: "bearer", token: "t" },
    format,
    xml: xmlSupport,
    fetch: fetch as typeof globalThis.fetch,
    retry: { maxAttempts: 1 },
  });
}

async function issuesOf(promise: Promise<unknown>): Promise<Array<{ path: string; received: string }>> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WrikeValidationError);
  return (error as WrikeValidationError).issues.map(({ path, received }) => ({ path, received }));
}

const UNSAFE = ["99999999999999999999", "9007199254740993", "9007199254740992", "-9007199254740992"];

describe("ids and integers that do not fit a safe integer", () => {
  it.each(UNSAFE)("JSON: the id string %s is an error at its path, in a field and in a list", async (text) => {
    const body = `{"task":{"id":"${text}","parents":["1","${text}"]}}`;
    expect(await issuesOf(clientAnswering(body).task.get({ id: 1 }))).toEqual([
      { path: "task.id", received: `string "${text}"` },
      { path: "task.parents[1]", received: `string "${text}"` },
    ]);
  });

  it("JSON: an id number past 2^53 (already rounded by JSON.parse) is an error", async () => {
    const body = '{"task":{"id":9007199254740993,"parents":[99999999999999999999]}}';
    expect((await issuesOf(clientAnswering(body).task.get({ id: 1 }))).map((i) => i.path)).toEqual(["task.id", "task.parents[0]"]);
  });

  it.each(UNSAFE)("XML: the id and the integer %s are errors at their paths", async (text) => {
    const body = `<task><id>${text}</id><status>${text}</status><parents><id>2</id><id>${text}</id></parents></task>`;
    expect((await issuesOf(clientAnswering(body, "xml").task.get({ id: 1 }))).map((i) => i.path)).toEqual(["task.id", "task.parents[1]", "task.status"]);
  });

  it("the largest safe ids, and short ones, decode exactly in both formats", async () => {
    const json = await clientAnswering('{"task":{"id":"9007199254740991","parents":["007","123456789012345","9007199254740991",-5]}}').task.get({ id: 1 });
    expect(json).toEqual({ id: 9007199254740991, parents: [7, 123456789012345, 9007199254740991, -5] });
    const xml = await clientAnswering("<task><id>9007199254740991</id><parents><id>42</id></parents></task>", "xml").task.get({ id: 1 });
    expect(xml).toEqual({ id: 9007199254740991, parents: [42] });
  });
});

describe("doubles that are not finite", () => {
  it("JSON: hours 1e400 (Infinity after JSON.parse) is an error naming timelog.hours", async () => {
    const issues = await issuesOf(clientAnswering('{"timelog":{"id":1,"hours":1e400}}').timelog.add({ taskId: 1, date: "2024-01-01", hours: 1 }));
    expect(issues).toEqual([{ path: "timelog.hours", received: "number Infinity" }]);
  });

  it.each(["1e400", "-1e400", "Infinity", "NaN"])("XML: hours %s is an error naming timelog.hours", async (text) => {
    const body = `<timelog><id>1</id><hours>${text}</hours></timelog>`;
    const issues = await issuesOf(clientAnswering(body, "xml").timelog.add({ taskId: 1, date: "2024-01-01", hours: 1 }));
    expect(issues).toEqual([{ path: "timelog.hours", received: `string "${text}"` }]);
  });

  it("finite hours decode in both formats", async () => {
    expect(await clientAnswering('{"timelog":{"id":1,"hours":1.5e2}}').timelog.add({ taskId: 1, date: "2024-01-01", hours: 1 })).toMatchObject({ hours: 150 });
    expect(await clientAnswering("<timelog><id>1</id><hours>2.25</hours></timelog>", "xml").timelog.add({ taskId: 1, date: "2024-01-01", hours: 1 })).toMatchObject({ hours: 2.25 });
  });
});

describe("the code of an API error envelope", () => {
  it.each([
    ["json", '{"error":{"code":"abc","name":"ACCESS_ERROR","message":"nope"}}', 'string "abc"'],
    ["json", '{"error":{"code":4.5,"name":"ACCESS_ERROR","message":"nope"}}', "number 4.5"],
    ["json", '{"error":{"name":"ACCESS_ERROR","message":"nope"}}', "nothing"],
    ["xml", "<error><code>four</code><name>ACCESS_ERROR</name><message>nope</message></error>", 'string "four"'],
  ] as const)("%s: a code that is not an integer is a WrikeDecodeError naming it (%s)", async (format, body, received) => {
    for (const status of [200, 404]) {
      const error = await clientAnswering(body, format, status).task.get({ id: 1 }).then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(WrikeDecodeError);
      expect(error).not.toBeInstanceOf(WrikeApiError);
      expect(error).toMatchObject({ format, method: "wrike.task.get" });
      expect((error as Error).message).toBe(`wrike.task.get: the API error's code is not an integer (got ${received}; ACCESS_ERROR: nope)`);
    }
  });

  it("a numeric code is the WrikeApiError's code, in JSON (number or string) and XML", async () => {
    for (const [format, body] of [
      ["json", '{"error":{"code":406,"name":"ACCESS_ERROR","message":"m"}}'],
      ["json", '{"error":{"code":"406","name":"ACCESS_ERROR","message":"m"}}'],
      ["xml", "<error><code>406</code><name>ACCESS_ERROR</name><message>m</message></error>"],
    ] as const) {
      const error = await clientAnswering(body, format, 404).task.get({ id: 1 }).then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(WrikeApiError);
      expect((error as WrikeApiError).code).toBe(406);
    }
  });
});
