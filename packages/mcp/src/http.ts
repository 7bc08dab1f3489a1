/**
 * Streamable HTTP on a loopback port by default. Each request brings its own Wrike token as
 * `Authorization: Bearer <token>`, and the token is never logged. An `initialize` opens a session (see
 * http-sessions.ts) bound to that token; a request outside any session is served by a fresh server
 * instance with its own token. Without a token a request is refused (401). With an offline backend (--offline) every
 * request is served by it, token or not.
 * Host and Origin headers must name loopback while bound to it, so a web page cannot rebind a name to it.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { toNodeHandler } from "@modelcontextprotocol/node";
import { createMcpHandler } from "@modelcontextprotocol/server";
import type { Connector, Credentials, OfflineBackend } from "./connection.js";
import { isSendableToken, secretsOf } from "./connection.js";
import type { ResultBudget } from "./budget.js";
import type { ToolPolicy } from "./selection.js";
import { createWrikeMcpServer, type PreparedTools } from "./server.js";
import { OFFLINE_NOTICE } from "./offline.js";
import { scrub } from "./tool-errors.js";
import { createSessionRouter } from "./http-sessions.js";
import { MAX_MESSAGE_BYTES } from "./limits.js";

export interface HttpServeOptions {
  tools: PreparedTools;
  policy: ToolPolicy;
  budget: ResultBudget;
  connector: Connector;
  /** Serves every request, with or without a token (the embedded emulator, --offline). */
  offline?: OfflineBackend;
  port: number;
  /** Default 127.0.0.1. Any other address needs `behindTlsProxy` (or `offline`, where no token is used). */
  host?: string;
  /**
   * The server is reached only through a proxy that terminates TLS and sets `X-Forwarded-Proto: https`:
   * requests without it are refused, since their Wrike token crossed the network in clear.
   */
  behindTlsProxy?: boolean;
  /** Where to report failures; texts are scrubbed of the request's token. */
  log(line: string): void;
}

export interface HttpServer {
  /** The endpoint, e.g. http://127.0.0.1:3000/mcp. */
  url: string;
  close(): Promise<void>;
}

export const MCP_PATH = "/mcp";
const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

/** The bearer token of a request: undefined when absent, null when the header is not a bearer of a token that can be sent on. */
export function bearerToken(header: string | null | undefined): string | undefined | null {
  if (header === undefined || header === null || header === "") return undefined;
  const token = /^Bearer[ ]+(\S+)$/i.exec(header.trim())?.[1];
  return token !== undefined && isSendableToken(token) ? token : null;
}

function refuse(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify({ error: message }));
}

function hostnameOf(value: string): string {
  try {
    return new URL(value.includes("://") ? value : `http://${value}`).hostname;
  } catch {
    return "";
  }
}

/**
 * Sends a response's headers as soon as they are written: Node holds them until the first body byte, and
 * an SSE stream (the GET stream, a slow call's answer) may send none for a long time, leaving the client
 * waiting to learn that the stream is open.
 */
function flushingHeaders(res: ServerResponse): ServerResponse {
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = ((...args: unknown[]) => {
    writeHead(...args);
    res.flushHeaders();
    return res;
  }) as ServerResponse["writeHead"];
  return res;
}

export async function serveHttp(options: HttpServeOptions): Promise<HttpServer> {
  const host = options.host ?? "127.0.0.1";
  const loopbackOnly = LOOPBACK.has(host);
  // Plain HTTP off loopback would carry every client's Wrike token across the network in clear.
  if (!loopbackOnly && options.offline === undefined && options.behindTlsProxy !== true)
    throw new TypeError(`serving plain HTTP on ${host} would carry Wrike tokens across the network in clear: put a TLS-terminating proxy in front and pass behindTlsProxy (--behind-tls-proxy), or bind 127.0.0.1`);
  const { offline } = options;
  const credentialsOf = (request: Request | undefined): Credentials => {
    if (offline !== undefined) return { kind: "backend", fetch: offline.fetch };
    // Requests without a token are refused before this.
    return { kind: "token", token: bearerToken(request?.headers.get("authorization")) as string };
  };
  const serverFor = (request: Request | undefined) => {
    const credentials = credentialsOf(request);
    return createWrikeMcpServer({
      tools: options.tools,
      policy: options.policy,
      context: { transport: options.connector.transport(credentials), budget: options.budget, secrets: () => secretsOf(credentials) },
      ...(offline === undefined ? {} : { instructions: `This server is ${OFFLINE_NOTICE}` }),
    });
  };
  const onerror = (error: Error) => options.log(`wrikekit-mcp: ${error.message}`);
  const stateless = createMcpHandler(({ requestInfo }) => serverFor(requestInfo), { onerror, maxRequestBodySize: MAX_MESSAGE_BYTES });
  const sessions = createSessionRouter({
    createServer: serverFor,
    credentialKey: (request) => bearerToken(request.headers.get("authorization")) ?? "",
    fallback: (request) => stateless.fetch(request),
    onerror,
  });
  const node = toNodeHandler(sessions, { onerror, maxRequestBodySize: MAX_MESSAGE_BYTES });

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? "/").split("?")[0];
    if (path !== MCP_PATH) return refuse(res, 404, `the MCP endpoint is ${MCP_PATH}`);
    if (loopbackOnly && (!LOOPBACK.has(hostnameOf(req.headers.host ?? "")) || (req.headers.origin !== undefined && !LOOPBACK.has(hostnameOf(req.headers.origin)))))
      return refuse(res, 403, "this server answers only loopback Host and Origin headers");
    if (options.behindTlsProxy === true && options.offline === undefined && req.headers["x-forwarded-proto"] !== "https" && !loopbackOnly)
      return refuse(res, 403, "this server is reached through its TLS proxy only (X-Forwarded-Proto: https); a token sent here directly crossed the network in clear: revoke it");
    const token = bearerToken(req.headers.authorization);
    if (token === null) return refuse(res, 401, "the Authorization header must be `Bearer <Wrike token>`, the token as Wrike showed it (printable ASCII, no spaces)", { "www-authenticate": 'Bearer realm="wrike"' });
    if (token === undefined && options.offline === undefined)
      return refuse(res, 401, "send your Wrike token as `Authorization: Bearer <token>`", { "www-authenticate": 'Bearer realm="wrike"' });
    node(req, flushingHeaders(res)).catch((error: unknown) => {
      options.log(`wrikekit-mcp: ${scrub((error as Error).message, token ? [token] : [])}`);
      if (!res.headersSent) refuse(res, 500, "internal error");
    });
  });
  // Node closes an idle keep-alive socket after 5 s, and a client that picks it from its pool just then sees
  // "other side closed" on a POST it must not resend. MCP clients pause between calls (a model thinking),
  // so idle sockets are kept a minute; headersTimeout must stay above keepAliveTimeout.
  server.keepAliveTimeout = 60_000;
  server.headersTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(error.code === "EADDRINUSE" ? new Error(`port ${options.port} on ${host} is in use: pass another --port, or --port 0 for any free one`, { cause: error }) : error),
    );
    server.listen(options.port, host, () => resolve());
  });
  const { port } = server.address() as { port: number };
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}${MCP_PATH}`,
    close: async () => {
      await sessions.close();
      await stateless.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
