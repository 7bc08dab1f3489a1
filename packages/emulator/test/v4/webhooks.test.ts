/**
 * Webhooks end to end: the emulator on 127.0.0.1 driven by the v4 client, a receiver of @wrikekit/webhooks on a
 * real Node http server on 127.0.0.1, registered with the emulator (handshake), and every change delivered to it
 * signed, exactly once, in order; retries, suspension, filters and scopes.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createWrikeClient, type WrikeClient } from "@wrikekit/client";
import { createWebhookReceiver, isKnownWebhookEvent, type WebhookReceiverError, type WrikeWebhookEvent } from "@wrikekit/webhooks";
import { toNodeListener } from "@wrikekit/webhooks/node";
import { signWebhookRequest } from "@wrikekit/webhooks/testing";
import { SEED_CREDENTIALS } from "../../src/engine/seed.js";
import { startEmulatorServer, type EmulatorServer } from "../../src/server.js";

const SECRET = "hook-secret-for-tests";
const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(stops.splice(0).map((stop) => stop()));
});

/**
 * Quick retries, so that a test sees back-off and suspension in milliseconds; a delivery's timeout long enough
 * that a loaded machine (CI, parallel test files) never turns a slow answer into a retry the test did not ask for.
 */
const TIMING = { initialBackoffMs: 20, maxAttempts: 3, timeoutMs: 15_000 };

async function emulator(): Promise<{ server: EmulatorServer; wrike: WrikeClient; folderId: string }> {
  const server = await startEmulatorServer({ v4RateLimit: false, webhooks: TIMING });
  stops.push(() => server.stop());
  const wrike = createWrikeClient({ baseUrl: server.url, auth: { kind: "bearer", token: SEED_CREDENTIALS.permanentToken }, rateLimit: false, retry: false });
  const folderId = (await wrike.spaces.list()).data[0]!.id;
  return { server, wrike, folderId };
}

/** A Node http server on 127.0.0.1; `fail` answers 503 to that many event deliveries before the receiver sees one. */
async function receiver(options: { secret?: string; fail?: number } = {}) {
  const events: WrikeWebhookEvent[] = [];
  const refusals: WebhookReceiverError[] = [];
  const requests: { status: number; signature: string | undefined }[] = [];
  let failuresLeft = options.fail ?? 0;
  const receive = toNodeListener(
    createWebhookReceiver({ secret: options.secret ?? SECRET, handler: (event) => void events.push(event), onError: (error) => void refusals.push(error) }),
  );
  const server: Server = createServer((req, res) => {
    const signature = req.headers["x-hook-secret"] as string | undefined;
    res.on("finish", () => requests.push({ status: res.statusCode, signature }));
    // The first request is the handshake; failures apply to the event deliveries after it.
    if (requests.length > 0 && failuresLeft > 0) {
      failuresLeft--;
      res.writeHead(503).end();
      return;
    }
    receive(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  stops.push(() => new Promise((resolve) => server.close(() => resolve())));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/wrike`;
  return { url, events, refusals, requests };
}

const summary = (events: readonly WrikeWebhookEvent[]) =>
  events.map((e) => {
    if (!isKnownWebhookEvent(e)) return `? ${e.eventType}`;
    switch (e.eventType) {
      case "TaskTitleChanged":
        return `${e.eventType} ${e.oldValue} -> ${e.value}`;
      case "TaskStatusChanged":
        return `${e.eventType} ${e.oldValue} -> ${e.value}`;
      case "TaskResponsiblesAdded":
        return `${e.eventType} ${e.addedResponsibles?.join(",")}`;
      default:
        return e.eventType;
    }
  });

describe("webhooks from the v4 emulator", () => {
  it("delivers every change to tasks, comments and attachments exactly once, signed, in order", async () => {
    const { server, wrike, folderId } = await emulator();
    const hook = await receiver();
    const [created] = (await wrike.webhooks.createInFolder({ folderId, hookUrl: hook.url, secret: SECRET, recursive: true })).data;
    expect(created).toMatchObject({ folderId, hookUrl: hook.url, status: "Active", recursive: true });
    expect(JSON.stringify(created)).not.toContain(SECRET);
    // The handshake was answered by the receiver itself (its answer carries HMAC(secret, value)).
    expect(hook.requests).toHaveLength(1);

    const task = (await wrike.tasks.createInFolder({ folderId, title: "Plan" })).data[0]!;
    await wrike.tasks.update({ taskId: task.id, title: "Plan v2", status: "Completed", addResponsibles: [SEED_CREDENTIALS.viewer.uid] });
    const comment = (await wrike.comments.createInTask({ taskId: task.id, text: "first" })).data[0]!;
    const file = (await wrike.attachments.createInTask({ taskId: task.id, fileName: "notes.txt", file: new TextEncoder().encode("hello") })).data[0]!;
    await wrike.comments.delete({ commentId: comment.id });
    await wrike.attachments.delete({ attachmentId: file.id });
    await wrike.tasks.delete({ taskId: task.id });
    await server.emulator.webhooks.idle();

    expect(summary(hook.events)).toEqual([
      "TaskCreated",
      "TaskTitleChanged Plan -> Plan v2",
      "TaskStatusChanged Active -> Completed",
      `TaskResponsiblesAdded ${SEED_CREDENTIALS.viewer.uid}`,
      "CommentAdded",
      "AttachmentAdded",
      "CommentDeleted",
      "AttachmentDeleted",
      "TaskDeleted",
    ]);
    for (const event of hook.events) expect(event).toMatchObject({ webhookId: created!.id, eventAuthorId: SEED_CREDENTIALS.user.uid, lastUpdatedDate: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/) });
    expect(hook.events.filter((e) => e.eventType === "CommentAdded" || e.eventType === "CommentDeleted")).toEqual([
      expect.objectContaining({ commentId: comment.id, taskId: task.id }),
      expect.objectContaining({ commentId: comment.id, taskId: task.id }),
    ]);
    expect(hook.events.find((e) => e.eventType === "AttachmentAdded")).toMatchObject({ attachmentId: file.id, taskId: task.id });
    // One signed request per write (the update's three events came in one), every one verified and answered 200.
    expect(hook.requests.slice(1).map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200, 200]);
    expect(hook.requests.every((r) => /^[0-9a-f]{64}$/.test(r.signature ?? ""))).toBe(true);
    expect(hook.refusals).toEqual([]);
    expect(server.emulator.webhooks.log.every((d) => d.delivered && d.attempts === 1)).toBe(true);
  });

  it("refuses a tampered body, a wrong secret and de-duplicates a replay", async () => {
    const { server, wrike, folderId } = await emulator();
    const hook = await receiver();
    await wrike.webhooks.createInFolder({ folderId, hookUrl: hook.url, secret: SECRET });
    await wrike.tasks.createInFolder({ folderId, title: "Once" });
    await server.emulator.webhooks.idle();
    expect(hook.events).toHaveLength(1);
    const event = hook.events[0]!;

    const post = (request: Request) => fetch(hook.url, { method: "POST", headers: request.headers, body: request.body, duplex: "half" } as RequestInit);
    const signed = await signWebhookRequest({ secret: SECRET, url: hook.url, events: [event] });
    const tampered = new Request(hook.url, { method: "POST", headers: signed.headers, body: JSON.stringify([{ ...event, taskId: "IEAGKVLFKQ222222" }]) });
    expect((await post(tampered)).status).toBe(401);
    expect((await post(await signWebhookRequest({ secret: "not-the-secret", url: hook.url, events: [event] }))).status).toBe(401);
    const replay = await post(signed);
    expect(replay.status).toBe(200);
    expect(await replay.json()).toEqual({ received: 1, handled: 0, duplicates: 1 });
    expect(hook.events).toHaveLength(1);
    expect(hook.refusals.map((r) => r.reason)).toEqual(["signature", "signature"]);
  });

  it("retries with back-off: a receiver that fails twice and then succeeds still gets the event, once", async () => {
    const { server, wrike, folderId } = await emulator();
    const hook = await receiver({ fail: 2 });
    await wrike.webhooks.createInFolder({ folderId, hookUrl: hook.url, secret: SECRET });
    const task = (await wrike.tasks.createInFolder({ folderId, title: "Persistent" })).data[0]!;
    await server.emulator.webhooks.idle();
    expect(hook.requests.slice(1).map((r) => r.status)).toEqual([503, 503, 200]);
    expect(hook.events).toEqual([expect.objectContaining({ eventType: "TaskCreated", taskId: task.id })]);
    expect(server.emulator.webhooks.log).toEqual([{ webhookId: expect.any(String), eventTypes: ["TaskCreated"], attempts: 3, delivered: true }]);
  });

  it("suspends a webhook after repeated failures, delivers nothing more, and resumes when set Active", async () => {
    const { server, wrike, folderId } = await emulator();
    const hook = await receiver({ fail: TIMING.maxAttempts });
    const id = (await wrike.webhooks.createInFolder({ folderId, hookUrl: hook.url, secret: SECRET })).data[0]!.id;
    await wrike.tasks.createInFolder({ folderId, title: "Lost to a broken receiver" });
    await server.emulator.webhooks.idle();
    expect((await wrike.webhooks.get({ webhookIds: [id] })).data[0]!.status).toBe("Suspended");
    await wrike.tasks.createInFolder({ folderId, title: "While suspended" });
    await server.emulator.webhooks.idle();
    expect(hook.requests).toHaveLength(1 + TIMING.maxAttempts);

    await wrike.webhooks.update({ webhookId: id, status: "Active" });
    const back = (await wrike.tasks.createInFolder({ folderId, title: "After resuming" })).data[0]!;
    await server.emulator.webhooks.idle();
    expect(hook.events).toEqual([expect.objectContaining({ eventType: "TaskCreated", taskId: back.id })]);
  });

  it("refuses a webhook whose hookUrl fails the handshake, and creates nothing", async () => {
    const { wrike, folderId } = await emulator();
    const hook = await receiver({ secret: "another-secret" });
    await expect(wrike.webhooks.createInFolder({ folderId, hookUrl: hook.url, secret: SECRET })).rejects.toMatchObject({ status: 400, errorDescription: expect.stringMatching(/did not answer the webhook verification handshake/) });
    expect((await wrike.webhooks.list()).data).toEqual([]);
    await expect(wrike.webhooks.create({ hookUrl: "http://receiver.example/wrike", secret: SECRET })).rejects.toMatchObject({ status: 400, errorDescription: expect.stringMatching(/hookUrl must be an https URL/) });
  });

  it("follows no redirect: a hookUrl answering 307 fails the handshake, and its deliveries never reach the redirect's target", async () => {
    const { server, wrike, folderId } = await emulator();
    const target = await receiver();
    const redirects: string[] = [];
    const redirector = createServer((req, res) => {
      redirects.push(req.method ?? "");
      res.writeHead(307, { location: target.url }).end();
    });
    await new Promise<void>((resolve) => redirector.listen(0, "127.0.0.1", resolve));
    stops.push(() => new Promise((resolve) => redirector.close(() => resolve())));
    const hookUrl = `http://127.0.0.1:${(redirector.address() as AddressInfo).port}/wrike`;

    await expect(wrike.webhooks.createInFolder({ folderId, hookUrl, secret: SECRET })).rejects.toMatchObject({ status: 400, errorDescription: expect.stringMatching(/did not answer the webhook verification handshake/) });
    const id = (await wrike.webhooks.createInFolder({ folderId, hookUrl })).data[0]!.id;
    await wrike.tasks.createInFolder({ folderId, title: "Redirected" });
    await server.emulator.webhooks.idle();
    expect(redirects).toEqual(Array(1 + TIMING.maxAttempts).fill("POST"));
    expect(target.requests).toEqual([]);
    expect((await wrike.webhooks.get({ webhookIds: [id] })).data[0]!.status).toBe("Suspended");
  });

  it("refuses a hookUrl carrying a user name or password, naming hookUrl and not the password", async () => {
    const { wrike } = await emulator();
    for (const secret of [SECRET, undefined]) {
      const refusal = await wrike.webhooks.create({ hookUrl: "https://hook:pa55word@receiver.example/wrike", ...(secret ? { secret } : {}) }).catch((error: unknown) => error);
      expect(refusal).toMatchObject({ status: 400, errorDescription: expect.stringMatching(/^Invalid parameter hookUrl: must not carry a user name or password/) });
      expect(JSON.stringify(refusal)).not.toContain("pa55word");
    }
    expect((await wrike.webhooks.list()).data).toEqual([]);
  });

  it("delivers only the event types asked for, and only from the folder watched unless recursive", async () => {
    const { server, wrike, folderId } = await emulator();
    const sub = (await wrike.folders.createInFolder({ folderId, title: "Sub" })).data[0]!;
    const direct = await receiver();
    const deep = await receiver();
    await wrike.webhooks.createInFolder({ folderId, hookUrl: direct.url, secret: SECRET, events: ["TaskCreated", "CommentAdded"] });
    await wrike.webhooks.createInFolder({ folderId, hookUrl: deep.url, secret: SECRET, recursive: true, events: ["TaskCreated"] });
    const top = (await wrike.tasks.createInFolder({ folderId, title: "top" })).data[0]!;
    const below = (await wrike.tasks.createInFolder({ folderId: sub.id, title: "below" })).data[0]!;
    await wrike.tasks.update({ taskId: top.id, title: "renamed" });
    await wrike.comments.createInTask({ taskId: top.id, text: "hi" });
    await server.emulator.webhooks.idle();
    expect(direct.events.map((e) => [e.eventType, (e as { taskId?: string }).taskId])).toEqual([
      ["TaskCreated", top.id],
      ["CommentAdded", top.id],
    ]);
    expect(deep.events.map((e) => [e.eventType, (e as { taskId?: string }).taskId])).toEqual([
      ["TaskCreated", top.id],
      ["TaskCreated", below.id],
    ]);
    // The emulator delivers only the types it knows: an unknown one is refused, naming the item.
    await expect(wrike.webhooks.create({ hookUrl: direct.url, events: ["TaskCreated", "TaskInvented"] })).rejects.toMatchObject({
      status: 400,
      errorDescription: expect.stringMatching(/^Invalid parameter events\[1\]: expected one of TaskCreated, .*, got "TaskInvented"$/),
    });
    expect((await wrike.webhooks.list()).data.map((h) => h.hookUrl)).toEqual([direct.url, deep.url]);
  });
});
