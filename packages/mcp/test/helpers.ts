/** Test wiring: a server over the fixture table and the SDK's own client, connected in memory. */
import { Client } from "@modelcontextprotocol/client";
import { InMemoryTransport } from "@modelcontextprotocol/server";
import { createConnector, createWrikeMcpServer, DEFAULT_BUDGET, prepareTools, type ResultBudget, type ToolPolicy } from "../src/index.js";
import { createFixtureBackend, type FixtureBackend } from "./fixtures/backend.js";
import { fixtureToolTable } from "./fixtures/tool-table.js";

export const TOKEN = "fixture-permanent-token-0123456789";
export const fixtureTools = prepareTools(fixtureToolTable);

export async function connectInMemory(options: { policy?: Partial<ToolPolicy>; budget?: Partial<ResultBudget>; taskCount?: number; token?: string } = {}): Promise<{ client: Client; backend: FixtureBackend; close(): Promise<void> }> {
  const backend = createFixtureBackend({ token: TOKEN, taskCount: options.taskCount });
  const connector = createConnector({ api: fixtureToolTable.api, fetch: backend.fetch, retry: false, requestsPerMinute: false });
  const credentials = { kind: "token" as const, token: options.token ?? TOKEN };
  const server = createWrikeMcpServer({
    tools: fixtureTools,
    policy: { mode: "default", readOnly: false, allowDelete: false, ...options.policy },
    context: { transport: connector.transport(credentials), budget: { ...DEFAULT_BUDGET, ...options.budget }, secrets: () => [credentials.token] },
  });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: "wrikekit-mcp-test", version: "0" });
  await client.connect(clientSide);
  return { client, backend, close: async () => { await client.close(); await server.close(); } };
}
