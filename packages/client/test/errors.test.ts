/** Typed, precise errors: wrong-typed responses, API errors in JSON and XML, broken bodies, bad arguments. */
import { describe, expect, it } from "vitest";
import { xmlSupport } from "../src/xml.js";
import { caught } from "./caught.js";
import {
  createWrikeClient,
  WrikeApiError,
  WrikeAsyncKeyMismatchError,
  WrikeDecodeError,
  WrikeTransportError,
  WrikeValidationError,
} from "../src/v2/index.js";

const secrets = { consumerSecret: "CONSUMER-SECRET-123", tokenSecret: "TOKEN-SECRET-456", token: "ACCESS-TOKEN-789" };

function clientAnswering(body: string, init: ResponseInit & { contentType?: string } = {}, format: "json" | "xml" = "json") {
  const fetch = async () =>
    new Response(body, { status: init.status ?? 200, headers: { "content-type": init.contentType ?? (format === "json" ? "application/json" : "application/xml") } });
  return createWrikeClient({
    auth: { kind: "oauth1", consumerKey: "ck", consumerSecret: secrets.consumerSecret, token: secrets.token, tokenSecret: secrets.tokenSecret },
    format,
    xml: xmlSupport,
    fetch: fetch as typeof globalThis.fetch,
    // One attempt: these tests are about how each failure surfaces; retries have tests of their own in core.
    retry: { maxAttempts: 1 },
  });
}

function expectNoSecrets(error: Error) {
  const text = `${error.message} ${error.stack ?? ""} ${JSON.stringify(error)}`;
  for (const s of Object.values(secrets)) expect(text).not.toContain(s);
}

describe("response validation", () => {
  it("names the path and the expected type of every mismatch", async () => {
    const body = JSON.stringify({ task: { id: "abc", status: "done", parents: ["1", 2, true], responsibleUsers: "x" } });
    const error = await caught(clientAnswering(body).task.get({ id: 1 }));
    expect(error).toBeInstanceOf(WrikeValidationError);
    const v = error as WrikeValidationError;
    expect(v.direction).toBe("response");
    expect(v.method).toBe("wrike.task.get");
    expect(v.issues).toEqual([
      { path: "task.id", expected: "an id (integer or numeric string within ±9007199254740991)", received: 'string "abc"' },
      { path: "task.responsibleUsers", expected: "list", received: 'string "x"' },
      { path: "task.parents[2]", expected: "an id (integer or numeric string within ±9007199254740991)", received: "boolean true" },
      { path: "task.status", expected: "integer within ±9007199254740991", received: 'string "done"' },
    ]);
    expect(v.message).toContain("wrike.task.get: invalid response:\n  - task.id: expected an id (integer or numeric string within ±9007199254740991), got string \"abc\"");
  });

  it("reports optional string fields of another type, after the ones that are strings or absent", async () => {
    const body = JSON.stringify({ task: { id: 1, title: "fine", description: 5, authorUid: "u", dueDate: null, asyncKey: ["k"] } });
    const error = await caught(clientAnswering(body).task.get({ id: 1 }));
    expect((error as WrikeValidationError).issues).toEqual([
      { path: "task.description", expected: "string", received: "number 5" },
      { path: "task.dueDate", expected: "string", received: "null" },
      { path: "task.asyncKey", expected: "string", received: expect.stringContaining("array") },
    ]);
    const task = await clientAnswering(JSON.stringify({ task: { id: 1, title: "fine", authorUid: "u" } })).task.get({ id: 1 });
    expect(task).toEqual({ id: 1, title: "fine", authorUid: "u" });
  });

  it("fails on a missing required field and passes unknown fields and unknown enum values", async () => {
    const missing = await caught(clientAnswering(JSON.stringify({ task: { title: "no id" } })).task.get({ id: 1 }));
    expect((missing as WrikeValidationError).issues).toEqual([{ path: "task.id", expected: "present (required field)", received: "nothing" }]);

    const task = await clientAnswering(JSON.stringify({ task: { id: 5, status: 9, importance: 7, brandNewField: { x: 1 } } })).task.get({ id: 5 });
    expect(task).toEqual({ id: 5, status: 9, importance: 7, brandNewField: { x: 1 } });
  });

  it("refuses a document with an unexpected root", async () => {
    const error = await caught(clientAnswering(JSON.stringify({ folder: { id: 1 } })).task.get({ id: 1 }));
    expect((error as WrikeValidationError).issues).toEqual([{ path: "(root)", expected: "one of root keys task", received: "folder" }]);
  });

  it("applies the same checks to XML", async () => {
    const error = await caught(clientAnswering("<task><id>x1</id><status>1</status></task>", {}, "xml").task.get({ id: 1 }));
    expect((error as WrikeValidationError).issues).toEqual([{ path: "task.id", expected: "an id (integer or numeric string within ±9007199254740991)", received: 'string "x1"' }]);
  });
});

describe("API errors", () => {
  it("reads the JSON error envelope", async () => {
    const body = JSON.stringify({ error: { code: 406, name: "ACCESS_ERROR", message: "The task with given id not found" } });
    const error = await caught(clientAnswering(body, { status: 404 }).task.get({ id: 1 }));
    expect(error).toBeInstanceOf(WrikeApiError);
    expect(error).toMatchObject({ code: 406, errorName: "ACCESS_ERROR", serverMessage: "The task with given id not found", method: "wrike.task.get", httpStatus: 404 });
  });

  it("reads the XML error envelope, whatever the HTTP status", async () => {
    const body = "<error><code>405</code><name>LIMITATION_ERROR</name><message>The calling user has a Viewer license.</message></error>";
    const error = await caught(clientAnswering(body, { status: 200 }, "xml").task.add({ title: "t" }));
    expect(error).toMatchObject({ code: 405, errorName: "LIMITATION_ERROR", method: "wrike.task.add" });
  });

  it("keeps secrets out of every error", async () => {
    const body = JSON.stringify({ error: { code: 402, name: "CREDENTIALS_ERROR", message: "Authorization failed" } });
    expectNoSecrets(await caught(clientAnswering(body, { status: 401 }).profile.get()));
    expectNoSecrets(await caught(clientAnswering("not json").profile.get()));
  });
});

describe("broken bodies and transport failures", () => {
  it("malformed JSON is a WrikeDecodeError", async () => {
    const error = await caught(clientAnswering('{"task": {"id": 1,').task.get({ id: 1 }));
    expect(error).toBeInstanceOf(WrikeDecodeError);
    expect(error.message).toMatch(/^wrike\.task\.get: unreadable JSON/);
  });

  it("truncated XML is a WrikeDecodeError", async () => {
    const error = await caught(clientAnswering("<task><id>1</id><title>half", {}, "xml").task.get({ id: 1 }));
    expect(error).toBeInstanceOf(WrikeDecodeError);
    const cut = await caught(clientAnswering("<task><id>1</id>", {}, "xml").task.get({ id: 1 }));
    expect(cut).toBeInstanceOf(WrikeDecodeError);
    expect(cut.message).toContain("not closed");
  });

  it("an HTTP error without an envelope is a WrikeTransportError with the status", async () => {
    const error = await caught(clientAnswering("<html>Bad gateway</html>", { status: 502, contentType: "text/html" }).task.get({ id: 1 }));
    expect(error).toBeInstanceOf(WrikeTransportError);
    expect(error).toMatchObject({ reason: "http-status", httpStatus: 502 });
  });

  it("a network failure and a timeout are told apart", async () => {
    const auth = { kind: "bearer" as const, token: secrets.token };
    const retry = { maxAttempts: 1 };
    const failing = createWrikeClient({ auth, retry, fetch: (async () => Promise.reject(new TypeError("fetch failed"))) as typeof fetch });
    expect(await caught(failing.profile.get())).toMatchObject({ reason: "network" });
    const hanging = createWrikeClient({
      auth,
      retry,
      timeoutMs: 20,
      // Never answers: the timeout races the answer (no signal reaches fetch unless the caller gave one).
      fetch: (() => new Promise(() => {})) as typeof fetch,
    });
    const timeout = await caught(hanging.profile.get());
    expect(timeout).toMatchObject({ reason: "timeout" });
    expectNoSecrets(timeout);
  });
});

describe("asyncKey", () => {
  it("is passed through and checked against the echo", async () => {
    const ok = await clientAnswering(JSON.stringify({ folder: { id: 3, asyncKey: "k-1" } })).folder.get({ id: 3, asyncKey: "k-1" });
    expect(ok.asyncKey).toBe("k-1");
    const error = await caught(clientAnswering(JSON.stringify({ folder: { id: 3, asyncKey: "other" } })).folder.get({ id: 3, asyncKey: "k-1" }));
    expect(error).toBeInstanceOf(WrikeAsyncKeyMismatchError);
    expect(error.message).toBe('wrike.folder.get: sent asyncKey "k-1" but the response echoed "other"');
  });
});

describe("arguments are checked before anything is sent", () => {
  it("names every bad argument", async () => {
    let sent = 0;
    const client = createWrikeClient({ auth: { kind: "bearer", token: "t" }, fetch: (async () => (sent++, new Response("{}"))) as typeof fetch });
    const error = await caught(
      client.task.add({ title: 5, parents: [1, -2], startDate: "2010-11-05", template: "x" } as never),
    );
    expect(sent).toBe(0);
    expect(error).toBeInstanceOf(WrikeValidationError);
    expect((error as WrikeValidationError).issues).toEqual([
      { path: "template", expected: "no such argument", received: "an unknown argument" },
      { path: "title", expected: "string", received: "number 5" },
      { path: "startDate", expected: 'a date and time (yyyy-MM-ddTHH:mm:ss, a date as Wrike returned it, or a valid Date; for a whole day pass "2010-11-05T00:00:00")', received: 'string "2010-11-05"' },
      { path: "parents[1]", expected: "an id (non-negative integer)", received: "number -2" },
    ]);
    expect(error.message).toMatch(/^wrike\.task\.add: invalid arguments:/);
  });

  it("reports a missing required argument and a missing alternative", async () => {
    const client = createWrikeClient({ auth: { kind: "bearer", token: "t" } });
    expect((await caught(client.timelog.add({ taskId: 1, hours: 2 } as never)) as WrikeValidationError).issues).toEqual([
      { path: "date", expected: "present (required argument)", received: "nothing" },
    ]);
    expect((await caught(client.comment.list({} as never)) as WrikeValidationError).issues).toEqual([{ path: "taskId | ids", expected: "one of taskId, ids", received: "none" }]);
    expect((await caught(client.task.filter({ template: "yesterday" })) as WrikeValidationError).issues[0]!.path).toBe("template");
    expect((await caught(client.task.filter({ ids: ["1,2"] as never })) as WrikeValidationError).issues[0]!.path).toBe("ids[0]");
  });
});

describe("transport settings", () => {
  it("refuses plain HTTP except on localhost", () => {
    const auth = { kind: "bearer" as const, token: "t" };
    expect(() => createWrikeClient({ auth, baseUrl: "http://www.wrike.com" })).toThrow("baseUrl must be an https URL (http only for localhost): http://www.wrike.com/");
    expect(() => createWrikeClient({ auth, baseUrl: "http://localhost:8080" })).not.toThrow();
    expect(() => createWrikeClient({ auth, baseUrl: "http://127.0.0.1:8080" })).not.toThrow();
  });

  it("asks for XML support when the format is XML", () => {
    const auth = { kind: "bearer" as const, token: "t" };
    expect(() => createWrikeClient({ auth, format: "xml" })).toThrow('format "xml": pass `xml: xmlSupport` from "@wrikekit/client/xml"');
  });
});
