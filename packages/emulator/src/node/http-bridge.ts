/** node:http to the Fetch API and back, so the emulator's handler serves a real port. */
import type { IncomingMessage, ServerResponse } from "node:http";

/** The request cannot be understood (a Host header that makes no URL): the client's fault, answered 400. */
export class BadRequestError extends Error {
  override readonly name = "BadRequestError";
}

function requestUrl(req: IncomingMessage, fallbackHost: string): URL {
  const host = req.headers.host ?? fallbackHost;
  try {
    return new URL(req.url ?? "/", `http://${host}`);
  } catch {
    throw new BadRequestError(`Bad request: the Host header ${JSON.stringify(host)} and path do not make a URL`);
  }
}

/**
 * The request as the client addressed it: scheme, the Host header and the path, because the OAuth
 * signature covers that URL.
 */
export async function toFetchRequest(req: IncomingMessage, fallbackHost: string): Promise<Request> {
  const url = requestUrl(req, fallbackHost);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const method = req.method ?? "GET";
  if (method === "GET" || method === "HEAD") return new Request(url, { method, headers });
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new Request(url, { method, headers, body: Buffer.concat(chunks) });
}

export async function sendFetchResponse(response: Response, res: ServerResponse): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  res.end(Buffer.from(await response.arrayBuffer()));
}
