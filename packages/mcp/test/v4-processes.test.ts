/**
 * The built bin with its generated v4 table and no account, as a real child process: over stdio it serves
 * the embedded emulator on its own; over Streamable HTTP with --offline. Every default tool is called
 * through each and its effect read back.
 */
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { StdioClientTransport } from "@modelcontextprotocol/client/stdio";
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toolTable } from "../src/index.js";
import { BIN, startHttpBin } from "./helpers.js";
import { listedNames, runDefaultToolScenario } from "./v4-scenario.js";

// No WRIKE_TOKEN and no login file: the bin must fall back to the emulator.
const ENV = { PATH: process.env.PATH ?? "", XDG_CONFIG_HOME: "/nonexistent-wrikekit-test" };
const defaults = toolTable.tools.filter((t) => t.default).map((t) => t.name).sort();

async function stdioClient(args: string[]): Promise<{ client: Client; stderr: () => string }> {
  let stderr = "";
  const transport = new StdioClientTransport({ command: process.execPath, args: [BIN, ...args], env: ENV, stderr: "pipe" });
  transport.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const client = new Client({ name: "stdio-v4-test", version: "0" });
  await client.connect(transport);
  return { client, stderr: () => stderr };
}

describe("stdio, no account", () => {
  it("serves the default set from the embedded emulator, says so, and every default tool works", async () => {
    const { client, stderr } = await stdioClient([]);
    try {
      expect(await listedNames(client)).toEqual(defaults);
      expect(client.getInstructions()).toContain("embedded Wrike emulator (offline)");
      const result = await runDefaultToolScenario(client);
      expect([...result.called].sort()).toEqual(defaults);
    } finally {
      await client.close();
    }
    expect(stderr()).toContain("wrikekit-mcp: serving the embedded Wrike emulator (offline)");
    expect(stderr()).toContain(`wrikekit-mcp: serving ${defaults.length} tools, the default set of ${toolTable.tools.length} operations`);
  }, 90_000);

  it("--read-only lists no writing tool and --tools all without --allow-delete no delete", async () => {
    const readOnly = await stdioClient(["--tools", "all", "--read-only"]);
    try {
      const { tools } = await readOnly.client.listTools();
      expect(tools.length).toBe(toolTable.tools.filter((t) => !t.writes).length);
      expect(tools.filter((t) => t.annotations?.readOnlyHint !== true)).toEqual([]);
      await expect(readOnly.client.callTool({ name: "tasks_create_in_folder", arguments: { folderId: "x", title: "x" } })).rejects.toThrow("not found");
    } finally {
      await readOnly.client.close();
    }
    const all = await stdioClient(["--tools", "all"]);
    try {
      const names = await listedNames(all.client);
      expect(names).toContain("tasks_create_in_folder");
      expect(names.filter((n) => toolTable.tools.find((t) => t.name === n)?.deletes)).toEqual([]);
    } finally {
      await all.client.close();
    }
    // Two child processes each load the emulator and the 206-tool table: seconds alone, far more on a loaded machine.
  }, 90_000);
});

describe("Streamable HTTP, --offline", () => {
  let server: Awaited<ReturnType<typeof startHttpBin>>;
  beforeAll(async () => {
    server = await startHttpBin(["--offline", "--tools", "all", "--allow-delete"], ENV);
  }, 60_000);
  afterAll(() => server.stop());

  it("serves every tool without a token; every default tool works and a delete lands", async () => {
    const client = new Client({ name: "http-v4-test", version: "0" });
    await client.connect(new StreamableHTTPClientTransport(new URL(server.url)));
    try {
      expect(await listedNames(client)).toHaveLength(206);
      const result = await runDefaultToolScenario(client);
      expect([...result.called].sort()).toEqual(defaults);
      const deleted = await client.callTool({ name: "comments_delete", arguments: { commentId: result.commentId } });
      expect(deleted.isError).toBeFalsy();
      const comments = (await client.callTool({ name: "comments_list_in_task", arguments: { taskId: result.taskId } })).structuredContent as { data: Array<{ id: string }> };
      expect(comments.data.map((c) => c.id)).not.toContain(result.commentId);
    } finally {
      await client.close();
    }
    expect(server.stderr()).toContain("serving the embedded Wrike emulator (offline)");
    expect(server.stderr()).toContain(`serving ${toolTable.tools.length} tools of ${toolTable.tools.length} operations (all, deletes allowed) at http://127.0.0.1:`);
  }, 90_000);
});

describe("start-up mistakes say which flag and what to pass", () => {
  const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { env: { ...ENV, WRIKE_TOKEN: "t" }, encoding: "utf8", input: "", timeout: 30_000 });

  it("a --base-url that would send the token in clear, at start-up and not on the first call", () => {
    const plain = run(["--base-url", "http://wrike.example.com"]);
    expect(plain.status).toBe(2);
    expect(plain.stderr).toContain("wrikekit-mcp: --base-url: baseUrl must be an https URL (http only for localhost): http://wrike.example.com/");
    expect(run(["--http", "--port", "0", "--base-url", "https://www.wrike.com/api/v4"]).stderr).toContain('--base-url: baseUrl ends in the API path /api/v4, which the client adds itself: pass "https://www.wrike.com"');
  });

  it("a WRIKE_TOKEN that is set but blank, rather than the emulator's data passed off as the account's", () => {
    for (const blank of ["", "  \n"]) {
      const answer = spawnSync(process.execPath, [BIN], { env: { ...ENV, WRIKE_TOKEN: blank }, encoding: "utf8", input: "", timeout: 30_000 });
      expect(answer.status).toBe(2);
      expect(answer.stderr).toContain("wrikekit-mcp: WRIKE_TOKEN is set but blank: set it to your permanent token, or leave it out (or pass --offline) to serve the embedded emulator");
      expect(answer.stderr).not.toContain("serving");
    }
  });

  it("a port in use", async () => {
    const first = await startHttpBin(["--offline"], ENV);
    try {
      const port = new URL(first.url).port;
      const second = run(["--http", "--offline", "--port", port]);
      expect(second.status).toBe(1);
      expect(second.stderr).toContain(`wrikekit-mcp: port ${port} on 127.0.0.1 is in use: pass another --port, or --port 0 for any free one`);
    } finally {
      first.stop();
    }
  }, 60_000);
});
