/** The built bin as a real child process: over stdio, and over Streamable HTTP on 127.0.0.1. */
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { StdioClientTransport } from "@modelcontextprotocol/client/stdio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixtureBackend, listenFixtureBackend, type FixtureBackend } from "./fixtures/backend.js";
import { BIN, startHttpBin, TOKEN } from "./helpers.js";

const TABLE = new URL("./.built/test/fixtures/tool-table.js", import.meta.url).pathname;

let backend: FixtureBackend;
let api: { baseUrl: string; close(): Promise<void> };
beforeAll(async () => {
  backend = createFixtureBackend({ token: TOKEN, taskCount: 3 });
  api = await listenFixtureBackend(backend);
});
afterAll(() => api.close());

const textOf = (result: { content?: unknown }) => (result.content as Array<{ text: string }>).map((c) => c.text).join("\n");

describe("stdio", () => {
  it("serves the tools of the table and calls the backend with WRIKE_TOKEN", async () => {
    let stderr = "";
    const transport = new StdioClientTransport({ command: process.execPath, args: [BIN, "--table", TABLE, "--base-url", api.baseUrl, "--read-only"], env: { WRIKE_TOKEN: TOKEN, PATH: process.env.PATH ?? "" }, stderr: "pipe" });
    transport.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const client = new Client({ name: "stdio-test", version: "0" });
    await client.connect(transport);
    try {
      expect((await client.listTools()).tools.map((t) => t.name).sort()).toEqual(["get_task", "list_tasks"]);
      const result = await client.callTool({ name: "get_task", arguments: { taskId: "TASK2" } });
      expect(result.structuredContent).toMatchObject({ kind: "tasks", data: [{ id: "TASK2", title: "Task 2" }] });
    } finally {
      await client.close();
    }
    expect(stderr).not.toContain(TOKEN);
  });
});

describe("Streamable HTTP", () => {
  let server: Awaited<ReturnType<typeof startHttpBin>>;
  let url: string;
  beforeAll(async () => {
    server = await startHttpBin(["--table", TABLE, "--base-url", api.baseUrl, "--tools", "all"], { PATH: process.env.PATH ?? "" });
    url = server.url;
  }, 60_000); // a child process's start: seconds alone, more on a loaded machine
  afterAll(() => server.stop());

  const connect = async (token: string) => {
    const client = new Client({ name: "http-test", version: "0" });
    await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { authorization: `Bearer ${token}` } } }));
    return client;
  };

  it("binds 127.0.0.1 and uses each request's bearer token as the Wrike token", async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
    const client = await connect(TOKEN);
    try {
      expect((await client.listTools()).tools.map((t) => t.name).sort()).toEqual(["create_task", "get_task", "list_tasks", "update_task"]);
      const created = await client.callTool({ name: "create_task", arguments: { title: "Over HTTP" } });
      expect(created.isError).toBeFalsy();
      expect(backend.tasks.at(-1)?.title).toBe("Over HTTP");
    } finally {
      await client.close();
    }
  });

  it("a wrong token gives a tool error without the token, and nothing is logged with it", async () => {
    const wrong = "someone-elses-token-42424242";
    const client = await connect(wrong);
    try {
      const result = await client.callTool({ name: "list_tasks", arguments: {} });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toContain("not_authorized");
      expect(JSON.stringify(result)).not.toContain(wrong);
    } finally {
      await client.close();
    }
    expect(server.stderr()).not.toContain(wrong);
    expect(server.stderr()).not.toContain(TOKEN);
  });

  it("refuses requests without a bearer token, and foreign Host headers", async () => {
    const body = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" });
    const headers = { "content-type": "application/json", accept: "application/json, text/event-stream" };
    const missing = await fetch(url, { method: "POST", headers, body });
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toMatch(/^Bearer/);
    const rebound = await fetch(url, { method: "POST", headers: { ...headers, authorization: `Bearer ${TOKEN}`, origin: "http://evil.example" }, body });
    expect(rebound.status).toBe(403);
  });
});
