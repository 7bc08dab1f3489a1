/**
 * The README's receivers, running: the same Express, Hono and Node http servers answer a handshake and a
 * signed delivery. (The README's blocks themselves are compiled by the repository's README snippet check,
 * packages/integration/test/readme.)
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { Hono } from "hono";
import { afterEach, describe, expect, it } from "vitest";
import { createWebhookReceiver, type WebhookReceiver } from "../src/index.js";
import { toNodeListener } from "../src/node.js";
import { handshakeRequest, isHandshakeAnswered, signWebhookRequest } from "../src/testing.js";
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

  /** What Wrike does: the handshake, then a signed delivery, over `send`. */
  async function exercise(url: string, send: (request: Request) => Promise<Response>): Promise<void> {
    const hello = handshakeRequest({ url });
    expect(await isHandshakeAnswered({ secret: SECRET, request: hello.clone(), response: await send(hello) })).toBe(true);
    const delivery = await send(await signWebhookRequest({ secret: SECRET, url, events: [TASK_CREATED] }));
    expect(await delivery.json()).toEqual({ received: 1, handled: 1, duplicates: 0 });
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
