import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createWebhookReceiver } from "../src/index.js";
import { toNodeListener } from "../src/node.js";
import { handshakeRequest, isHandshakeAnswered, signWebhookRequest } from "../src/testing.js";
import { SECRET, SPACED_BODY, SPACED_SIGNATURE, TASK_CREATED, TASK_CREATED_BODY, TASK_CREATED_SIGNATURE } from "./fixtures.js";

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A real http.createServer on 127.0.0.1; `before` plays a middleware (an Express body parser, say). */
async function listen(listener: (req: IncomingMessage, res: ServerResponse) => void, before?: (req: IncomingMessage & { body?: unknown }) => Promise<void>): Promise<string> {
  server = createServer((req, res) => void (before ? before(req).then(() => listener(req, res)) : listener(req, res)));
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/wrike`;
}

/** Sends a Request built for another URL to `url`, over real HTTP. */
async function send(url: string, request: Request): Promise<Response> {
  return fetch(url, { method: request.method, headers: request.headers, body: await request.arrayBuffer() });
}

describe("toNodeListener over http.createServer", () => {
  it("answers the handshake, verifies the raw bytes, runs the handler and de-duplicates", async () => {
    const handler = vi.fn();
    const url = await listen(toNodeListener(createWebhookReceiver({ secret: SECRET, handler })));
    const hello = handshakeRequest({ url });
    expect(await isHandshakeAnswered({ secret: SECRET, request: hello.clone(), response: await send(url, hello) })).toBe(true);

    const raw = new Request(url, { method: "POST", headers: { "X-Hook-Secret": SPACED_SIGNATURE, "content-type": "application/json" }, body: SPACED_BODY });
    const first = await send(url, raw.clone());
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ received: 1, handled: 1, duplicates: 0 });
    expect(await (await send(url, raw)).json()).toEqual({ received: 1, handled: 0, duplicates: 1 });
    expect(handler.mock.calls[0]![0]).toMatchObject({ title: "Caf\u00e9 \u2615" });
  });

  it("refuses a wrong secret with 401 and answers a failing handler with 500", async () => {
    const url = await listen(toNodeListener(createWebhookReceiver({ secret: SECRET, handler: () => Promise.reject(new Error("down")) })));
    expect((await send(url, await signWebhookRequest({ secret: "wrong", events: [TASK_CREATED], url }))).status).toBe(401);
    expect((await send(url, await signWebhookRequest({ secret: SECRET, events: [TASK_CREATED], url }))).status).toBe(500);
  });

  it("a Host header that is not a host is no receiver failure: the signed delivery is handled", async () => {
    const urls: string[] = [];
    const url = await listen(toNodeListener(createWebhookReceiver({ secret: SECRET, handler: (_event, { request }) => void urls.push(request.url) })));
    // fetch cannot send such a Host; node:http can, as any client on the network can.
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const request = httpRequest(url, { method: "POST", headers: { host: "not a host", "x-hook-secret": TASK_CREATED_SIGNATURE, "content-type": "application/json" } }, (response) => {
        response.resume();
        resolve(response.statusCode);
      });
      request.on("error", reject);
      request.end(TASK_CREATED_BODY);
    });
    expect(status).toBe(200);
    expect(urls).toEqual(["http://localhost/wrike"]);
  });

  it("uses a raw Buffer body left by express.raw(), and says what to do when a JSON parser ate the body", async () => {
    const handler = vi.fn();
    const listener = toNodeListener(createWebhookReceiver({ secret: SECRET, handler }));
    const readAll = async (req: IncomingMessage) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    };
    const rawUrl = await listen(listener, async (req) => void (req.body = await readAll(req)));
    expect((await send(rawUrl, await signWebhookRequest({ secret: SECRET, events: [TASK_CREATED], url: rawUrl }))).status).toBe(200);
    expect(handler).toHaveBeenCalledTimes(1);
    await new Promise<void>((resolve) => server!.close(() => resolve()));

    const jsonUrl = await listen(listener, async (req) => void (req.body = JSON.parse((await readAll(req)).toString())));
    const response = await send(jsonUrl, await signWebhookRequest({ secret: SECRET, events: [{ ...TASK_CREATED, taskId: "OTHER" }], url: jsonUrl }));
    expect(response.status).toBe(500);
    expect((await response.json()).errorDescription).toMatch(/before express\.json\(\)/);
    expect(handler).toHaveBeenCalledTimes(1);
  });
});
