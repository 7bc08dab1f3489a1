/**
 * A stand-in for real Wrike on 127.0.0.1: it records every request and answers it from an in-process
 * emulator, accepting one fake permanent token in place of the emulator's own, so that a test can run
 * the demo's real-Wrike mode (WRIKE_TOKEN, WRIKE_BASE_URL) and see exactly what it sent; `intercept` answers
 * chosen requests itself, to inject faults.
 */
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { createEmulator, type Emulator } from "@wrikekit/emulator";

export interface RecordedRequest {
  method: string;
  /** The path and query, as sent. */
  url: string;
  authorization: string | undefined;
  /** The form body of a write, decoded (empty for reads and raw uploads). */
  form: URLSearchParams;
  /** The ids in the answer's data (what a write created). */
  answeredIds: string[];
}

/** Answers a request in the emulator's place (a fault: a 429, a 500), or undefined to let the emulator answer. */
export type Intercept = (request: { method: string; url: string }, emulator: Emulator) => Response | undefined | Promise<Response | undefined>;

export interface RecordingWrike {
  url: string;
  emulator: Emulator;
  requests: RecordedRequest[];
  stop(): Promise<void>;
}

async function bodyOf(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startRecordingWrike(fakeToken: string, intercept: Intercept = () => undefined): Promise<RecordingWrike> {
  const emulator = createEmulator({ v4RateLimit: false });
  const realToken = emulator.credentials.permanentToken!;
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    void (async () => {
      const body = await bodyOf(req);
      const headers = new Headers(Object.entries(req.headers).flatMap(([k, v]) => (typeof v === "string" ? [[k, v] as [string, string]] : [])));
      const authorization = headers.get("authorization") ?? undefined;
      if (authorization === `Bearer ${fakeToken}`) headers.set("authorization", `Bearer ${realToken}`);
      const hasBody = req.method !== "GET" && req.method !== "HEAD" && body.length > 0;
      const response = (await intercept({ method: req.method ?? "GET", url: req.url ?? "/" }, emulator)) ?? await emulator.handle(new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers, ...(hasBody ? { body: new Uint8Array(body) } : {}) }));
      const answer = Buffer.from(await response.arrayBuffer());
      const isJson = response.headers.get("content-type")?.startsWith("application/json") ?? false;
      const data = isJson ? (JSON.parse(answer.toString()) as { data?: Array<{ id?: string }> }).data : undefined;
      const isForm = headers.get("content-type")?.startsWith("application/x-www-form-urlencoded") ?? false;
      requests.push({ method: req.method ?? "GET", url: req.url ?? "/", authorization, form: new URLSearchParams(isForm ? body.toString() : ""), answeredIds: (data ?? []).flatMap((d) => (typeof d.id === "string" ? [d.id] : [])) });
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(answer);
    })().catch((error: unknown) => {
      res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    emulator,
    requests,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
