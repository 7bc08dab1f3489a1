/**
 * Every v4 operation, table-driven from the spec: each argument is given, and the request must carry the
 * spec's verb and path (path ids percent-encoded, lists comma-joined), each argument under its wire name
 * in its slot and encoding (query text, JSON text for arrays and objects, a form body for writes, a raw
 * body with X-File-Name for uploads), and no body on GET or DELETE.
 */
import { describe, expect, it } from "vitest";
import type { Argument, Ir, Method } from "@wrikekit/codegen";
import * as v4 from "../../src/v4/index.js";
import { envelope, ir, recordingFetch } from "./spec.js";

/** A value for an argument, and its expected wire text. */
function sample(ir: Ir, a: Argument): { value: unknown; wire: string } {
  const t = a.type;
  if (a.encoding === "raw") return { value: new Uint8Array([1, 2, 3]), wire: "" };
  const one = (): { value: unknown; text: unknown } => {
    if (t.kind === "enum") {
      const first = (a.values ?? ir.enums.find((e) => e.name === t.name)!.values.map(([, v]) => v))[0]!;
      return { value: first, text: first };
    }
    if (t.kind === "model") return { value: { probe: `${a.name}-value` }, text: { probe: `${a.name}-value` } };
    switch (t.name) {
      case "opaqueId":
        // The long id format: characters that need percent-encoding in a path (":" and "=").
        return { value: `IEAG:${a.name}.v2=`, text: `IEAG:${a.name}.v2=` };
      case "integer":
      case "long":
        return { value: 7, text: 7 };
      case "double":
        return { value: 1.5, text: 1.5 };
      case "boolean":
        return { value: true, text: true };
      case "utcTimestamp":
        return { value: "2026-12-01T09:00:00Z", text: "2026-12-01T09:00:00Z" };
      case "date":
        return { value: "2026-12-01", text: "2026-12-01" };
      case "json":
        return { value: { any: [1, "two"] }, text: { any: [1, "two"] } };
      default:
        return { value: a.in === "header" ? "report.pdf" : `${a.name} text`, text: a.in === "header" ? "report.pdf" : `${a.name} text` };
    }
  };
  if (t.list) {
    const items = [one(), one()];
    if (a.encoding === "comma") return { value: items.map((i) => i.value), wire: items.map((i) => String(i.text)).join(",") };
    // The reference's form for webhook events: [TaskCreated,CommentAdded], items unquoted.
    if (a.encoding === "bracket") return { value: items.map((i) => i.value), wire: `[${items.map((i) => String(i.text)).join(",")}]` };
    return { value: items.map((i) => i.value), wire: JSON.stringify(items.map((i) => i.text)) };
  }
  const { value, text } = one();
  const isJsonText = t.kind === "model" || (t.kind === "scalar" && t.name === "json");
  return { value, wire: isJsonText ? JSON.stringify(text) : String(text) };
}

const call = (m: Method, transport: v4.WrikeTransport, args: Record<string, unknown>) =>
  (v4 as unknown as Record<string, (t: v4.WrikeTransport, a: unknown) => PromiseLike<unknown>>)[m.functionName]!(transport, args);

describe("every v4 operation sends every argument where the spec says", () => {
  it("covers every operation of the spec", () => expect(ir.methods.length).toBeGreaterThanOrEqual(199));

  for (const m of ir.methods)
    it(`${m.id} (${m.functionName})`, async () => {
      const stub = recordingFetch(() =>
        m.binary ? new Response(new Uint8Array([9, 9]), { headers: { "content-type": "application/pdf" } }) : new Response(JSON.stringify({ kind: "k", data: [] }), { headers: { "content-type": "application/json" } }),
      );
      const transport = v4.createTransport(v4.wrikeV4Api, { auth: { kind: "bearer", token: "tok" }, fetch: stub.fetch });
      const samples = new Map(m.args.map((a) => [a, sample(ir, a)]));
      await call(m, transport, Object.fromEntries([...samples].map(([a, s]) => [a.name, s.value])));
      expect(stub.requests).toHaveLength(1);
      const { request, body } = stub.requests[0]!;
      const url = new URL(request.url);
      expect(request.method).toBe(m.http.method);
      const expectedPath = m.http.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
        const [, s] = [...samples].find(([a]) => a.wireName === name)!;
        return s.wire.split(",").map(encodeURIComponent).join(",");
      });
      expect(url.pathname).toBe(`/api/v4${expectedPath}`);
      expect(request.headers.get("authorization")).toBe("Bearer tok");
      const form = new URLSearchParams(new TextDecoder().decode(body));
      for (const [a, s] of samples) {
        if (a.in === "query") expect(url.searchParams.getAll(a.wireName), a.name).toEqual([s.wire]);
        else expect(url.searchParams.has(a.wireName), `${a.name} is not in the query`).toBe(false);
        if (a.in === "header") expect(request.headers.get(a.wireName), a.name).toBe(s.wire);
        if (a.in === "body" && a.encoding !== "raw") expect(form.getAll(a.wireName), a.name).toEqual([s.wire]);
      }
      const raw = m.args.find((a) => a.encoding === "raw");
      if (m.http.method === "GET" || m.http.method === "DELETE") {
        expect(body.length, "no body on GET or DELETE").toBe(0);
        expect(request.headers.get("content-type")).toBeNull();
      } else if (raw) {
        expect([...body]).toEqual([1, 2, 3]);
        expect(request.headers.get("content-type")).toBe("application/octet-stream");
      } else if (m.args.some((a) => a.in === "body")) {
        expect(request.headers.get("content-type")).toBe("application/x-www-form-urlencoded; charset=UTF-8");
        expect([...form.keys()].sort()).toEqual(m.args.filter((a) => a.in === "body").map((a) => a.wireName).sort());
      }
    });
});

describe("webhook events travel as the reference writes them", () => {
  it("sends events=[TaskCreated,CommentAdded] in the form body", async () => {
    const stub = recordingFetch(() => envelope([], {}, "webhooks"));
    const transport = v4.createTransport(v4.wrikeV4Api, { auth: { kind: "bearer", token: "tok" }, fetch: stub.fetch });
    await v4.webhooksCreate(transport, { hookUrl: "https://hooks.example/wrike", events: [v4.WebhookEventType.TaskCreated, "CommentAdded"] });
    const body = new TextDecoder().decode(stub.requests[0]!.body);
    expect(new URLSearchParams(body).get("events")).toBe("[TaskCreated,CommentAdded]");
    expect(body).toContain("events=%5BTaskCreated%2CCommentAdded%5D");
  });

  it("passes an event type the spec does not list yet (the enum is open)", async () => {
    const stub = recordingFetch(() => envelope([], {}, "webhooks"));
    const transport = v4.createTransport(v4.wrikeV4Api, { auth: { kind: "bearer", token: "tok" }, fetch: stub.fetch });
    await v4.webhooksCreateInFolder(transport, { folderId: "F1", hookUrl: "https://hooks.example/wrike", events: ["TaskInventedLater"] });
    expect(new URLSearchParams(new TextDecoder().decode(stub.requests[0]!.body)).get("events")).toBe("[TaskInventedLater]");
  });

  it("refuses an item with a comma or a bracket, naming events[1], and sends nothing", async () => {
    const stub = recordingFetch();
    const transport = v4.createTransport(v4.wrikeV4Api, { auth: { kind: "bearer", token: "tok" }, fetch: stub.fetch });
    for (const bad of ["CommentAdded,TaskDeleted", "CommentAdded]"])
      await expect(v4.webhooksCreateInSpace(transport, { spaceId: "S1", hookUrl: "https://hooks.example/wrike", events: ["TaskCreated", bad] })).rejects.toMatchObject({
        name: "WrikeValidationError",
        direction: "arguments",
        issues: [{ path: "events[1]", expected: "an item without commas or brackets (items are sent as [a,b])", received: `string ${JSON.stringify(bad)}` }],
      });
    expect(stub.requests).toHaveLength(0);
  });
});

describe("arguments that cannot be sent are refused before anything is sent", () => {
  it("a missing path id names the argument", async () => {
    const stub = recordingFetch();
    const transport = v4.createTransport(v4.wrikeV4Api, { auth: { kind: "bearer", token: "tok" }, fetch: stub.fetch });
    await expect(v4.tasksGet(transport, {} as never)).rejects.toMatchObject({ name: "WrikeValidationError", issues: [expect.objectContaining({ path: "taskIds" })] });
    expect(stub.requests).toHaveLength(0);
  });

  it("an id of . or .. is refused: the URL parser would resolve it to another endpoint (a task's comments to the account's)", async () => {
    const stub = recordingFetch();
    const transport = v4.createTransport(v4.wrikeV4Api, { auth: { kind: "bearer", token: "tok" }, fetch: stub.fetch });
    for (const id of [".", ".."]) {
      await expect(v4.commentsListInTask(transport, { taskId: id })).rejects.toMatchObject({ name: "WrikeValidationError", issues: [expect.objectContaining({ path: "taskId" })] });
      await expect(v4.tasksGet(transport, { taskIds: [id] })).rejects.toMatchObject({ name: "WrikeValidationError", issues: [expect.objectContaining({ path: "taskIds" })] });
    }
    expect(stub.requests).toHaveLength(0);
    // Within a list, or with other characters, dots are an id's own: sent as they are.
    await v4.tasksGet(transport, { taskIds: ["..", "T1"] });
    await v4.commentsListInTask(transport, { taskId: "a..b" });
    expect(stub.requests.map(({ request }) => new URL(request.url).pathname)).toEqual(["/api/v4/tasks/..,T1", "/api/v4/tasks/a..b/comments"]);
  });

  it("an empty list of path ids is refused as such, never sent as an empty path segment", async () => {
    const stub = recordingFetch();
    const transport = v4.createTransport(v4.wrikeV4Api, { auth: { kind: "bearer", token: "tok" }, fetch: stub.fetch });
    await expect(v4.tasksGet(transport, { taskIds: [] })).rejects.toMatchObject({
      name: "WrikeValidationError",
      direction: "arguments",
      issues: [{ path: "taskIds", expected: "at least one id", received: "an empty list" }],
    });
    expect(stub.requests).toHaveLength(0);
  });

  it("uploads take a Blob, a web stream and a Node Readable", async () => {
    const { Readable } = await import("node:stream");
    for (const file of [new Blob([new Uint8Array([1, 2, 3])]), new Blob([new Uint8Array([1, 2, 3])]).stream(), Readable.from([Buffer.from([1]), Buffer.from([2, 3])])]) {
      const stub = recordingFetch(() => new Response(JSON.stringify({ kind: "attachments", data: [{ id: "A1" }] }), { headers: { "content-type": "application/json" } }));
      const transport = v4.createTransport(v4.wrikeV4Api, { auth: { kind: "bearer", token: "tok" }, fetch: stub.fetch });
      const answer = await v4.attachmentsCreateInTask(transport, { taskId: "T1", file, fileName: "a.bin" });
      expect(answer.data[0]!.id).toBe("A1");
      expect([...stub.requests[0]!.body]).toEqual([1, 2, 3]);
      expect(stub.requests[0]!.request.headers.get("x-file-name")).toBe("a.bin");
    }
  });

  it("a timestamp given as a Date travels as yyyy-MM-ddTHH:mm:ssZ", async () => {
    const stub = recordingFetch();
    const transport = v4.createTransport(v4.wrikeV4Api, { auth: { kind: "bearer", token: "tok" }, fetch: stub.fetch });
    const withDate = ir.methods.find((m) => m.args.some((a) => a.type.kind === "scalar" && a.type.name === "utcTimestamp" && a.in === "query" && !a.required))!;
    const arg = withDate.args.find((a) => a.type.kind === "scalar" && a.type.name === "utcTimestamp" && a.in === "query")!;
    const required = Object.fromEntries(withDate.args.filter((a) => a.required).map((a) => [a.name, sample(ir, a).value]));
    await call(withDate, transport, { ...required, [arg.name]: new Date(Date.UTC(2026, 11, 1, 9, 30, 5, 250)) });
    expect(new URL(stub.requests[0]!.request.url).searchParams.get(arg.wireName)).toBe("2026-12-01T09:30:05Z");
  });
});
