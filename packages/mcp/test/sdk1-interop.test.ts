/** The built bin driven by the other official client line, @modelcontextprotocol/sdk 1.x, as many assistants ship it. */
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { createServer } from "node:http";
import type { Client as Client2 } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toolTable } from "../src/index.js";
import { BIN, startHttpBin } from "./helpers.js";
import { runDefaultToolScenario } from "./v4-scenario.js";

const ENV = { PATH: process.env.PATH ?? "", XDG_CONFIG_HOME: "/nonexistent-wrikekit-test" };
const defaults = toolTable.tools.filter((t) => t.default).map((t) => t.name).sort();

describe("sdk 1.x over stdio", () => {
  it("runs every default tool", async () => {
    const client = new Client({ name: "sdk1", version: "0" });
    await client.connect(new StdioClientTransport({ command: process.execPath, args: [BIN], env: ENV, stderr: "pipe" }));
    try {
      const result = await runDefaultToolScenario(client as unknown as Client2);
      expect([...result.called].sort()).toEqual(defaults);
    } finally {
      await client.close();
    }
  }, 90_000);
});

/** Uploads a file of `mebibytes` through `client` and checks that it landed whole and the connection stays. */
async function uploadLarge(client: Client, mebibytes: number): Promise<void> {
  const tasks = (await client.callTool({ name: "tasks_list", arguments: { limit: 1 } })).structuredContent as { data: Array<{ id: string }> };
  const bytes = Buffer.alloc(mebibytes * 1024 * 1024, 0x5a);
  const uploaded = await client.callTool({ name: "attachments_create_in_task", arguments: { taskId: tasks.data[0]!.id, fileName: "big.bin", file: bytes.toString("base64") } });
  expect(uploaded.isError).toBeFalsy();
  expect((uploaded.structuredContent as { data: Array<{ size: number }> }).data[0]!.size).toBe(bytes.byteLength);
  expect((await client.callTool({ name: "account_get", arguments: {} })).isError).toBeFalsy();
}

describe("sdk 1.x validates structured content", () => {
  it("against the output schema of every tool it can call without ids (--tools all)", async () => {
    const client = new Client({ name: "sdk1", version: "0" });
    await client.connect(new StdioClientTransport({ command: process.execPath, args: [BIN, "--tools", "all"], env: ENV, stderr: "pipe" }));
    try {
      const { tools } = await client.listTools();
      expect(tools.length).toBe(toolTable.tools.filter((t) => !t.deletes).length);
      const callable = tools.filter((tool) => (tool.inputSchema.required ?? []).length === 0);
      expect(callable.length).toBeGreaterThan(30);
      let succeeded = 0;
      for (const tool of callable) {
        // The client throws when structuredContent does not match the tool's outputSchema.
        const result = await client.callTool({ name: tool.name, arguments: {} });
        if (!result.isError) succeeded++;
      }
      expect(succeeded).toBeGreaterThan(30);
    } finally {
      await client.close();
    }
  }, 90_000);
});

describe("sdk 1.x over stdio, slow upstream", () => {
  it("a call the client times out is cancelled, and the Wrike request is aborted", async () => {
    const upstream = { started: 0, aborted: 0 };
    const api = createServer((req) => {
      upstream.started++;
      req.socket.once("close", () => upstream.aborted++);
    });
    await new Promise<void>((resolve) => api.listen(0, "127.0.0.1", resolve));
    const baseUrl = `http://127.0.0.1:${(api.address() as { port: number }).port}`;
    const client = new Client({ name: "sdk1", version: "0" });
    await client.connect(new StdioClientTransport({ command: process.execPath, args: [BIN, "--base-url", baseUrl], env: { ...ENV, WRIKE_TOKEN: "slow-upstream-token-0123" }, stderr: "pipe" }));
    try {
      // Upstream never answers: the client's timeout is long enough for the call to reach it on a loaded machine.
      await expect(client.callTool({ name: "account_get", arguments: {} }, undefined, { timeout: 3_000 })).rejects.toThrow(/timed out/i);
      await expect.poll(() => upstream.aborted, { timeout: 10_000 }).toBe(1);
      expect(upstream.started).toBe(1);
      expect((await client.listTools()).tools.length).toBeGreaterThan(0); // the connection goes on
    } finally {
      await client.close();
      api.closeAllConnections();
      await new Promise<void>((resolve) => api.close(() => resolve()));
    }
  });
});

describe("stdio message size", () => {
  it("an upload over the SDK's default 10 MiB message size goes through, and the connection stays", async () => {
    const client = new Client({ name: "sdk1", version: "0" });
    await client.connect(new StdioClientTransport({ command: process.execPath, args: [BIN], env: ENV, stderr: "pipe" }));
    try {
      await uploadLarge(client, 9); // 12 MiB as base64
    } finally {
      await client.close();
    }
  }, 60_000);
});

describe("sdk 1.x over Streamable HTTP", () => {
  let server: Awaited<ReturnType<typeof startHttpBin>>;
  beforeAll(async () => {
    server = await startHttpBin(["--offline"], ENV);
  }, 60_000);
  afterAll(() => server.stop());
  it("runs every default tool", async () => {
    const client = new Client({ name: "sdk1", version: "0" });
    await client.connect(new StreamableHTTPClientTransport(new URL(server.url)));
    try {
      const result = await runDefaultToolScenario(client as unknown as Client2);
      expect([...result.called].sort()).toEqual(defaults);
    } finally {
      await client.close();
    }
  }, 90_000);

  it("an upload over the SDK's default 4 MiB request body goes through", async () => {
    const client = new Client({ name: "sdk1", version: "0" });
    await client.connect(new StreamableHTTPClientTransport(new URL(server.url)));
    try {
      await uploadLarge(client, 5); // 6.7 MiB as base64
    } finally {
      await client.close();
    }
  }, 60_000);
});
