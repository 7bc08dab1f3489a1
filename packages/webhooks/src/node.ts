/**
 * The receiver behind Node's `http` (and Express, Fastify's raw handler, Next.js API routes...):
 *   http.createServer(toNodeListener(receiver))      app.post("/wrike", toNodeListener(receiver))
 * The signature covers the raw body, so no JSON body parser may run before it on this route; a Buffer or
 * string body left by `express.raw()`/`express.text()` is used as is.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import type { WebhookReceiver } from "./receiver.js";

type NodeRequest = IncomingMessage & { body?: unknown };

export function toNodeListener(receiver: WebhookReceiver): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void answer(receiver, req, res).catch((error: unknown) => {
      // The receiver answers every expected failure itself; this is a store or runtime failure.
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: "receiver_failed", errorDescription: error instanceof Error ? error.name : "error" }));
    });
  };
}

async function answer(receiver: WebhookReceiver, req: NodeRequest, res: ServerResponse): Promise<void> {
  const body = requestBody(req);
  if (body === "parsed") {
    res.writeHead(500, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: "raw_body_gone", errorDescription: "a body parser consumed the request before the webhook receiver: mount the receiver before express.json(), or use express.raw({ type: \"*/*\" }) on its route" }));
    return;
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  const request = new Request(requestUrl(req.url ?? "/", headers.get("host")), {
    method: req.method ?? "GET",
    headers,
    ...(req.method === "GET" || req.method === "HEAD" ? {} : { body, duplex: "half" }),
  } as RequestInit);
  const response = await receiver(request);
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(new Uint8Array(await response.arrayBuffer()));
}

/** The request's URL. Any client can send a Host (or a target) that is no URL: that is not a receiver failure. */
function requestUrl(path: string, host: string | null): URL {
  for (const base of [`http://${host ?? "localhost"}`, "http://localhost"]) {
    try {
      return new URL(path, base);
    } catch {
      // Try the next base.
    }
  }
  return new URL("http://localhost/");
}

function requestBody(req: NodeRequest): BodyInit | "parsed" {
  if (req.body === undefined) return Readable.toWeb(req) as ReadableStream<Uint8Array>;
  if (req.body instanceof Uint8Array) return req.body as Uint8Array<ArrayBuffer>;
  if (typeof req.body === "string") return req.body;
  // Express 4 leaves `{}` when no parser matched and nothing was read; otherwise the raw bytes are gone.
  if (req.readableEnded || (typeof req.body === "object" && req.body !== null && Object.keys(req.body).length > 0)) return "parsed";
  return Readable.toWeb(req) as ReadableStream<Uint8Array>;
}
