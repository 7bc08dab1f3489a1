/**
 * Streamable HTTP sessions for 2025-era clients: an `initialize` without a session opens one (a server
 * instance and its transport, answering `mcp-session-id`); later requests naming it reach the same
 * instance, so `notifications/cancelled` stops the call it names, a GET opens the server's SSE stream and
 * a DELETE ends the session. A session keeps the credentials it was opened with, and only a request with
 * the same bearer token may use it. Everything else (requests without a session, the stateless
 * 2026-07-28 protocol) goes to `fallback`, which serves each request statelessly.
 */
import { randomUUID } from "node:crypto";
import { isInitializeRequest, type McpServer, WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/server";
import { MAX_MESSAGE_BYTES } from "./limits.js";

/** A session left idle this long is closed (a client that never sends DELETE must not keep it forever). */
const IDLE_MS = 30 * 60_000;

export interface SessionRouterOptions {
  /** A server instance for a new session, with the credentials of the request that opens it. */
  createServer(request: Request): McpServer;
  /** Which credentials a request carries (its bearer token, or "" without one): a session takes only its own. */
  credentialKey(request: Request): string;
  fallback(request: Request): Promise<Response>;
  onerror(error: Error): void;
}

interface Session {
  transport: WebStandardStreamableHTTPServerTransport;
  server: McpServer;
  credentialKey: string;
  lastUsed: number;
}

const jsonRpcError = (status: number, code: number, message: string) =>
  new Response(JSON.stringify({ jsonrpc: "2.0", error: { code, message }, id: null }), { status, headers: { "content-type": "application/json" } });

const opensSession = (body: unknown) => (Array.isArray(body) ? body.some((message) => isInitializeRequest(message)) : isInitializeRequest(body));

export interface SessionRouter {
  fetch(request: Request): Promise<Response>;
  close(): Promise<void>;
}

export function createSessionRouter(options: SessionRouterOptions): SessionRouter {
  const sessions = new Map<string, Session>();
  const end = async (id: string) => {
    const session = sessions.get(id);
    if (session === undefined) return;
    sessions.delete(id);
    await session.server.close().catch((error: unknown) => options.onerror(error as Error));
  };
  const sweep = setInterval(() => {
    for (const [id, session] of sessions) if (Date.now() - session.lastUsed > IDLE_MS) void end(id);
  }, 60_000);
  sweep.unref();

  const open = async (request: Request, body: unknown): Promise<Response> => {
    const server = options.createServer(request);
    const credentialKey = options.credentialKey(request);
    const transport: WebStandardStreamableHTTPServerTransport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: randomUUID,
      maxRequestBodySize: MAX_MESSAGE_BYTES,
      onsessioninitialized: (id) => void sessions.set(id, { transport, server, credentialKey, lastUsed: Date.now() }),
      onsessionclosed: (id) => void sessions.delete(id),
    });
    transport.onerror = options.onerror;
    await server.connect(transport);
    return transport.handleRequest(request, { parsedBody: body });
  };

  return {
    async fetch(request) {
      const id = request.headers.get("mcp-session-id");
      if (id !== null) {
        const session = sessions.get(id);
        // 404 tells a client its session is gone and that it should initialize again.
        if (session === undefined) return jsonRpcError(404, -32001, "Session not found: it ended or the server restarted; initialize a new session");
        if (session.credentialKey !== options.credentialKey(request)) return jsonRpcError(403, -32001, "This session was opened with another Wrike token: initialize a new session with this one");
        session.lastUsed = Date.now();
        return session.transport.handleRequest(request);
      }
      if (request.method === "POST") {
        const body: unknown = await request.clone().json().catch(() => undefined);
        if (opensSession(body)) return open(request, body);
      }
      return options.fallback(request);
    },
    async close() {
      clearInterval(sweep);
      await Promise.all([...sessions.keys()].map(end));
    },
  };
}
