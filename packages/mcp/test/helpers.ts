/** Test wiring: a server over a tool table and the SDK's own client, connected in memory; the built bin over HTTP. */
import { spawn } from "node:child_process";
import { Client } from "@modelcontextprotocol/client";
import { InMemoryTransport, type McpServer } from "@modelcontextprotocol/server";
import { createConnector, createWrikeMcpServer, DEFAULT_BUDGET, embeddedEmulator, prepareTools, toolTable, type EmbeddedEmulator, type ResultBudget, type ToolPolicy } from "../src/index.js";
import { createFixtureBackend, type FixtureBackend } from "./fixtures/backend.js";
import { fixtureToolTable } from "./fixtures/tool-table.js";

export const TOKEN = "fixture-permanent-token-0123456789";
export const fixtureTools = prepareTools(fixtureToolTable);
export const v4Tools = prepareTools(toolTable);

export interface ConnectOptions {
  policy?: Partial<ToolPolicy>;
  budget?: Partial<ResultBudget>;
}

const policyOf = (options: ConnectOptions): ToolPolicy => ({ mode: "default", readOnly: false, allowDelete: false, ...options.policy });

async function link(server: McpServer): Promise<{ client: Client; close(): Promise<void> }> {
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: "wrikekit-mcp-test", version: "0" });
  await client.connect(clientSide);
  return { client, close: async () => { await client.close(); await server.close(); } };
}

export async function connectInMemory(options: ConnectOptions & { taskCount?: number; token?: string } = {}): Promise<{ client: Client; backend: FixtureBackend; close(): Promise<void> }> {
  const backend = createFixtureBackend({ token: TOKEN, taskCount: options.taskCount });
  const connector = createConnector({ api: fixtureToolTable.api, fetch: backend.fetch, retry: false, requestsPerMinute: false });
  const credentials = { kind: "token" as const, token: options.token ?? TOKEN };
  const server = createWrikeMcpServer({
    tools: fixtureTools,
    policy: policyOf(options),
    context: { transport: connector.transport(credentials), budget: { ...DEFAULT_BUDGET, ...options.budget }, secrets: () => [credentials.token] },
  });
  return { ...(await link(server)), backend };
}

/** The generated v4 table served from the embedded emulator, as the bin does without an account. */
export async function connectV4InMemory(options: ConnectOptions = {}): Promise<{ client: Client; offline: EmbeddedEmulator; close(): Promise<void> }> {
  const offline = embeddedEmulator();
  const connector = createConnector({ api: toolTable.api, retry: false, requestsPerMinute: false });
  const server = createWrikeMcpServer({
    tools: v4Tools,
    policy: policyOf(options),
    context: { transport: connector.transport({ kind: "backend", fetch: offline.fetch }), budget: { ...DEFAULT_BUDGET, ...options.budget }, secrets: () => [] },
  });
  return { ...(await link(server)), offline };
}

export const BIN = new URL("../dist/bin.js", import.meta.url).pathname;

/** The built bin serving Streamable HTTP on a free loopback port: its URL, its stderr so far, and how to stop it. */
export async function startHttpBin(args: string[], env: NodeJS.ProcessEnv): Promise<{ url: string; stderr(): string; stop(): void }> {
  const child = spawn(process.execPath, [BIN, "--http", "--port", "0", ...args], { env });
  let stderr = "";
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = / at (http:\/\/127\.0\.0\.1:\d+\/mcp)/.exec(stderr);
      if (match) resolve(match[1]!);
    });
    child.once("exit", (code) => reject(new Error(`the server exited (${code}): ${stderr}`)));
  });
  return { url, stderr: () => stderr, stop: () => void child.kill("SIGTERM") };
}
