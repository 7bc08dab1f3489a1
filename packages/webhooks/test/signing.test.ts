import { describe, expect, it, vi } from "vitest";
import { createWebhookReceiver, wrikeWebhookScheme } from "../src/index.js";
import { handshakeRequest, isHandshakeAnswered, signWebhookRequest } from "../src/testing.js";
import { HANDSHAKE_ANSWER, HANDSHAKE_VALUE, post, SECRET, SPACED_BODY, SPACED_SIGNATURE, TASK_CREATED, TASK_CREATED_BODY, TASK_CREATED_SIGNATURE, URL_ } from "./fixtures.js";

const handshakeBody = JSON.stringify({ requestType: "WebHook secret verification" });

describe("the verification handshake", () => {
  it("answers X-Hook-Secret with HMAC-SHA256(secret, the request's value) in hex, and runs no handler", async () => {
    const handler = vi.fn();
    const receive = createWebhookReceiver({ secret: SECRET, handler });
    const response = await receive(post(handshakeBody, { "X-Hook-Secret": HANDSHAKE_VALUE }));
    expect(response.status).toBe(200);
    expect(response.headers.get("x-hook-secret")).toBe(HANDSHAKE_ANSWER);
    expect(handler).not.toHaveBeenCalled();
  });

  it("handshakeRequest + isHandshakeAnswered round-trip, and a wrong secret's answer is refused", async () => {
    const request = handshakeRequest({ url: URL_ });
    expect(request.headers.get("x-hook-secret")).toMatch(/^[0-9a-f]{64}$/);
    const response = await createWebhookReceiver({ secret: SECRET, handler: () => {} })(request.clone());
    expect(await isHandshakeAnswered({ secret: SECRET, request, response })).toBe(true);
    expect(await isHandshakeAnswered({ secret: "another", request, response })).toBe(false);
  });

  it("refuses to sign a value that could be an event body (else a handshake would forge event signatures)", async () => {
    const receive = createWebhookReceiver({ secret: SECRET, handler: () => {} });
    for (const value of [TASK_CREATED_BODY, "[]", "caf\u00e9"]) {
      const response = await receive(post(handshakeBody, { "X-Hook-Secret": value }));
      expect(response.status).toBe(400);
      expect(response.headers.get("x-hook-secret")).toBeNull();
    }
  });

  it("the scheme is one object read everywhere", () => {
    expect(wrikeWebhookScheme).toMatchObject({ header: "X-Hook-Secret", hash: "SHA-256", encoding: "hex", signed: "raw-body" });
  });
});

describe("event signatures", () => {
  it("accepts the independently computed signature and hands the decoded event over", async () => {
    const handler = vi.fn();
    const response = await createWebhookReceiver({ secret: SECRET, handler })(post(TASK_CREATED_BODY, { "X-Hook-Secret": TASK_CREATED_SIGNATURE }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: 1, handled: 1, duplicates: 0 });
    expect(handler).toHaveBeenCalledTimes(1);
    expect(handler.mock.calls[0]![0]).toEqual(TASK_CREATED);
  });

  it("verifies the raw bytes, not a re-serialisation (spacing, newline, UTF-8 kept)", async () => {
    const handler = vi.fn();
    const response = await createWebhookReceiver({ secret: SECRET, handler })(post(new TextEncoder().encode(SPACED_BODY), { "X-Hook-Secret": SPACED_SIGNATURE }));
    expect(response.status).toBe(200);
    expect(handler.mock.calls[0]![0]).toMatchObject({ eventType: "TaskTitleChanged", title: "Caf\u00e9 \u2615" });
  });

  it("signWebhookRequest produces exactly the independently computed signature", async () => {
    const request = await signWebhookRequest({ secret: SECRET, events: [TASK_CREATED], url: URL_ });
    expect(request.headers.get("x-hook-secret")).toBe(TASK_CREATED_SIGNATURE);
    expect(await request.text()).toBe(TASK_CREATED_BODY);
    const raw = await signWebhookRequest({ secret: SECRET, body: SPACED_BODY, url: URL_ });
    expect(raw.headers.get("x-hook-secret")).toBe(SPACED_SIGNATURE);
  });

  const refused: [string, Request][] = [
    ["a tampered body", post(TASK_CREATED_BODY.replace("TaskCreated", "TaskDeleted"), { "X-Hook-Secret": TASK_CREATED_SIGNATURE })],
    ["one byte of whitespace added", post(`${TASK_CREATED_BODY} `, { "X-Hook-Secret": TASK_CREATED_SIGNATURE })],
    ["a signature made with another secret", post(TASK_CREATED_BODY, { "X-Hook-Secret": "0".repeat(64) })],
    ["a missing header", post(TASK_CREATED_BODY)],
    ["a signature that is not hex", post(TASK_CREATED_BODY, { "X-Hook-Secret": "not-a-mac" })],
    ["a truncated signature", post(TASK_CREATED_BODY, { "X-Hook-Secret": TASK_CREATED_SIGNATURE.slice(0, 62) })],
  ];
  for (const [what, request] of refused) {
    it(`refuses ${what} with 401 and runs no handler`, async () => {
      const handler = vi.fn();
      const response = await createWebhookReceiver({ secret: SECRET, handler })(request);
      expect(response.status).toBe(401);
      expect(handler).not.toHaveBeenCalled();
    });
  }

  it("refuses a signature made with another secret (signed by the test helper)", async () => {
    const handler = vi.fn();
    const request = await signWebhookRequest({ secret: "not-the-secret", events: [TASK_CREATED], url: URL_ });
    expect((await createWebhookReceiver({ secret: SECRET, handler })(request)).status).toBe(401);
    expect(handler).not.toHaveBeenCalled();
  });
});
