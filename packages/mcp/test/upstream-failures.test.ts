/** What the server says when Wrike rate-limits it. */
import { Client } from "@modelcontextprotocol/client";
import { InMemoryTransport } from "@modelcontextprotocol/server";
import { describe, expect, it } from "vitest";
import { createConnector, createWrikeMcpServer, DEFAULT_BUDGET } from "../src/index.js";
import { fixtureToolTable } from "./fixtures/tool-table.js";
import { fixtureTools, TOKEN } from "./helpers.js";

const textOf = (result: { content?: unknown }) => (result.content as Array<{ text: string }>).map((c) => c.text).join("\n");

describe("Wrike answers 429", () => {
  it("the tool error passes on Wrike's Retry-After (five minutes here) as the wait, not a minute after retries never tried", async () => {
    let sent = 0;
    const fetch = async () => {
      sent++;
      return new Response(JSON.stringify({ error: "rate_limit_exceeded", errorDescription: "Rate limit exceeded" }), { status: 429, headers: { "content-type": "application/json", "retry-after": "300" } });
    };
    // The default retry policy (a Retry-After this long is not waited for) and rate limiter (it holds back later calls).
    const connector = createConnector({ api: fixtureToolTable.api, fetch });
    const server = createWrikeMcpServer({ tools: fixtureTools, policy: { mode: "all", readOnly: false, allowDelete: false }, context: { transport: connector.transport({ kind: "token", token: TOKEN }), budget: DEFAULT_BUDGET, secrets: () => [TOKEN] } });
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await server.connect(serverSide);
    const client = new Client({ name: "rate-limited", version: "0" });
    await client.connect(clientSide);
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
