/**
 * The `wrikekit-mcp` command: parses flags, finds credentials, and serves over stdio or Streamable HTTP;
 * `wrikekit-mcp login` runs the OAuth 2.0 browser flow. Everything it prints goes to stderr, because
 * stdout is the MCP channel under stdio.
 */
import { resolve as resolvePath } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { serveStdio, StdioServerTransport } from "@modelcontextprotocol/server/stdio";
import { createOAuth2Session } from "@wrikekit/core";
import { fileTokenStore, defaultLoginFile, readLogin } from "./auth/token-file.js";
import { login } from "./auth/login.js";
import { DEFAULT_BUDGET, type ResultBudget } from "./budget.js";
import { createConnector, isSendableToken, secretsOf, type Credentials, type OfflineBackend } from "./connection.js";
import { serveHttp } from "./http.js";
import { MAX_MESSAGE_BYTES } from "./limits.js";
import { embeddedEmulator, OFFLINE_NOTICE } from "./offline.js";
import { permittedOperations, type ToolMode, type ToolPolicy } from "./selection.js";
import { createWrikeMcpServer, prepareTools } from "./server.js";
import type { ToolTable } from "./table.js";
import { toolTable as v4ToolTable } from "./v4/generated/tools.js";
import { SERVER_NAME, SERVER_VERSION } from "./version.js";

export const USAGE = `Usage:
  wrikekit-mcp [options]          serve MCP over stdio (or Streamable HTTP with --http)
  wrikekit-mcp login [options]    sign in with OAuth 2.0 in the browser and save the tokens
  wrikekit-mcp --help | --version

Serve options:
  --table <module>            another tool table to serve (a module whose default export is a ToolTable; default: Wrike API v4)
  --tools default|all|dynamic the default set, every operation, or three tools that list/describe/invoke (default: default)
  --read-only                 expose no tool that changes data
  --allow-delete              expose delete tools (never exposed without it)
  --http                      serve Streamable HTTP at http://<host>:<port>/mcp instead of stdio
  --port <n>                  HTTP port (default 3000; 0 picks a free one)
  --host <address>            HTTP address to bind (default 127.0.0.1; any other needs --behind-tls-proxy)
  --behind-tls-proxy          reached only through a TLS-terminating proxy (X-Forwarded-Proto: https)
  --base-url <url>            Wrike API origin (default https://www.wrike.com, or the host of the login)
  --max-items <n>             items of a list per result (default ${DEFAULT_BUDGET.maxItems})
  --max-chars <n>             characters of list items per result (default ${DEFAULT_BUDGET.maxChars})
  --max-download-bytes <n>    largest file a download returns in the result (default ${DEFAULT_BUDGET.maxDownloadBytes})
  --offline                   serve the embedded Wrike emulator, whatever credentials there are (over HTTP: to every request)
  --requests-per-minute <n>   client-side rate limit shared by all calls (default 100)
  --login-file <path>         where login keeps its tokens (default $XDG_CONFIG_HOME/wrikekit/mcp-login.json)

Login options (WRIKE_CLIENT_ID and WRIKE_CLIENT_SECRET in the environment):
  --port <n>                  loopback port of the app's redirect URI http://127.0.0.1:<n>/callback (default 8765)
  --scope <scopes>            OAuth scopes, comma-separated (default: the app's)
  --login-file <path>

Credentials (stdio): WRIKE_TOKEN (a permanent token), else the login file, else (no account) the embedded
Wrike emulator. Over HTTP every request sends its own token as "Authorization: Bearer <token>", unless --offline.`;

export class CliUsageError extends Error {}

/** A bad flag value that a library rejects (a TypeError naming its option) is a usage error naming the flag. */
function usage<T>(flag: string, make: () => T): T {
  try {
    return make();
  } catch (error) {
    if (error instanceof TypeError) throw new CliUsageError(`${flag}: ${error.message}`, { cause: error });
    throw error;
  }
}

export interface CliIo {
  env: NodeJS.ProcessEnv;
  /** Messages for the user: stderr, since stdout carries MCP under stdio. */
  log(line: string): void;
  /** What the user asked to see (--help, --version), when nothing is served: stdout. Default: `log`. */
  print?(text: string): void;
  /** The backend without an account (default: the embedded v4 emulator, created when first called). */
  offline?: OfflineBackend;
}

function positiveInteger(flag: string, text: string | undefined, fallback: number, allowZero = false): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || (!allowZero && value === 0)) throw new CliUsageError(`--${flag} must be a ${allowZero ? "non-negative" : "positive"} whole number, got ${JSON.stringify(text)}`);
  return value;
}

async function loadTable(module: string | undefined): Promise<ToolTable> {
  if (module === undefined) return v4ToolTable;
  const loaded = (await import(pathToFileURL(resolvePath(module)).href)) as { default?: ToolTable };
  if (loaded.default?.api === undefined || !Array.isArray(loaded.default.tools)) throw new CliUsageError(`${module} has no default export of a tool table ({ api, tools })`);
  return loaded.default;
}

export interface RunningServer {
  /** The HTTP endpoint, when serving HTTP. */
  url?: string;
  close(): Promise<void>;
}

/** WRIKE_TOKEN, else the login file; undefined when there is neither. */
async function stdioCredentials(env: NodeJS.ProcessEnv, loginFile: string): Promise<Credentials | undefined> {
  // A token pasted into a config file often carries a line break or spaces; Wrike's tokens have none.
  const token = env.WRIKE_TOKEN?.trim();
  // Said here, naming the variable: core's transport would refuse it with a message about its options.
  if (token && !isSendableToken(token)) throw new Error("WRIKE_TOKEN has a space, a line break or a character that is not ASCII inside it, so it cannot be sent: set it to the token exactly as Wrike showed it");
  if (token) return { kind: "token", token };
  // Set but blank (an empty secret, a prompt left empty): serving the emulator instead would pass fake data off as the account's.
  if (token === "") throw new CliUsageError("WRIKE_TOKEN is set but blank: set it to your permanent token, or leave it out (or pass --offline) to serve the embedded emulator");
  const stored = await readLogin(loginFile);
  if (stored === undefined) return undefined;
  const store = fileTokenStore(loginFile, stored);
  return { kind: "oauth2", session: createOAuth2Session({ client: stored.client, store }), secrets: store.secrets };
}

async function serve(argv: string[], io: CliIo): Promise<RunningServer> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      table: { type: "string" },
      tools: { type: "string" },
      "read-only": { type: "boolean" },
      "allow-delete": { type: "boolean" },
      http: { type: "boolean" },
      port: { type: "string" },
      host: { type: "string" },
      "behind-tls-proxy": { type: "boolean" },
      "base-url": { type: "string" },
      "max-items": { type: "string" },
      "max-chars": { type: "string" },
      "max-download-bytes": { type: "string" },
      offline: { type: "boolean" },
      "requests-per-minute": { type: "string" },
      "login-file": { type: "string" },
    },
  });
  const mode = values.tools ?? "default";
  if (mode !== "default" && mode !== "all" && mode !== "dynamic") throw new CliUsageError(`--tools must be default, all or dynamic, got ${JSON.stringify(mode)}`);
  const policy: ToolPolicy = { mode: mode as ToolMode, readOnly: values["read-only"] === true, allowDelete: values["allow-delete"] === true };
  if (policy.readOnly && policy.allowDelete) throw new CliUsageError("--read-only and --allow-delete contradict each other: choose one");
  const budget: ResultBudget = {
    maxItems: positiveInteger("max-items", values["max-items"], DEFAULT_BUDGET.maxItems),
    maxChars: positiveInteger("max-chars", values["max-chars"], DEFAULT_BUDGET.maxChars),
    maxDownloadBytes: positiveInteger("max-download-bytes", values["max-download-bytes"], DEFAULT_BUDGET.maxDownloadBytes),
  };
  const offline = io.offline ?? embeddedEmulator();
  const table = await loadTable(values.table);
  const tools = prepareTools(table);
  const connector = usage("--base-url", () => createConnector({ api: table.api, baseUrl: values["base-url"], requestsPerMinute: positiveInteger("requests-per-minute", values["requests-per-minute"], 100) }));

  if (values.http === true) {
    const http = await serveHttp({ tools, policy, budget, connector, offline: values.offline ? offline : undefined, port: positiveInteger("port", values.port, 3000, true), host: values.host, behindTlsProxy: values["behind-tls-proxy"], log: io.log }).catch((error: unknown) => {
      throw error instanceof TypeError ? new CliUsageError(`--host: ${error.message}`, { cause: error }) : error;
    });
    if (values.offline) io.log(`wrikekit-mcp: ${OFFLINE_NOTICE}`);
    io.log(`wrikekit-mcp: serving ${servedTools(table, policy)} at ${http.url}`);
    return http;
  }
  if (values.port !== undefined || values.host !== undefined || values["behind-tls-proxy"] !== undefined) throw new CliUsageError("--port, --host and --behind-tls-proxy need --http");
  const account = values.offline ? undefined : await stdioCredentials(io.env, values["login-file"] ?? defaultLoginFile(io.env));
  const credentials: Credentials = account ?? { kind: "backend", fetch: offline.fetch };
  if (account === undefined) io.log(`wrikekit-mcp: ${OFFLINE_NOTICE}`);
  const context = { transport: connector.transport(credentials), budget, secrets: () => secretsOf(credentials) };
  const instructions = account === undefined ? `This server is ${OFFLINE_NOTICE}` : undefined;
  const transport = new StdioServerTransport(process.stdin, process.stdout, { maxBufferSize: MAX_MESSAGE_BYTES });
  const handle = serveStdio(() => createWrikeMcpServer({ tools, policy, context, instructions }), { transport, onerror: (error) => io.log(`wrikekit-mcp: ${error.message}`) });
  io.log(`wrikekit-mcp: serving ${servedTools(table, policy)} over stdio`);
  return handle;
}

/** What a client will list, said at start-up: the tool count, not the table's (the default set is a part of it). */
function servedTools(table: ToolTable, policy: ToolPolicy): string {
  const flags = `${policy.readOnly ? ", read-only" : ""}${policy.allowDelete ? ", deletes allowed" : ""}`;
  const total = table.tools.length;
  if (policy.mode === "dynamic") return `${permittedOperations(table.tools, { ...policy, mode: "all" }).length} of ${total} operations through 3 tools (dynamic${flags})`;
  const listed = permittedOperations(table.tools, policy).length;
  if (policy.mode === "default") return `${listed} tools, the default set of ${total} operations (--tools all or dynamic for the others${flags})`;
  return `${listed} tools of ${total} operations (all${flags}${policy.allowDelete || policy.readOnly ? "" : "; --allow-delete for the deletes"})`;
}

async function runLogin(argv: string[], io: CliIo): Promise<RunningServer> {
  const { values } = parseArgs({ args: argv, strict: true, options: { port: { type: "string" }, scope: { type: "string" }, "login-file": { type: "string" } } });
  const clientId = io.env.WRIKE_CLIENT_ID;
  const clientSecret = io.env.WRIKE_CLIENT_SECRET;
  if (!clientId || !clientSecret) throw new CliUsageError("login needs WRIKE_CLIENT_ID and WRIKE_CLIENT_SECRET in the environment (from your Wrike app's settings)");
  const file = values["login-file"] ?? defaultLoginFile(io.env);
  const { host } = await login({
    client: { clientId, clientSecret },
    port: positiveInteger("port", values.port, 8765, true),
    file,
    scope: values.scope,
    show: (url) => io.log(`Open this address in your browser to sign in to Wrike:\n\n  ${url}\n`),
  });
  io.log(`Signed in${host ? ` (account host ${host})` : ""}; tokens saved in ${file}.`);
  return { close: async () => {} };
}

export async function runCli(argv: string[], io: CliIo): Promise<RunningServer> {
  const print = io.print ?? io.log;
  if (argv.includes("--help") || argv.includes("-h")) {
    print(USAGE);
    return { close: async () => {} };
  }
  if (argv.includes("--version")) {
    print(`${SERVER_NAME} ${SERVER_VERSION}`);
    return { close: async () => {} };
  }
  try {
    return argv[0] === "login" ? await runLogin(argv.slice(1), io) : await serve(argv[0] === "serve" ? argv.slice(1) : argv, io);
  } catch (error) {
    // parseArgs reports unknown or malformed flags as TypeErrors with a code.
    if ((error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) throw new CliUsageError((error as Error).message);
    throw error;
  }
}
