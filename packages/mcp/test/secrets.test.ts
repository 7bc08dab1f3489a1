/** WRIKE_TOKEN never leaves the server: not in results (even when the API echoes it), errors, stderr or instructions. */
import { createServer, type Server } from "node:http";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN } from "./helpers.js";

// An API that echoes the caller's Authorization header: in the answer of GET /account, in the error of anything else.
let api: Server;
let baseUrl: string;
beforeAll(async () => {
  api = createServer((req, res) => {
    const echo = String(req.headers.authorization);
    if (req.url?.startsWith("/api/v4/account")) res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ kind: "accounts", data: [{ id: "ACC1", name: `Account of ${echo}` }] }));
    else res.writeHead(401, { "content-type": "application/json" }).end(JSON.stringify({ error: "not_authorized", errorDescription: `Access token ${echo} is unknown` }));
  });
  await new Promise<void>((resolve) => api.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(api.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((resolve) => api.close(() => resolve())));

describe("secrets", () => {
  it("a token with stray whitespace is used trimmed and scrubbed from answers, errors and stderr", async () => {
    const token = "  echoed-secret-token-0123456789\n";
    const bare = token.trim();
    const transport = new StdioClientTransport({ command: process.execPath, args: [BIN, "--base-url", baseUrl], env: { PATH: process.env.PATH ?? "", WRIKE_TOKEN: token }, stderr: "pipe" });
    let stderr = "";
    transport.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const client = new Client({ name: "secrets", version: "0" });
    await client.connect(transport);
    try {
      const answer = await client.callTool({ name: "account_get", arguments: {} });
      expect(answer.isError).toBeFalsy();
      expect((answer.structuredContent as { data: Array<{ name: string }> }).data[0]!.name).toBe("Account of Bearer [redacted]");
      const refused = await client.callTool({ name: "spaces_list", arguments: {} });
      expect(refused.isError).toBe(true);
      for (const seen of [JSON.stringify(answer), JSON.stringify(refused), String(client.getInstructions())]) expect(seen).not.toContain(bare);
    } finally {
      await client.close();
    }
    expect(stderr).not.toContain(bare);
  });
});
