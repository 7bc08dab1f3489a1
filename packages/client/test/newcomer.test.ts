/**
 * What a newcomer trips over first (issue 14): each mistake fails with a message that names the problem and
 * the fix, and the v2 surface follows the arguments (count, paging, dates that come back).
 */
import { afterEach, describe, expect, expectTypeOf, it, vi } from "vitest";
import {
  createManualClock,
  createOAuth1Flow,
  createTransport,
  createWrikeClient,
  taskAdd,
  toDate,
  WrikeApiError,
  WrikeTransportError,
  WrikeValidationError,
  wrikeV2Api,
  type Task,
  type TaskFilterCount,
  type TaskFilterList,
  type TaskFilterResult,
} from "../src/v2/index.js";
import { createWrikeClient as createV4Client, WrikeApiError as V4ApiError } from "../src/index.js";
import { caught } from "./caught.js";

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

describe("auth mistakes say what to pass", () => {
  it("no options, no auth", () => {
    expect(() => createWrikeClient(undefined as never)).toThrow('createWrikeClient needs options with `auth`: createWrikeClient({ auth: { kind: "bearer", token } })');
    expect(() => createWrikeClient({} as never)).toThrow(/^createWrikeClient: `auth` is missing: pass \{ kind: "bearer", \.\.\. \}, \{ kind: "oauth1", \.\.\. \}, \{ kind: "oauth2", \.\.\. \} or an Authorizer/);
  });

  it('kind "Bearer" (capitalised) names the lower-case kind', () => {
    expect(() => createWrikeClient({ auth: { kind: "Bearer", token: "t" } as never })).toThrow('auth.kind "Bearer" is not accepted here (kinds are lower-case: use "bearer")');
  });

  it("an empty bearer token is refused before anything is sent, without quoting a token", () => {
    const fetch = vi.fn();
    expect(() => createWrikeClient({ auth: { kind: "bearer", token: "" }, fetch })).toThrow(/auth\.token is empty: pass a permanent token .* or an OAuth 2\.0 access token/);
    expect(() => createWrikeClient({ auth: { kind: "bearer", token: "   " }, fetch })).toThrow(/auth\.token is empty/);
    expect(() => createTransport(wrikeV2Api, { auth: { kind: "bearer", token: "" } })).toThrow('auth must be { kind: "bearer", token } or an Authorizer');
    expect(fetch).not.toHaveBeenCalled();
  });

  it("OAuth 1.0a credentials given to a bare transport are refused (it takes an Authorizer), a misspelt kind named", () => {
    expect(() => createTransport(wrikeV2Api, { auth: { kind: "oauth1", consumerKey: "k", consumerSecret: "s", token: "t", tokenSecret: "ts" } as never })).toThrow(
      'auth must be { kind: "bearer", token } or an Authorizer',
    );
    expect(() => createWrikeClient({ auth: { kind: "OAuth1" } as never })).toThrow('auth.kind "OAuth1" is not accepted here (kinds are lower-case: use "oauth1")');
  });

  it("a bare transport refuses a token that cannot go into a header too, without quoting it", () => {
    const fetch = vi.fn();
    for (const token of ["SECRET-PART-1\nSECRET-PART-2", "SECRET-PART-1 SECRET-PART-2", "SECRET-PART-1€"]) {
      expect(() => createTransport(wrikeV2Api, { auth: { kind: "bearer", token }, fetch })).toThrow('auth must be { kind: "bearer", token } or an Authorizer');
      expect(() => createTransport(wrikeV2Api, { auth: { kind: "bearer", token }, fetch })).not.toThrow(/SECRET/);
    }
    // Surrounding whitespace (a token pasted with its line break) is not the token's: it still goes out.
    expect(() => createTransport(wrikeV2Api, { auth: { kind: "bearer", token: " SECRET-TOKEN\n" }, fetch })).not.toThrow();
    expect(fetch).not.toHaveBeenCalled();
  });

  it("a token that cannot go into a header is refused at once, without quoting it (fetch's own error quotes the header)", () => {
    for (const create of [createWrikeClient, createV4Client])
      for (const token of ["SECRET-PART-1\nSECRET-PART-2", "SECRET-PART-1 SECRET-PART-2", "SECRET-PART-1€"]) {
        let message = "";
        try {
          create({ auth: { kind: "bearer", token } });
        } catch (error) {
          message = (error as Error).message;
        }
        expect(message).toBe("createWrikeClient: auth.token contains a space, a line break or a non-ASCII character, which cannot be sent in a header: pass the token alone");
      }
    // Around it, whitespace is what a token read from a file brings, and fetch drops it.
    expect(() => createV4Client({ auth: { kind: "bearer", token: "token-from-a-file\n" } })).not.toThrow();
  });

  it("missing OAuth 1.0a fields are named, and the secrets are not shown", () => {
    let message = "";
    try {
      createWrikeClient({ auth: { kind: "oauth1", consumerKey: "key", consumerSecret: "very-secret", token: "", tokenSecret: undefined } as never });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe("createWrikeClient: OAuth 1.0a auth needs auth.token, auth.tokenSecret (non-empty strings from your Wrike app and its access token)");
  });

  it("a blank OAuth 1.0a field (an unset variable read as spaces) is named like a missing one", () => {
    expect(() => createWrikeClient({ auth: { kind: "oauth1", consumerKey: "  ", consumerSecret: "s", token: "t", tokenSecret: "\n" } })).toThrow("OAuth 1.0a auth needs auth.consumerKey, auth.tokenSecret");
  });
});

describe("a wrong baseUrl says what the base is", () => {
  it("refuses a base URL that already ends in the API path", () => {
    expect(() => createWrikeClient({ auth: { kind: "bearer", token: "t" }, baseUrl: "https://www.wrike.com/api/json/v2" })).toThrow(
      'baseUrl ends in the API path /api/json/v2, which the client adds itself: pass "https://www.wrike.com"',
    );
    expect(() => createWrikeClient({ auth: { kind: "bearer", token: "t" }, baseUrl: "http://localhost:8080/proxy/api/v4/" })).toThrow('pass "http://localhost:8080/proxy"');
  });

  it("refuses a base URL with credentials, a query or a fragment, without repeating the credentials", () => {
    for (const create of [createWrikeClient, createV4Client])
      for (const [baseUrl, base] of [
        ["http://user:pw-secret@127.0.0.1:8080/proxy", "http://127.0.0.1:8080/proxy"],
        ["https://proxy.example.com/?token=abc", "https://proxy.example.com/"],
        ["https://proxy.example.com/p#x", "https://proxy.example.com/p"],
      ] as const) {
        let message = "";
        try {
          create({ auth: { kind: "bearer", token: "t" }, baseUrl });
        } catch (error) {
          expect(error).toBeInstanceOf(TypeError);
          message = (error as Error).message;
        }
        expect(message).toBe(`baseUrl must be an origin and a path, without credentials, query or fragment: pass ${JSON.stringify(base)}`);
      }
  });

  it("a host and port without a scheme is named as given (it parses as a URL of scheme \"localhost:\", with no origin)", () => {
    for (const create of [createWrikeClient, createV4Client])
      expect(() => create({ auth: { kind: "bearer", token: "t" }, baseUrl: "localhost:8080" })).toThrow('baseUrl must be an https URL (http only for localhost): "localhost:8080"');
  });

  it("host and baseUrl together are refused: one would go unused", () => {
    for (const create of [createWrikeClient, createV4Client])
      expect(() => create({ auth: { kind: "bearer", token: "t" }, host: "app-eu.wrike.com", baseUrl: "http://localhost:8080" })).toThrow("pass either baseUrl (a proxy's or an emulator's origin) or host (the account's API host, app-eu.wrike.com), not both");
  });

  it("a URL given as host names the host to pass and where a URL goes", () => {
    expect(() => createWrikeClient({ auth: { kind: "bearer", token: "t" }, host: "https://app-eu.wrike.com" })).toThrow('host must be a host name such as app-eu.wrike.com (pass a URL as baseUrl): "https://app-eu.wrike.com"');
  });

  it("a 404 names the URL and what to check", async () => {
    const client = createWrikeClient({ auth: { kind: "bearer", token: "t" }, baseUrl: "https://proxy.example.com/wrong", fetch: async () => new Response("Not Found", { status: 404, statusText: "Not Found" }), retry: false });
    const error = await caught(client.task.get({ id: 1 }));
    expect(error).toBeInstanceOf(WrikeTransportError);
    expect(error.message).toBe(
      "wrike.task.get: HTTP 404 (https://proxy.example.com/wrong/api/json/v2/wrike.task.get): no such method; check baseUrl",
    );
  });
});

describe("failures that were retried say so", () => {
  it("connection refused: how many attempts over how long, and how to change it", async () => {
    const refused = Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } });
    const client = createWrikeClient({ auth: { kind: "bearer", token: "t" }, fetch: async () => Promise.reject(refused), retry: { initialDelayMs: 1, maxDelayMs: 1, jitter: 0 }, rateLimit: false });
    const error = await caught(client.task.get({ id: 1 }));
    expect(error).toBeInstanceOf(WrikeTransportError);
    expect((error as WrikeTransportError).attempts).toBe(5);
    expect(error.message).toMatch(/^wrike\.task\.get: network error \(https:\/\/www\.wrike\.com\/api\/json\/v2\/wrike\.task\.get\): fetch failed \(ECONNREFUSED\) \(gave up after 5 attempts over \d+\.\d s; `retry: \{ maxAttempts, maxTotalMs \}` or `retry: false` changes this\)$/);
  });
});

describe("a bad Date is reported as one", () => {
  it("v4: a Date inside a structured argument is refused, nothing sent (an invalid one would go as null and clear the field)", async () => {
    const fetch = vi.fn<typeof globalThis.fetch>();
    const client = createV4Client({ auth: { kind: "bearer", token: "t" }, fetch });
    for (const due of [new Date("nope"), new Date("2026-12-24T10:00:00Z")]) {
      // @ts-expect-error: task dates are text (a Date is taken by arguments typed as dates, at the top level)
      const error = await caught(client.tasks.createInFolder({ folderId: "IEAGKVLFI4AAAAAA", title: "x", dates: { due } }));
      expect(error).toBeInstanceOf(WrikeValidationError);
      expect((error as WrikeValidationError).issues).toEqual([{ path: "dates.due", expected: "text in the form Wrike takes (a Date goes only in an argument typed as a date)", received: expect.stringMatching(/Date/) }]);
    }
    expect(fetch).not.toHaveBeenCalled();
  });

  it('new Date("nope") is "an invalid Date", not "object"', async () => {
    const client = createWrikeClient({ auth: { kind: "bearer", token: "t" }, fetch: vi.fn() });
    const error = await caught(client.task.add({ title: "x", dueDate: new Date("nope") }));
    expect(error).toBeInstanceOf(WrikeValidationError);
    expect((error as WrikeValidationError).issues[0]).toMatchObject({ path: "dueDate", received: "an invalid Date" });
  });
});

describe("the OAuth 1.0a flow", () => {
  it("keeps the server's oauth_problem and its advice", async () => {
    const flow = createOAuth1Flow({
      consumerKey: "k",
      consumerSecret: "s",
      fetch: async () => new Response("oauth_problem=timestamp_refused&oauth_problem_advice=the%20clock%20is%20700%20s%20off", { status: 401 }),
    });
    await expect(flow.requestToken()).rejects.toThrow("request token: the server answered HTTP 401: timestamp_refused (the clock is 700 s off)");
  });

  it("takes Wrike's endpoints by default, in the shape the spec exports", () => {
    const flow = createOAuth1Flow({ consumerKey: "k", consumerSecret: "s" });
    expect(flow.authorizeUrl("rt")).toBe("https://www.wrike.com/rest/auth/authorize?oauth_token=rt");
  });
});

describe("a long wait for the client's limiter is visible", () => {
  afterEach(() => vi.restoreAllMocks());

  it("warns once without a hook, and tells rateLimitWait before each wait", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const clock = createManualClock(0);
    const answer = async () => json({ task: { id: 1 } });
    const unwatched = createWrikeClient({ auth: { kind: "bearer", token: "t" }, fetch: answer, clock, rateLimit: { requestsPerMinute: 1 } });
    await unwatched.task.get({ id: 1 });
    const second = unwatched.task.get({ id: 1 });
    const third = unwatched.task.get({ id: 1 });
    await clock.advance(120_000);
    await Promise.all([second, third]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toMatch(/^wrikekit: wrike\.task\.get waits 60\.0 s for the client-side rate limiter .* pass `rateLimit: false` \(createTestClient from @wrikekit\/emulator does\)/);

    const waits: number[] = [];
    const watched = createWrikeClient({ auth: { kind: "bearer", token: "t" }, fetch: answer, clock, rateLimit: { requestsPerMinute: 1 }, hooks: { rateLimitWait: (e) => waits.push(e.waitMs) } });
    await watched.task.get({ id: 1 });
    const next = watched.task.get({ id: 1 });
    await clock.advance(60_000);
    await next;
    expect(waits).toEqual([60_000]);
    expect(warn).toHaveBeenCalledTimes(1);
  });
});

describe("v2 results follow the arguments", () => {
  it("task.filter: a list without count, the count with count: true (types and values)", async () => {
    const fetch = vi.fn(async (_: RequestInfo | URL, init?: RequestInit) =>
      String(init?.body).includes("count=true") ? json({ filteredListCount: { tLast: 1, count: 3 } }) : json({ filteredList: { tLast: 1, list: [{ id: 5, title: "t" }] } }),
    );
    const wrike = createWrikeClient({ auth: { kind: "bearer", token: "t" }, fetch, rateLimit: false });
    const overdue = await wrike.task.filter({ template: "overdue:resp", limit: 50 });
    expectTypeOf(overdue).toEqualTypeOf<TaskFilterList>();
    expect(overdue.list.map((t) => t.id)).toEqual([5]);
    const counted = await wrike.task.filter({ count: true });
    expectTypeOf(counted).toEqualTypeOf<TaskFilterCount>();
    expect(counted.count).toBe(3);
    const unknown = await wrike.task.filter({ count: Math.random() > 2 });
    expectTypeOf(unknown).toEqualTypeOf<TaskFilterResult>();
    // Editors offer the known templates (the enum stays open, as all enums do); a wrong one fails before sending.
    const wrong = await caught(wrike.task.filter({ template: "overdue:everyone" }));
    expect((wrong as WrikeValidationError).issues[0]).toMatchObject({ path: "template", received: 'string "overdue:everyone"' });
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it("filterPages iterates tasks; .pages() iterates the pages", async () => {
    const all = Array.from({ length: 5 }, (_, i) => ({ id: i + 1, title: `t${i + 1}` }));
    const fetch = async (_: RequestInfo | URL, init?: RequestInit) => {
      const form = new URLSearchParams(String(init?.body));
      const offset = Number(form.get("offset")), limit = Number(form.get("limit"));
      return json({ filteredList: { tLast: 1, list: all.slice(offset, offset + limit) } });
    };
    const wrike = createWrikeClient({ auth: { kind: "bearer", token: "t" }, fetch, rateLimit: false });
    const titles: string[] = [];
    for await (const task of wrike.task.filterPages({}, { pageSize: 2 })) {
      expectTypeOf(task).toEqualTypeOf<Task>();
      titles.push(task.title!);
    }
    expect(titles).toEqual(["t1", "t2", "t3", "t4", "t5"]);
    const pages: number[][] = [];
    for await (const page of wrike.task.filterPages({}, { pageSize: 2 }).pages()) pages.push(page.map((t) => t.id));
    expect(pages).toEqual([[1, 2], [3], [4], [5]]);
  });

  it("a date that comes back goes back in, and toDate reads it as UTC", async () => {
    const bodies: string[] = [];
    const fetch = async (_: RequestInfo | URL, init?: RequestInit) => (bodies.push(String(init?.body)), json({ task: { id: 1, dueDate: "2026-12-10 15:00:00.43", startDate: "" } }));
    const transport = createTransport(wrikeV2Api, { auth: { kind: "bearer", token: "t" }, fetch });
    const task = await taskAdd(transport, { title: "x" });
    expect(toDate(task.dueDate as "2026-12-10 15:00:00.43").toISOString()).toBe("2026-12-10T15:00:00.430Z");
    if (task.dueDate) await taskAdd(transport, { title: "again", dueDate: task.dueDate, startDate: "2026-12-01T09:00:00" });
    expect(new URLSearchParams(bodies[1]).get("dueDate")).toBe("2026-12-10T15:00:00");
    // @ts-expect-error: a date without a time is not a task date (the message says how to write a whole day)
    const error = await caught(taskAdd(transport, { title: "x", dueDate: "2026-12-31" }));
    expect((error as WrikeValidationError).issues[0]!.expected).toContain('for a whole day pass "2026-12-31T00:00:00"');
    expect(() => toDate("" as never)).toThrow(RangeError);
    expect(() => toDate("2026-02-30")).toThrow('toDate: "2026-02-30" is not a Wrike date');
    expect(toDate("2026-12-01T09:00:00").toISOString()).toBe("2026-12-01T09:00:00.000Z");
  });
});

describe("API errors are typed by the API's known names and codes", () => {
  it("v2 and v4", () => {
    const v2 = new WrikeApiError({ code: 405, errorName: "LIMITATION_ERROR", serverMessage: "m", method: "wrike.folder.get", httpStatus: 403 });
    expectTypeOf(v2.errorName).toEqualTypeOf<"CREDENTIALS_ERROR" | "MISSING_REQUIRED_PARAMETER" | "LIMITATION_ERROR" | "ACCESS_ERROR" | "APPLICATION_ERROR" | (string & {})>();
    expectTypeOf(v2.code).toEqualTypeOf<402 | 403 | 405 | 406 | 407 | (number & {})>();
    const e: unknown = new V4ApiError({ code: 404, errorName: "resource_not_found", serverMessage: "m", method: "GET /tasks/{taskIds}", httpStatus: 404 });
    if (e instanceof V4ApiError) expectTypeOf(e.error).toExtend<"resource_not_found" | "not_authorized" | (string & {})>();
    expect(e).toBeInstanceOf(WrikeApiError); // one class at run time
  });
});

describe("a webhook needs the URL it posts to", () => {
  it("hookUrl is required by the types and checked before anything is sent", async () => {
    const sent: string[] = [];
    const fetch = async (input: RequestInfo | URL) => (sent.push(String(input)), json({ kind: "webhooks", data: [] }));
    const wrike = createV4Client({ auth: { kind: "bearer", token: "t" }, fetch, retry: false, rateLimit: false });
    // @ts-expect-error: Wrike answers 400 parameter_required without hookUrl
    const error = await caught(wrike.webhooks.create({ secret: "s" }));
    expect(error).toBeInstanceOf(WrikeValidationError);
    expect((error as WrikeValidationError).issues.map((issue) => issue.path)).toEqual(["hookUrl"]);
    // @ts-expect-error: likewise for a folder's and a space's webhooks
    await caught(wrike.webhooks.createInFolder({ folderId: "F1" }));
    expect(sent).toEqual([]);
    await wrike.webhooks.createInSpace({ spaceId: "S1", hookUrl: "https://app.example.com/wrike" });
    expect(sent).toEqual(["https://www.wrike.com/api/v4/spaces/S1/webhooks"]);
  });
});

describe("a credential given wrong is refused without being quoted", () => {
  it("a webhook secret that is not sendable text: the error names the argument and the kind of value, never the value", async () => {
    const fetch = vi.fn();
    const wrike = createV4Client({ auth: { kind: "bearer", token: "perm-token-123456" }, fetch });
    for (const secret of [987654321, "half-\uD800-surrogate-secret", ["list-secret-1234"]]) {
      const error = await caught(wrike.webhooks.createInFolder({ folderId: "IEAGKVLFI4AAAAAA", hookUrl: "https://hooks.example.com/wrike", secret: secret as never }));
      expect(error).toBeInstanceOf(WrikeValidationError);
      const { message, issues } = error as WrikeValidationError;
      expect(issues).toEqual([expect.objectContaining({ path: "secret", received: expect.stringMatching(/\(a secret: not shown\)$/) })]);
      for (const text of [message, JSON.stringify(issues)]) expect(text).not.toMatch(/987654321|surrogate-secret|list-secret/);
    }
    expect(fetch).not.toHaveBeenCalled();
  });
});
