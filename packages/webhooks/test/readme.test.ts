/**
 * The README's receivers as written: each ```ts block that builds one is type-checked (tsc, against this
 * package's sources), and the same Express, Hono and Node http servers answer a handshake and a signed delivery.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import express from "express";
import { Hono } from "hono";
import { afterEach, describe, expect, it } from "vitest";
import { createWebhookReceiver, type WebhookReceiver } from "../src/index.js";
import { toNodeListener } from "../src/node.js";
import { handshakeRequest, isHandshakeAnswered, signWebhookRequest } from "../src/testing.js";
import { SECRET, TASK_CREATED } from "./fixtures.js";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const blocks = [...readFileSync(here("../README.md"), "utf8").matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
const block = (marker: string) => {
  const found = blocks.find((b) => b.includes(marker));
  if (found === undefined) throw new Error(`README: no ts block with ${marker}`);
  return found;
};
const RECEIVE = 'import { createWebhookReceiver } from "@wrikekit/webhooks";\nconst receive = createWebhookReceiver({ secret: "s", handler() {} });\n';

describe("the README's receivers", () => {
  it("type-check as written", () => {
    const dir = here("./.readme-check/");
    const snippets: Record<string, string> = {
      "intro.ts": block("process.env.WRIKE_WEBHOOK_SECRET"),
      "express.ts": RECEIVE + block('from "express"'),
      "hono.ts": RECEIVE + block('from "hono"'),
      "node.ts": RECEIVE + block('from "node:http"'),
      "events.ts": "declare const secret: string;\n" + block("isKnownWebhookEvent(event)"),
    };
    mkdirSync(dir, { recursive: true });
    try {
      for (const [name, text] of Object.entries(snippets)) writeFileSync(`${dir}${name}`, `${text}\nexport {};\n`);
      // The intro defines `receive` for the blocks after it: alone, it is an unused local.
      writeFileSync(
        `${dir}tsconfig.json`,
        JSON.stringify({
          extends: "../../../../tsconfig.base.json",
          compilerOptions: { noEmit: true, composite: false, noUnusedLocals: false, types: ["node"], paths: { "@wrikekit/webhooks": ["../../src/index.ts"], "@wrikekit/webhooks/*": ["../../src/*.ts"] } },
          include: ["*.ts"],
        }),
      );
      const tsc = spawnSync(process.execPath, [here("../node_modules/typescript/bin/tsc"), "-p", `${dir}tsconfig.json`], { encoding: "utf8" });
      expect(tsc.stdout + tsc.stderr).toBe("");
      expect(tsc.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe("the same servers, running", () => {
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
