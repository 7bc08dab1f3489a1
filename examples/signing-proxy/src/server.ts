/** Serves a fetch-style handler over node:http (Node 20+). */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

/** At most this many bytes of request body (Wrike's form bodies are small). */
const MAX_BODY = 1 << 20;

async function toRequest(req: IncomingMessage, signal: AbortSignal): Promise<Request> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new Error("request body too large");
    chunks.push(chunk);
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
  const method = req.method ?? "GET";
  const body = method === "GET" || method === "HEAD" ? undefined : Buffer.concat(chunks);
  return new Request(new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`), { method, headers, body, signal });
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  res.writeHead(response.status, Object.fromEntries(response.headers));
  if (response.body === null) res.end();
  // A body that fails half-way (Wrike's connection reset) ends this answer with a reset too, so the client
  // sees a network error instead of a short body; with pipe() the failure was an uncaught error.
  else await pipeline(Readable.fromWeb(response.body as import("node:stream/web").ReadableStream), res).catch(() => res.destroy());
}

export function serve(handler: (request: Request) => Promise<Response>, port: number, hostname = "127.0.0.1"): Promise<Server> {
  const server = createServer((req, res) => {
    // A browser that goes away cancels the call to Wrike.
    const gone = new AbortController();
    res.on("close", () => res.writableFinished || gone.abort());
    toRequest(req, gone.signal)
      .then(handler)
      .then((response) => send(res, response))
      .catch(() => {
        if (!res.headersSent) res.writeHead(400, { "content-type": "text/plain" });
        res.end("bad request");
      });
  });
  return new Promise((resolve) => server.listen(port, hostname, () => resolve(server)));
}
