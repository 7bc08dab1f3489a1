/** createTestClient: a ready v2 client for in-process tests, and the JSON body a curl user might send refused with what to send. */
import { describe, expect, it, vi } from "vitest";
import { WrikeApiError } from "@wrikekit/client/v2";
import { createEmulator, createTestClient, createV4TestClient } from "../src/index.js";
import { JSON_BODY_REFUSED } from "../src/http/request.js";

describe("createTestClient", () => {
  it("makes more calls than the default limiter allows in a minute without waiting for it", async () => {
    const emulator = createEmulator();
    const waits: number[] = [];
    const wrike = createTestClient(emulator, { hooks: { rateLimitWait: (e) => waits.push(e.waitMs), rateLimited: (e) => waits.push(e.waitMs) } });
    const fetch = vi.spyOn(globalThis, "fetch");
    for (let i = 0; i < 120; i++) await wrike.task.add({ title: `t${i}` });
    expect((await wrike.task.filter({ count: true, title: "t1" })).count).toBeGreaterThan(10);
    expect(waits).toEqual([]);
    expect(fetch).not.toHaveBeenCalled(); // in-process: no socket, no global fetch
    fetch.mockRestore();
  });

  it('signs as the Viewer with { as: "viewer" }', async () => {
    const viewer = createTestClient(createEmulator(), { as: "viewer" });
    const error = await viewer.task.add({ title: "no" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WrikeApiError);
    expect((error as WrikeApiError).errorName).toBe("LIMITATION_ERROR");
  });
});

describe("createV4TestClient", () => {
  it("is the v4 client with the owner's permanent token, in process", async () => {
    const wrike = createV4TestClient(createEmulator({ v4RateLimit: false }));
    const { data: spaces } = await wrike.spaces.list();
    const created = await wrike.tasks.createInFolder({ folderId: spaces[0]!.id, title: "From the test client" });
    expect(created.data[0]!.title).toBe("From the test client");
  });
});

describe("a JSON body", () => {
  it("is refused with a message that says how to send arguments, instead of a missing-argument error", async () => {
    const emulator = createEmulator();
    const response = await emulator.handle(
      new Request("http://localhost/api/json/v2/wrike.task.add", {
        method: "POST",
        headers: { authorization: `Bearer ${emulator.credentials.permanentToken}`, "content-type": "application/json" },
        body: JSON.stringify({ title: "Plan" }),
      }),
    );
    const body = (await response.json()) as { error: { name: string; message: string } };
    expect(body.error).toMatchObject({ name: "APPLICATION_ERROR", message: JSON_BODY_REFUSED });
    expect(body.error.message).toMatch(/form-encoded \(Content-Type: application\/x-www-form-urlencoded/);
  });
});
