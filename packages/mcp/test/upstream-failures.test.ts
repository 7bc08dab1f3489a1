/** What the server says when Wrike rate-limits it, and when the token it was given cannot be sent at all. */
import { spawnSync } from "node:child_process";
import { request } from "node:http";
import { Client } from "@modelcontextprotocol/client";
import { InMemoryTransport } from "@modelcontextprotocol/server";
import { createRetryPolicy } from "@wrikekit/core";
import { describe, expect, it } from "vitest";
import { createConnector, createWrikeMcpServer, DEFAULT_BUDGET } from "../src/index.js";
import { fixtureToolTable } from "./fixtures/tool-table.js";
import { BIN, fixtureTools, startHttpBin, TOKEN } from "./helpers.js";

const ENV = { PATH: process.env.PATH ?? "", XDG_CONFIG_HOME: "/nonexistent-wrikekit-test" };
const textOf = (result: { content?: unknown }) => (result.content as Array<{ text: string }>).map((c) => c.text).join("\n");

/** The fixture tools served over an in-memory pair, calling Wrike through `connector` with a token, and the SDK's client on the other end. */
async function connectTo(connector: ReturnType<typeof createConnector>) {
  const server = createWrikeMcpServer({ tools: fixtureTools, policy: { mode: "all", readOnly: false, allowDelete: false }, context: { transport: connector.transport({ kind: "token", token: TOKEN }), budget: DEFAULT_BUDGET, secrets: () => [TOKEN] } });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: "upstream-failures", version: "0" });
  await client.connect(clientSide);
  return { client, server };
}

describe("Wrike answers 502 until the retries give up", () => {
  it("the tool error says how many attempts were made, without the client's retry options", async () => {
    const fetch = async () => new Response("<html>Bad gateway</html>", { status: 502, headers: { "content-type": "text/html" } });
    const { client, server } = await connectTo(createConnector({ api: fixtureToolTable.api, fetch, retry: createRetryPolicy({ maxAttempts: 2, maxTotalMs: 5_000 }), requestsPerMinute: false }));
    try {
      const text = textOf(await client.callTool({ name: "list_tasks", arguments: {} }));
      expect(text).toMatch(/^list_tasks: .*HTTP 502.*\(gave up after 2 attempts over [\d.]+ s\)\.$/);
      expect(text).not.toContain("retry:");
    } finally {
      await client.close();
      await server.close();
    }
  });
});

describe("Wrike answers 429", () => {
  it("the tool error passes on Wrike's Retry-After (five minutes here) as the wait, not a minute after retries never tried", async () => {
    let sent = 0;
    const fetch = async () => {
      sent++;
      return new Response(JSON.stringify({ error: "rate_limit_exceeded", errorDescription: "Rate limit exceeded" }), { status: 429, headers: { "content-type": "application/json", "retry-after": "300" } });
    };
    // The default retry policy (a Retry-After this long is not waited for) and rate limiter (it holds back later calls).
    const { client, server } = await connectTo(createConnector({ api: fixtureToolTable.api, fetch }));
    try {
      for (const name of ["list_tasks", "get_task"]) {
        const result = await client.callTool({ name, arguments: name === "get_task" ? { taskId: "T1" } : {} });
        expect(result.isError).toBe(true);
        // The second call is held back by the transport itself, for what is left of the 300 s.
        expect(textOf(result)).toMatch(new RegExp(`^${name}: Wrike's rate limit was reached \\(HTTP 429\\)\\. Wait (300|29\\d) s, as Wrike asked, before calling again\\.$`));
      }
      expect(sent).toBe(1);
    } finally {
      await client.close();
      await server.close();
    }
  });
});

describe("a token that cannot be sent in a header", () => {
  const token = "perm-token-0123456789\u00e9abcdef";

  it("stdio: WRIKE_TOKEN with a line break, a space or a non-ASCII character inside ends start-up naming the variable, not quoting it", () => {
    for (const wrong of [token, "perm-token-0123\n456789abcdef", "perm-token-0123 456789abcdef"]) {
      const run = spawnSync(process.execPath, [BIN], { encoding: "utf8", input: "", env: { ...ENV, WRIKE_TOKEN: wrong }, timeout: 20_000 });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain("WRIKE_TOKEN has a space, a line break or a character that is not ASCII inside it");
      for (const part of wrong.split(/[\s\u00e9]/)) expect(run.stderr).not.toContain(part);
      expect(run.stdout).toBe("");
    }
  });

  it("Streamable HTTP: such a bearer token is a 401 saying what a token looks like, not a 500", async () => {
    const server = await startHttpBin([], ENV);
    try {
      const body = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "t", version: "0" } } });
      // node:http sends the header's characters as latin1 bytes, as any client on the network can (fetch would too).
      const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
        const sent = request(server.url, { method: "POST", headers: { "content-type": "application/json", accept: "application/json, text/event-stream", authorization: `Bearer ${token}` } }, (response) => {
          let text = "";
          response.on("data", (chunk: Buffer) => (text += chunk.toString()));
          response.on("end", () => resolve({ status: response.statusCode!, text }));
        });
        sent.on("error", reject);
        sent.end(body);
      });
      expect(answer.status).toBe(401);
      expect(answer.text).toContain("printable ASCII, no spaces");
      expect(server.stderr()).not.toContain("perm-token");
    } finally {
      server.stop();
    }
  });
});
