/**
 * The README's receivers, running: the same Express, Hono and Node http servers answer a handshake and a
 * delivery signed independently of this package, and refuse an altered body. (The README's blocks themselves are compiled by the repository's README snippet check,
 * packages/integration/test/readme.)
 */
import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { Hono } from "hono";
import { afterEach, describe, expect, it } from "vitest";
import { createWebhookReceiver, type WebhookReceiver } from "../src/index.js";
import { toNodeListener } from "../src/node.js";
import { SECRET, TASK_CREATED } from "./fixtures.js";

describe("the README's servers, running", () => {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
  });
  const receiver = (seen: string[]): WebhookReceiver => createWebhookReceiver({ secret: SECRET, handler: (event) => void seen.push(event.eventType) });

  async function listen(server: Server): Promise<string> {
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/wrike`;
  }

  /**
   * What Wrike does, over `send`, with every MAC made by node:crypto (not this package): the handshake, a signed
   * delivery (its MAC in upper-case hex too, a replay), and the same body with one byte changed.
   */
  async function exercise(url: string, send: (request: Request) => Promise<Response>): Promise<void> {
    const hmac = (data: string) => createHmac("sha256", SECRET).update(data).digest("hex");
    const value = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    const hello = await send(new Request(url, { method: "POST", headers: { "content-type": "application/json", "X-Hook-Secret": value }, body: '{"requestType":"WebHook secret verification"}' }));
    expect(hello.status).toBe(200);
    expect(hello.headers.get("x-hook-secret")).toBe(hmac(value));
    const body = JSON.stringify([TASK_CREATED]);
    const post = (bytes: string, signature: string) => send(new Request(url, { method: "POST", headers: { "content-type": "application/json", "X-Hook-Secret": signature }, body: bytes }));
    expect(await (await post(body, hmac(body))).json()).toEqual({ received: 1, handled: 1, duplicates: 0 });
    expect(await (await post(body, hmac(body).toUpperCase())).json()).toEqual({ received: 1, handled: 0, duplicates: 1 });
    const altered = body.replace("IEAAAOH5KQAKE5J2", "IEAAAOH5KQAKE5J3");
    expect((await post(altered, hmac(body))).status).toBe(401);
  }
  const overHttp = (request: Request) => fetch(request.url, { method: "POST", headers: request.headers, body: request.body, duplex: "half" } as RequestInit);

  it("Express, mounted before express.json()", async () => {
    const seen: string[] = [];
    const app = express();
    app.post("/wrike", toNodeListener(receiver(seen)));
    app.use(express.json());
    await exercise(await listen(createServer(app)), overHttp);
    expect(seen).toEqual(["TaskCreated"]);
  });

  it("Hono (a Fetch server)", async () => {
    const seen: string[] = [];
    const receive = receiver(seen);
    const app = new Hono();
    app.post("/wrike", (c) => receive(c.req.raw));
    await exercise("http://localhost/wrike", async (request) => app.fetch(request));
    expect(seen).toEqual(["TaskCreated"]);
  });

  it("Node http", async () => {
    const seen: string[] = [];
    await exercise(await listen(createServer(toNodeListener(receiver(seen)))), overHttp);
    expect(seen).toEqual(["TaskCreated"]);
  });
});
