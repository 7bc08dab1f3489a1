/** Serves a fetch-style handler over node:http (Node 20+). */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { Readable } from "node:stream";

/** At most this many bytes of request body (Wrike's form bodies are small). */
const MAX_BODY = 1 << 20;

async function toRequest(req: IncomingMessage): Promise<Request> {
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
  return new Request(new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`), { method, headers, body });
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  res.writeHead(response.status, Object.fromEntries(response.headers));
  if (response.body === null) res.end();
  else Readable.fromWeb(response.body as import("node:stream/web").ReadableStream).pipe(res);
}

export function serve(handler: (request: Request) => Promise<Response>, port: number, hostname = "127.0.0.1"): Promise<Server> {
  const server = createServer((req, res) => {
    toRequest(req)
      .then(handler)
      .then((response) => send(res, response))
      .catch(() => {
        if (!res.headersSent) res.writeHead(400, { "content-type": "text/plain" });
        res.end("bad request");
      });
  });
  return new Promise((resolve) => server.listen(port, hostname, () => resolve(server)));
}
