import { describe, expect, it, vi } from "vitest";
import { createWebhookReceiver, isKnownWebhookEvent, MemoryDedupeStore, type WebhookReceiverError, type WrikeWebhookEvent } from "../src/index.js";
import { signWebhookRequest } from "../src/testing.js";
import { post, SECRET, TASK_CREATED, URL_ } from "./fixtures.js";

const deliver = (events: readonly unknown[]) => signWebhookRequest({ secret: SECRET, events, url: URL_ });
const deliverBody = (body: string) => signWebhookRequest({ secret: SECRET, body, url: URL_ });

describe("payloads", () => {
  const malformed: [string, string, RegExp][] = [
    ["not JSON", "[{", /body is not JSON/],
    ["not an array", JSON.stringify(TASK_CREATED), /body must be a JSON array/],
    ["an event that is not an object", JSON.stringify([TASK_CREATED, 7]), /events\[1\] expected object, got number 7/],
    ["an event without webhookId", JSON.stringify([{ ...TASK_CREATED, webhookId: undefined }]), /events\[0\]\.webhookId expected present \(required field\), got nothing/],
    ["an entity id that is not a string", JSON.stringify([{ ...TASK_CREATED, taskId: 42 }]), /events\[0\]\.taskId expected string, got number 42/],
    ["a known event without its subject's id", JSON.stringify([{ ...TASK_CREATED, taskId: undefined }]), /events\[0\]\.taskId expected present/],
    ["a field of the wrong shape (dates that are not an object)", JSON.stringify([{ ...TASK_CREATED, eventType: "TaskDatesChanged", value: "tomorrow" }]), /events\[0\]\.value expected object, got string "tomorrow"/],
    ["a nested field of the wrong type", JSON.stringify([{ ...TASK_CREATED, eventType: "TaskDatesChanged", value: { duration: "long" } }]), /events\[0\]\.value\.duration expected a finite number/],
    ["an unknown event without webhookId", JSON.stringify([{ eventType: "Novel" }]), /events\[0\]\.webhookId expected present/],
  ];
  for (const [what, body, message] of malformed) {
    it(`answers 400 naming the field for ${what}, and processes nothing (not even the valid events before it)`, async () => {
      const handler = vi.fn();
      const response = await createWebhookReceiver({ secret: SECRET, handler })(await deliverBody(body));
      expect(response.status).toBe(400);
      expect((await response.json()).errorDescription).toMatch(message);
      expect(handler).not.toHaveBeenCalled();
    });
  }

  it("passes an unknown event type through with all its fields, never dropped", async () => {
    const seen: WrikeWebhookEvent[] = [];
    const novel = { ...TASK_CREATED, eventType: "SomethingWrikeAddsIn2030", widget: { id: "W1", size: [1, 2] } };
    const response = await createWebhookReceiver({ secret: SECRET, handler: (event) => void seen.push(event) })(await deliver([novel]));
    expect(response.status).toBe(200);
    expect(seen).toEqual([novel]);
  });

  it("decodes by default to the generated union: known types narrow by eventType, unknown ones stay whole", async () => {
    const seen: string[] = [];
    const handler = (event: WrikeWebhookEvent) => {
      if (!isKnownWebhookEvent(event)) return void seen.push(`unknown ${event.eventType} ${JSON.stringify(event.widget)}`);
      switch (event.eventType) {
        case "TaskCreated":
          return void seen.push(`task ${event.taskId}`);
        case "TaskDatesChanged":
          return void seen.push(`dates ${event.oldValue?.due} -> ${event.value?.due}`);
        case "TaskResponsiblesAdded":
          return void seen.push(`assigned ${event.addedResponsibles?.join(",")}`);
        default:
          return void seen.push(event.eventType);
      }
    };
    const events = [
      TASK_CREATED,
      { ...TASK_CREATED, eventType: "TaskDatesChanged", oldValue: { type: "Planned", due: "2026-12-01T17:00:00" }, value: { type: "Planned", due: "2026-12-02T17:00:00" } },
      { ...TASK_CREATED, eventType: "TaskResponsiblesAdded", addedResponsibles: ["KUAAAAHK", "KUAAAAHL"] },
      { ...TASK_CREATED, eventType: "CommentAdded", commentId: "IEAAAOH5IMAAAAAB" },
      { ...TASK_CREATED, eventType: "SomethingWrikeAddsIn2030", widget: { id: "W1" } },
    ];
    expect((await createWebhookReceiver({ secret: SECRET, handler })(await deliver(events))).status).toBe(200);
    expect(seen).toEqual(["task IEAAAOH5KQAKE5J2", "dates 2026-12-01T17:00:00 -> 2026-12-02T17:00:00", "assigned KUAAAAHK,KUAAAAHL", "CommentAdded", 'unknown SomethingWrikeAddsIn2030 {"id":"W1"}']);
  });

  it("takes a decoder: events arrive as its discriminated union, in order", async () => {
    type Event =
      | { eventType: "TaskCreated"; taskId: string }
      | { eventType: "CommentAdded"; commentId: string; taskId: string }
      | { eventType: string; known: false; [field: string]: unknown };
    const decode = (raw: unknown): Event => {
      const r = raw as Record<string, string>;
      if (r.eventType === "TaskCreated") return { eventType: "TaskCreated", taskId: r.taskId! };
      if (r.eventType === "CommentAdded") return { eventType: "CommentAdded", commentId: r.commentId!, taskId: r.taskId! };
      return { ...r, eventType: String(r.eventType), known: false };
    };
    const seen: string[] = [];
    const receive = createWebhookReceiver({
      secret: SECRET,
      decode,
      handler: (event) => {
        if (event.eventType === "CommentAdded" && "commentId" in event) seen.push(`comment ${event.commentId}`);
        else if (event.eventType === "TaskCreated" && "taskId" in event) seen.push(`task ${event.taskId}`);
        else seen.push(`other ${event.eventType}`);
      },
    });
    const comment = { ...TASK_CREATED, eventType: "CommentAdded", commentId: "IEAAAOH5IMAAAAAB" };
    const other = { ...TASK_CREATED, eventType: "TimelogChanged", timelogId: "T1" };
    expect((await receive(await deliver([TASK_CREATED, comment, other]))).status).toBe(200);
    expect(seen).toEqual(["task IEAAAOH5KQAKE5J2", "comment IEAAAOH5IMAAAAAB", "other TimelogChanged"]);
  });

  it("refuses other methods with 405 and bodies over maxBodyBytes with 413", async () => {
    const handler = vi.fn();
    const receive = createWebhookReceiver({ secret: SECRET, handler, maxBodyBytes: 64 });
    expect((await receive(new Request(URL_))).status).toBe(405);
    const big = await deliver([TASK_CREATED]);
    expect((await receive(big)).status).toBe(413);
    expect(handler).not.toHaveBeenCalled();
  });

  it("a body already read by a middleware is a 500 saying so, not a bare TypeError, and nothing is processed", async () => {
    const handler = vi.fn();
    const told: WebhookReceiverError[] = [];
    const receive = createWebhookReceiver({ secret: SECRET, handler, onError: (error) => void told.push(error) });
    const read = await deliver([TASK_CREATED]);
    await read.json(); // what Hono's c.req.json() in a middleware does to c.req.raw
    const locked = await deliver([TASK_CREATED]);
    locked.body!.getReader();
    for (const request of [read, locked]) {
      const response = await receive(request);
      expect(response.status).toBe(500);
      expect(await response.json()).toMatchObject({ error: "raw_body_gone", errorDescription: expect.stringMatching(/read before the webhook receiver/) });
    }
    expect(told.map((error) => error.reason)).toEqual(["raw_body_gone", "raw_body_gone"]);
    expect(handler).not.toHaveBeenCalled();
  });
});

describe("at-least-once delivery", () => {
  it("de-duplicates a replay, also re-serialised with other key order and spacing", async () => {
    const handler = vi.fn();
    const receive = createWebhookReceiver({ secret: SECRET, handler });
    expect(await (await receive(await deliver([TASK_CREATED]))).json()).toEqual({ received: 1, handled: 1, duplicates: 0 });
    expect(await (await receive(await deliver([TASK_CREATED]))).json()).toEqual({ received: 1, handled: 0, duplicates: 1 });
    const reordered = JSON.stringify([Object.fromEntries(Object.entries(TASK_CREATED).reverse())], null, 2);
    expect(await (await receive(await deliverBody(reordered))).json()).toEqual({ received: 1, handled: 0, duplicates: 1 });
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it("keeps two events that differ only in a detail apart (same task, type and second)", async () => {
    const handler = vi.fn();
    const receive = createWebhookReceiver({ secret: SECRET, handler });
    const added = (id: string) => ({ ...TASK_CREATED, eventType: "TaskResponsiblesAdded", addedResponsibles: [id] });
    await receive(await deliver([added("U1")]));
    await receive(await deliver([added("U2")]));
    expect(handler).toHaveBeenCalledTimes(2);
  });

  it("runs a replay again once the window has passed", async () => {
    let now = 1_000_000;
    const handler = vi.fn();
    const receive = createWebhookReceiver({ secret: SECRET, handler, dedupe: { windowMs: 60_000, store: new MemoryDedupeStore({ now: () => now }) } });
    await receive(await deliver([TASK_CREATED]));
    now += 59_999;
    await receive(await deliver([TASK_CREATED]));
    expect(handler).toHaveBeenCalledTimes(1);
    now += 1;
    await receive(await deliver([TASK_CREATED]));
    expect(handler).toHaveBeenCalledTimes(2);
  });

  it("a handler failing twice then succeeding: 500, 500, 200, and the event is handled exactly once", async () => {
    let attempts = 0;
    const handled: unknown[] = [];
    const receive = createWebhookReceiver({
      secret: SECRET,
      handler: (event) => {
        if (++attempts <= 2) throw new Error(`database down (attempt ${attempts})`);
        handled.push(event);
      },
    });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await receive(await deliver([TASK_CREATED]))).status);
    expect(statuses).toEqual([500, 500, 200, 200]);
    expect(attempts).toBe(3);
    expect(handled).toEqual([TASK_CREATED]);
  });

  it("a batch failing on its second event: the redelivery skips the first and retries the second", async () => {
    const second = { ...TASK_CREATED, eventType: "TaskDeleted" };
    const calls: string[] = [];
    let failNext = true;
    const receive = createWebhookReceiver({
      secret: SECRET,
      handler: (event) => {
        calls.push(event.eventType);
        if (event.eventType === "TaskDeleted" && failNext) {
          failNext = false;
          throw new Error("boom");
        }
      },
    });
    expect((await receive(await deliver([TASK_CREATED, second]))).status).toBe(500);
    expect(await (await receive(await deliver([TASK_CREATED, second]))).json()).toEqual({ received: 2, handled: 1, duplicates: 1 });
    expect(calls).toEqual(["TaskCreated", "TaskDeleted", "TaskDeleted"]);
  });

  it("two concurrent deliveries of one event run the handler once; the other is told to retry (409)", async () => {
    let finish!: () => void;
    const gate = new Promise<void>((resolve) => (finish = resolve));
    const handler = vi.fn(() => gate);
    const receive = createWebhookReceiver({ secret: SECRET, handler });
    const first = receive(await deliver([TASK_CREATED]));
    const second = receive(await deliver([TASK_CREATED]));
    expect((await second).status).toBe(409);
    let firstDone = false;
    void first.then(() => (firstDone = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(firstDone).toBe(false); // not acknowledged while the handler runs
    finish();
    expect((await first).status).toBe(200);
    expect(await (await receive(await deliver([TASK_CREATED]))).json()).toMatchObject({ duplicates: 1 });
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it("dedupe: false runs every delivery", async () => {
    const handler = vi.fn();
    const receive = createWebhookReceiver({ secret: SECRET, handler, dedupe: false });
    await receive(await deliver([TASK_CREATED]));
    await receive(await deliver([TASK_CREATED]));
    expect(handler).toHaveBeenCalledTimes(2);
  });
});

describe("the onError hook", () => {
  it("cannot change the answer: one that throws or rejects is ignored, and each refusal still gets its status", async () => {
    const told: string[] = [];
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => void unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      for (const onError of [
        (e: WebhookReceiverError) => {
          told.push(e.reason);
          throw new Error("logger down");
        },
        async (e: WebhookReceiverError) => {
          told.push(e.reason);
          throw new Error("async logger down");
        },
      ]) {
        const receive = createWebhookReceiver({ secret: SECRET, onError, handler: () => Promise.reject(new Error("handler broke")) });
        expect((await receive(post("[]"))).status).toBe(401);
        expect((await receive(await deliverBody("{nope"))).status).toBe(400);
        expect((await receive(await deliver([TASK_CREATED]))).status).toBe(500);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
    expect(told).toEqual(["signature", "payload", "handler", "signature", "payload", "handler"]);
    expect(unhandled).toEqual([]);
  });
});

describe("the secret", () => {
  it("appears in no response, no onError error and no thrown message", async () => {
    const errors: WebhookReceiverError[] = [];
    const receive = createWebhookReceiver({ secret: SECRET, onError: (e) => errors.push(e), handler: () => Promise.reject(new Error("handler broke")) });
    const requests = [
      post("[]", { "X-Hook-Secret": SECRET }),
      post("[]"),
      await deliverBody("{nope"),
      await deliver([TASK_CREATED]),
      new Request(URL_, { method: "PUT" }),
      post(JSON.stringify({ requestType: "WebHook secret verification" }), { "X-Hook-Secret": "[]" }),
    ];
    const seen: string[] = [];
    for (const request of requests) {
      const response = await receive(request);
      seen.push(String(response.status), await response.text(), JSON.stringify([...response.headers]));
    }
    expect(seen.filter((_, i) => i % 3 === 0)).toEqual(["401", "401", "400", "500", "405", "400"]);
    expect(errors.map((e) => e.reason)).toEqual(["signature", "signature", "payload", "handler", "method", "handshake"]);
    for (const error of errors) seen.push(error.message, String(error.stack), JSON.stringify(error));
    expect(seen.join("\n")).not.toContain(SECRET);
    const thrown = [() => createWebhookReceiver({ secret: "", handler: () => {} }), () => createWebhookReceiver({ secret: SECRET, handler: undefined as never })];
    for (const make of thrown) expect(make).toThrow(/options\.(secret|handler)/);
    expect(() => createWebhookReceiver({ secret: SECRET, handler: () => {}, maxBodyBytes: -1 })).toThrow(/options\.maxBodyBytes must be a positive number of bytes \(got -1\)/);
  });
});
