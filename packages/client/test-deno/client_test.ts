/**
 * @wrikekit/client under Deno, from its TypeScript sources: the generated client signs with OAuth 1.0a,
 * calls an in-process fake fetch that verifies the signature with @wrikekit/core, and decodes typed
 * results and typed errors, in JSON and XML. Run by `pnpm test:deno`.
 */
import { createWrikeClient, TaskStatus, WrikeApiError } from "@wrikekit/client/v2";
import { parseFormUrlEncoded, verifySignature } from "@wrikekit/core/oauth1";
import { xmlSupport } from "@wrikekit/core/xml";
import { assert, assertEquals, assertRejects } from "../../../scripts/deno/assert.ts";

const credentials = { consumerKey: "ck", consumerSecret: "cs-secret", token: "tk", tokenSecret: "ts-secret" };

function fakeWrike() {
  const tasks: { id: number; title: string; status: number }[] = [];
  const seen: string[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const body = await request.text();
    const verified = await verifySignature(
      { method: request.method, url: request.url, authorization: request.headers.get("authorization"), bodyParams: parseFormUrlEncoded(body) },
      { lookupSecrets: ({ consumerKey, token }) => (consumerKey === "ck" && token === "tk" ? credentials : null) },
    );
    const url = new URL(request.url);
    const method = url.pathname.split("/").pop()!;
    seen.push(`${url.pathname} ${verified.ok ? "signed" : "UNSIGNED"}`);
    const xml = url.pathname.startsWith("/api/xml/");
    const reply = (json: unknown, xmlText: string, status = 200) =>
      xml
        ? new Response(`<?xml version="1.0" encoding="UTF-8"?>${xmlText}`, { status, headers: { "content-type": "application/xml" } })
        : new Response(JSON.stringify(json), { status, headers: { "content-type": "application/json" } });
    if (!verified.ok) return reply({ error: { code: 402, name: "CREDENTIALS_ERROR", message: verified.message } }, "", 401);
    const params = new URLSearchParams(body);
    if (method === "wrike.task.add") {
      const task = { id: tasks.length + 1, title: params.get("title")!, status: TaskStatus.active };
      tasks.push(task);
      return reply({ task }, `<task><id>${task.id}</id><title>${task.title}</title><status>${task.status}</status></task>`);
    }
    if (method === "wrike.task.filter") return reply({ filteredList: { tLast: 1, list: tasks } }, "");
    if (method === "wrike.task.get") return reply({ error: { code: 406, name: "ACCESS_ERROR", message: "not found" } }, "", 400);
    return reply({ error: { code: 407, name: "APPLICATION_ERROR", message: "not faked" } }, "", 500);
  };
  return { fetch: fetch as typeof globalThis.fetch, seen };
}

Deno.test("the client adds and lists tasks through a signed fake Wrike", async () => {
  const wrike = fakeWrike();
  const client = createWrikeClient({ auth: { kind: "oauth1", ...credentials }, fetch: wrike.fetch });
  const task = await client.task.add({ title: "Written under Deno", dueDate: new Date(Date.UTC(2026, 0, 2)) });
  assertEquals(task.id, 1);
  assertEquals(task.title, "Written under Deno");
  const list = await client.task.filter({ statuses: [TaskStatus.active] });
  assert("list" in list);
  assertEquals(list.list.map((t) => t.title), ["Written under Deno"]);
  assertEquals(wrike.seen, ["/api/json/v2/wrike.task.add signed", "/api/json/v2/wrike.task.filter signed"]);
});

Deno.test("XML answers decode to the same typed objects", async () => {
  const wrike = fakeWrike();
  const client = createWrikeClient({ auth: { kind: "oauth1", ...credentials }, format: "xml", xml: xmlSupport, fetch: wrike.fetch });
  const task = await client.task.add({ title: "In XML" });
  assertEquals([task.id, task.title, task.status], [1, "In XML", TaskStatus.active]);
});

Deno.test("API errors are typed", async () => {
  const wrike = fakeWrike();
  const client = createWrikeClient({ auth: { kind: "oauth1", ...credentials }, fetch: wrike.fetch });
  await assertRejects(() => client.task.get({ id: 99 }), (e) => e instanceof WrikeApiError && e.code === 406);
  const wrong = createWrikeClient({ auth: { kind: "oauth1", ...credentials, tokenSecret: "wrong" }, fetch: wrike.fetch });
  await assertRejects(() => wrong.task.filter(), (e) => e instanceof WrikeApiError && e.code === 402 && !e.message.includes("wrong"));
});
