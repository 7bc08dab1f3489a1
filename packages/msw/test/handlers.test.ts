/**
 * The generated handlers, served by MSW's node server and called through the real typed client.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { setupServer } from "msw/node";
import { http, HttpResponse } from "msw";
import { errorCodes, WrikeApiError, WrikeAsyncKeyMismatchError, WrikeTransportError, type Task, type V2Timestamp, type WrikeClient } from "@wrikekit/client/v2";
import { methodDescriptors } from "@wrikekit/client/server";
import * as msw from "../src/v2/index.js";
import {
  attachmentDownloadHandler,
  contactsListHandler,
  createWrikeHandlers,
  defaultDownloadBody,
  deepMerge,
  folderGetHandler,
  profileGetHandler,
  taskAddHandler,
  taskFilterHandler,
  taskGetHandler,
  type DocumentHandlerFactory,
} from "../src/v2/index.js";
import { callMethod, clients, ir, specExamples } from "./spec-examples.js";

const server = setupServer(...createWrikeHandlers());
// The clients are made after listen(): the transport takes globalThis.fetch when it is created, so a
// client made before MSW patches fetch would reach the network.
let json: WrikeClient;
let xml: WrikeClient;
let both: (readonly ["json" | "xml", WrikeClient])[];
beforeAll(() => {
  server.listen({ onUnhandledRequest: "error" });
  ({ json, xml } = clients());
  both = [
    ["json", json],
    ["xml", xml],
  ];
});
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const factoryOf = (methodId: string) => {
  const m = ir.methods.find((x) => x.id === methodId)!;
  return (msw as unknown as Record<string, DocumentHandlerFactory<unknown, unknown, number, string>>)[`${m.functionName}Handler`]!;
};

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe("reference examples", () => {
  it("createWrikeHandlers answers every method", () => {
    expect(createWrikeHandlers()).toHaveLength(Object.keys(methodDescriptors).length);
    for (const id of Object.keys(methodDescriptors)) expect(factoryOf(id).method).toBe(id);
  });

  for (const ex of specExamples)
    it(`${ex.method.id} (${ex.name}) answers its example in JSON and XML, decoded to deep-equal values`, async () => {
      const factory = factoryOf(ex.method.id);
      server.use(factory(undefined, { example: ex.name }));
      const fromJson = await callMethod(json, ex.method, ex.args);
      const fromXml = await callMethod(xml, ex.method, ex.args);
      expect(fromJson).toEqual(ex.expected);
      expect(fromXml).toEqual(fromJson);
      expect(factory.example(ex.name)).toEqual(ex.expected);
    });

  it("answers the first example of the default variant without options (wrike.task.filter: the list)", async () => {
    const list = await json.task.filter();
    expect(list).toEqual(taskFilterHandler.example("list"));
    expect("list" in list).toBe(true);
  });

  it("answers /api/v2/<method> in XML, the server's default, and /api/json/v2 in JSON", async () => {
    const noFormat = await fetch("https://www.wrike.com/api/v2/wrike.contacts.list", { method: "POST" });
    expect(noFormat.headers.get("content-type")).toContain("xml");
    expect(await noFormat.text()).toMatch(/^<\?xml[^>]*\?><contacts><list><contact uid="GCG7DDZ4Q1ic" firstName="Alexey"/);
    const asJson = await fetch("https://www.wrike.com/api/json/v2/wrike.contacts.list", { method: "POST" });
    expect(asJson.headers.get("content-type")).toContain("json");
    expect(await asJson.json()).toEqual({ contacts: contactsListHandler.example() });
  });

  it("example() hands out fresh copies", () => {
    const a = taskAddHandler.example();
    a.title = "changed";
    expect(taskAddHandler.example().title).toBe("The task name");
  });

  it("rejects an unknown example name when the handler is made", () => {
    expect(() => taskAddHandler(undefined, { example: "nope" as "reference" })).toThrow(/no example named "nope"/);
  });
});

describe("overrides", () => {
  it("deep-merges a partial value over the example", async () => {
    server.use(taskAddHandler({ title: "Renamed", responsibleUsers: ["abc"], importance: 0 }));
    for (const [, client] of both) {
      const task = await client.task.add({ title: "Renamed" });
      expect(task).toEqual({ ...taskAddHandler.example(), title: "Renamed", responsibleUsers: ["abc"], importance: 0 });
    }
  });

  it("merges nested objects key by key, replaces lists whole, and removes a field given as undefined", () => {
    const merged = deepMerge({ a: { b: 1, c: [1, 2] }, d: "x", e: 1 }, { a: { c: [3] }, d: undefined });
    expect(merged).toEqual({ a: { b: 1, c: [3] }, e: 1 });
    server.use(folderGetHandler({ description: undefined, sharedUsers: [] }));
    return json.folder.get({ id: 284064 }).then((folder) => {
      expect(folder).not.toHaveProperty("description");
      expect(folder.sharedUsers).toEqual([]);
      expect(folder.title).toBe("spool");
    });
  });

  it("never reaches a prototype: __proto__, constructor and prototype keys are plain data", () => {
    const hostile = JSON.parse('{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}, "a": {"__proto__": {"polluted": "yes"}}}');
    const merged = deepMerge({ a: { b: 1 } } as Record<string, unknown>, hostile);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(merged.a)).toBe(Object.prototype);
    expect(Object.keys(merged)).toEqual(["a", "__proto__", "constructor"]);
    expect(Object.getOwnPropertyDescriptor(merged, "__proto__")!.value).toEqual({ polluted: "yes" });
    expect(merged.constructor).toEqual({ prototype: { polluted: "yes" } });
    expect(Object.getOwnPropertyDescriptor(merged.a, "__proto__")!.value).toEqual({ polluted: "yes" });
    expect((merged.a as Record<string, unknown>).b).toBe(1);
  });

  it("answers a full value exactly with merge: false", async () => {
    const task: Task = { id: 1, title: "Only this", parents: [7] };
    server.use(taskAddHandler(task, { merge: false }));
    for (const [, client] of both) expect(await client.task.add({ title: "x" })).toEqual(task);
  });

  it("passes a resolver the request's typed arguments, format and params", async () => {
    const seen: unknown[] = [];
    server.use(
      taskAddHandler(({ args, format, params, example }) => {
        seen.push({ format, params: { ...params }, args });
        expect(example.id).toBe(370464);
        return { title: args.title, parents: args.parents ?? [], importance: args.importance ?? 1, startDate: args.startDate === undefined ? "" : (`${String(args.startDate).replace("T", " ")}.0` as V2Timestamp) };
      }),
    );
    const args = { title: "From the request", parents: [11, 12], importance: 2, startDate: "2024-05-01T09:30:00" } as const;
    for (const [, client] of both) {
      const task = await client.task.add(args);
      expect(task).toMatchObject({ id: 370464, title: "From the request", parents: [11, 12], importance: 2, startDate: "2024-05-01 09:30:00.0" });
    }
    expect(seen).toEqual([
      { format: "json", params: { format: "json" }, args: { title: "From the request", parents: [11, 12], importance: 2, startDate: "2024-05-01T09:30:00" } },
      { format: "xml", params: { format: "xml" }, args: { title: "From the request", parents: [11, 12], importance: 2, startDate: "2024-05-01T09:30:00" } },
    ]);
  });

  it("accepts an async resolver whose value replaces the example with merge: false", async () => {
    server.use(taskGetHandler(async ({ args }) => ({ id: args.id, title: `task ${args.id}` }), { merge: false }));
    expect(await xml.task.get({ id: 42 })).toEqual({ id: 42, title: "task 42" });
  });

  it("picks the variant a replacement value fits (wrike.task.filter count)", async () => {
    server.use(taskFilterHandler({ tLast: 5, count: 3 }, { merge: false }));
    for (const [, client] of both) expect(await client.task.filter({ count: true })).toEqual({ tLast: 5, count: 3 });
    server.resetHandlers();
    server.use(taskFilterHandler({ count: 7 }, { example: "count" }));
    expect(await xml.task.filter({ count: true })).toEqual({ tLast: 1290072477305, count: 7 });
  });

  it("echoes the request's asyncKey, unless the override sets its own", async () => {
    for (const [, client] of both) expect((await client.folder.get({ id: 1, asyncKey: "mine" })).asyncKey).toBe("mine");
    expect((await json.task.add({ title: "x", asyncKey: "k1" })).asyncKey).toBe("k1");
    server.use(folderGetHandler({ asyncKey: "other" }));
    await expect(json.folder.get({ id: 1, asyncKey: "mine" })).rejects.toBeInstanceOf(WrikeAsyncKeyMismatchError);
  });

  it("serves a fixed answer to every request alike: an echo or a caller's change stays with its own answer", async () => {
    server.use(folderGetHandler({ title: "fixed" }));
    for (const [, client] of both) {
      const echoed = await client.folder.get({ id: 1, asyncKey: "first" });
      expect(echoed).toMatchObject({ title: "fixed", asyncKey: "first" });
      echoed.title = "changed by the caller";
      const plain = await client.folder.get({ id: 1 });
      expect(plain.title).toBe("fixed");
      expect(plain.asyncKey).toBe(folderGetHandler.example().asyncKey); // the example's own, not the last echo
      expect((await client.folder.get({ id: 1, asyncKey: "second" })).asyncKey).toBe("second");
    }
    // A resolver is still given the request unread, and a fresh example each time.
    server.use(
      folderGetHandler(async ({ request, example }) => {
        example.title = `${example.title}!`;
        return { title: `${example.title} ${(await request.text()).includes("id=1")}` };
      }),
    );
    expect((await json.folder.get({ id: 1 })).title).toBe("spool! true");
    expect((await json.folder.get({ id: 1 })).title).toBe("spool! true");
  });

  it("answers a value as it was when the handler was made, before and after the first request", async () => {
    const before = { title: "as made" };
    server.use(folderGetHandler(before));
    before.title = "changed before the first request";
    expect((await json.folder.get({ id: 1 })).title).toBe("as made");
    before.title = "changed after it";
    expect((await xml.folder.get({ id: 1 })).title).toBe("as made");
  });

  it("a method without arguments never reads the request's body; one with arguments reads it (without a copy)", async () => {
    const bodyRead: Record<string, boolean> = {};
    const listener = ({ request }: { request: Request }) => void (bodyRead[new URL(request.url).pathname.split("/").pop()!] = request.bodyUsed);
    server.events.on("response:mocked", listener);
    try {
      const init = { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "id=1" };
      for (const method of ["wrike.profile.get", "wrike.task.get"]) expect((await fetch(`https://www.wrike.com/api/json/v2/${method}`, init)).status).toBe(200);
    } finally {
      server.events.removeListener("response:mocked", listener);
    }
    expect(bodyRead).toEqual({ "wrike.profile.get": false, "wrike.task.get": true });
    // A resolver of a method without arguments gets no arguments, and the request unread.
    server.use(profileGetHandler(async ({ request, args }) => ({ firstName: `${Object.keys(args).length} ${await request.text()}` })));
    const answer = await fetch("https://www.wrike.com/api/json/v2/wrike.profile.get", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "stray=1" });
    expect(((await answer.json()) as { profile: { firstName: string } }).profile.firstName).toBe("0 stray=1");
  });

  it("answers only once with { once: true }", async () => {
    server.use(taskAddHandler({ title: "first" }, { once: true }));
    expect((await json.task.add({ title: "a" })).title).toBe("first");
    expect((await json.task.add({ title: "a" })).title).toBe("The task name");
  });
});

describe("errors", () => {
  const cases = [
    ["wrike.task.add", { title: "x" }],
    ["wrike.folder.get", { id: 1 }],
    ["wrike.contacts.list", {}],
    ["wrike.comment.delete", { ids: [1] }],
  ] as const;
  for (const [methodId, args] of cases) {
    const method = ir.methods.find((m) => m.id === methodId)!;
    for (const code of method.errors)
      it(`${methodId} answers ${code} as WrikeApiError in JSON and XML`, async () => {
        server.use(factoryOf(methodId).error(code));
        const info = errorCodes[String(code) as keyof typeof errorCodes];
        for (const [, client] of both) {
          const error = await callMethod(client, method, args).then(
            () => undefined,
            (e: unknown) => e,
          );
          expect(error).toBeInstanceOf(WrikeApiError);
          expect(error).toMatchObject({ code, errorName: info.name, httpStatus: info.httpStatus, serverMessage: method.errorMessages![String(code)], method: methodId });
        }
      });
  }

  it("refuses a code the API does not have when the handler is made", () => {
    expect(() => taskAddHandler.error(999 as 405)).toThrow(/999 is not an error code of wrikeV2/);
  });

  it("takes a message of the test's own", async () => {
    server.use(taskAddHandler.error(405, "Viewers cannot add tasks"));
    await expect(xml.task.add({ title: "x" })).rejects.toMatchObject({ code: 405, errorName: "LIMITATION_ERROR", serverMessage: "Viewers cannot add tasks", httpStatus: 403 });
  });

  it("writes the envelope of spec/v2/api.yaml on the wire", async () => {
    server.use(taskAddHandler.error(406));
    const asJson = await fetch("https://www.wrike.com/api/json/v2/wrike.task.add", { method: "POST", body: new URLSearchParams({ title: "x" }) });
    expect(asJson.status).toBe(404);
    expect(await asJson.json()).toEqual({ error: { code: 406, name: "ACCESS_ERROR", message: "The task with given id not found in the calling user's task scope." } });
    const asXml = await fetch("https://www.wrike.com/api/v2/wrike.task.add", { method: "POST", body: new URLSearchParams({ title: "x" }) });
    expect(await asXml.text()).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><error><code>406</code><name>ACCESS_ERROR</name><message>The task with given id not found in the calling user&apos;s task scope.</message></error>',
    );
  });

  it("answers 403 MISSING_REQUIRED_PARAMETER when a required argument is absent, as the server does", async () => {
    const response = await fetch("https://www.wrike.com/api/json/v2/wrike.task.add", { method: "POST", body: new URLSearchParams({ description: "no title" }) });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { code: 403, name: "MISSING_REQUIRED_PARAMETER", message: "Missing required parameter: title" } });
    const oneOf = await fetch("https://www.wrike.com/api/json/v2/wrike.comment.list", { method: "POST" });
    expect(((await oneOf.json()) as { error: { message: string } }).error.message).toBe("Missing required parameter: taskId or ids");
    server.use(taskAddHandler(({ args }) => ({ title: args.title ?? "(none)" }), { requireArguments: false }));
    const lenient = await fetch("https://www.wrike.com/api/json/v2/wrike.task.add", { method: "POST" });
    expect(((await lenient.json()) as { task: { title: string } }).task.title).toBe("(none)");
  });
});

describe("wrike.attachment.download", () => {
  it("answers the default bytes", async () => {
    for (const [, client] of both) {
      const download = await client.attachment.download({ id: 25053 });
      expect(download.contentType).toBe("application/octet-stream");
      expect(download.size).toBe(defaultDownloadBody.byteLength);
      expect(await bytesOf(download.body)).toEqual(defaultDownloadBody);
    }
  });

  it("answers given bytes, text, or what a resolver returns for the typed arguments", async () => {
    server.use(attachmentDownloadHandler(Uint8Array.of(1, 2, 3), { contentType: "image/png" }));
    const png = await json.attachment.download({ id: 1 });
    expect(png.contentType).toBe("image/png");
    expect(await bytesOf(png.body)).toEqual(Uint8Array.of(1, 2, 3));
    server.use(attachmentDownloadHandler(({ args }) => ({ body: `file ${args.id}`, contentType: "text/plain" })));
    const text = await json.attachment.download({ id: 25053 });
    expect(text.contentType).toBe("text/plain");
    expect(new TextDecoder().decode(await bytesOf(text.body))).toBe("file 25053");
  });

  it("answers its documented errors", async () => {
    server.use(attachmentDownloadHandler.error(406));
    for (const [, client] of both)
      await expect(client.attachment.download({ id: 1 })).rejects.toMatchObject({ code: 406, errorName: "ACCESS_ERROR", httpStatus: 404 });
  });
});

describe("base URL", () => {
  it("serves the whole set under a custom base URL, with a path prefix", async () => {
    const custom = setupServer(...createWrikeHandlers({ baseUrl: "http://localhost:8080/wrike/" }));
    server.close();
    custom.listen({ onUnhandledRequest: "error" });
    try {
      const local = clients("http://localhost:8080/wrike");
      expect(await local.json.task.add({ title: "x" })).toEqual(taskAddHandler.example());
      expect(await local.xml.profile.get()).toMatchObject({ uid: "OYgzyijdAo5Q" });
      // The default base URL is not answered by handlers made for another.
      await expect(clients().json.task.add({ title: "x" })).rejects.toBeInstanceOf(WrikeTransportError);
    } finally {
      custom.close();
      server.listen({ onUnhandledRequest: "error" });
    }
  });

  it("matches one method only, not its neighbours or other formats", async () => {
    server.use(http.post("https://www.wrike.com/api/yaml/v2/wrike.task.add", () => HttpResponse.text("not a format")));
    const other = await fetch("https://www.wrike.com/api/yaml/v2/wrike.task.add", { method: "POST", body: new URLSearchParams({ title: "x" }) });
    expect(await other.text()).toBe("not a format");
    server.use(taskAddHandler.error(405));
    expect((await json.task.update({ id: 1, title: "x" })).id).toBe(369812);
  });

  it("matches the URL's path without its query or fragment, names its pattern in MSW's logs, and yields to server.use()", async () => {
    const answered = await fetch("https://www.wrike.com/api/json/v2/wrike.profile.get?x=1#top", { method: "POST" });
    expect(await answered.json()).toMatchObject({ profile: { uid: "OYgzyijdAo5Q" } });
    expect(profileGetHandler().info.header).toMatch(/^POST \/.*wrike\\.profile\\.get\$\/$/);
    server.use(http.post("https://www.wrike.com/api/json/v2/wrike.profile.get", () => HttpResponse.text("mine")));
    expect(await (await fetch("https://www.wrike.com/api/json/v2/wrike.profile.get", { method: "POST" })).text()).toBe("mine");
  });
});
