/**
 * Issue 4, against the emulator with faults injected: exact attempt counts, the typed error that
 * surfaces, and no write applied twice.
 */
import { describe, expect, it } from "vitest";
import { WrikeDecodeError, WrikeTransportError } from "@wrikekit/client/v2";
import { faultyWrike, type FaultyWrike } from "./faulty-wrike.js";

/** How many tasks the emulator holds with exactly this title (asked without faults). */
async function tasksTitled(w: FaultyWrike, title: string): Promise<number> {
  const { list } = (await w.client.task.filter({ title })) as { list: { title?: string }[] };
  return list.filter((t) => t.title === title).length;
}

describe("faults on reads", () => {
  it("429 with Retry-After: waits what the server says, then succeeds on the second attempt", async () => {
    const w = faultyWrike();
    w.script({ kind: "status", status: 429, retryAfter: "3" });
    const { value } = await w.settle(w.client.profile.get());
    expect(value).toMatchObject({ uid: w.emulator.credentials.user.uid });
    expect(w.sent).toBe(2);
    expect(w.retries.map((r) => [r.reason, r.delayMs])).toEqual([["rate-limited", 3000]]);
  });

  it("429 without Retry-After, five times: 1 s, 2 s, 4 s, 8 s of back-off, then the 429 surfaces", async () => {
    const w = faultyWrike();
    w.script(...Array.from({ length: 5 }, () => ({ kind: "status" as const, status: 429 as const })));
    const { error } = await w.settle(w.client.folder.tree());
    expect(w.sent).toBe(5);
    expect(w.retries.map((r) => r.delayMs)).toEqual([1000, 2000, 4000, 8000]);
    expect(error).toBeInstanceOf(WrikeTransportError);
    expect(error).toMatchObject({ httpStatus: 429, attempts: 5 });
  });

  it("503 twice, then an answer", async () => {
    const w = faultyWrike();
    w.script({ kind: "status", status: 503 }, { kind: "status", status: 503 });
    expect((await w.settle(w.client.contacts.list())).value).toBeDefined();
    expect(w.sent).toBe(3);
  });

  it("a connection reset and a timeout are retried for reads", async () => {
    const w = faultyWrike({ timeoutMs: 20 });
    w.script({ kind: "reset-after-apply" }, { kind: "hang" });
    expect((await w.settle(w.client.folder.tree())).value).toBeDefined();
    expect(w.retries.map((r) => r.reason)).toEqual(["maybe-applied", "maybe-applied"]);
    expect(w.sent).toBe(3);
  });

  for (const format of ["json", "xml"] as const) {
    it(`truncated and malformed ${format.toUpperCase()} is retried, and surfaces as WrikeDecodeError when it persists`, async () => {
      const w = faultyWrike({ format });
      w.script({ kind: "truncate", keep: 40 }, { kind: "garbage", body: format === "json" ? "{nope" : "<task><id>1</id>" });
      expect((await w.settle(w.client.folder.tree())).value).toBeDefined();
      expect(w.sent).toBe(3);

      w.script(...Array.from({ length: 5 }, () => ({ kind: "truncate" as const, keep: 25 })));
      const { error } = await w.settle(w.client.folder.tree());
      expect(error).toBeInstanceOf(WrikeDecodeError);
      expect(error).toMatchObject({ format, attempts: 5 });
    });
  }
});

describe("faults on writes: never applied twice", () => {
  it("429 is retried: the server refused the write, so it is applied once", async () => {
    const w = faultyWrike();
    w.script({ kind: "status", status: 429, retryAfter: "1" });
    const { value } = await w.settle(w.client.task.add({ title: "once after 429" }));
    expect(value).toMatchObject({ title: "once after 429" });
    expect(w.reached.filter((m) => m === "wrike.task.add")).toHaveLength(1);
    expect(await tasksTitled(w, "once after 429")).toBe(1);
  });

  it("a refused connection is retried: nothing was sent", async () => {
    const w = faultyWrike();
    w.script({ kind: "refused" });
    expect((await w.settle(w.client.task.add({ title: "once after refusal" }))).value).toBeDefined();
    expect(w.sent).toBe(2);
    expect(await tasksTitled(w, "once after refusal")).toBe(1);
  });

  it("a reset after the write reached the server is not retried, and the write stays single", async () => {
    const w = faultyWrike();
    w.script({ kind: "reset-after-apply" });
    const { error } = await w.settle(w.client.task.add({ title: "maybe applied" }));
    expect(error).toBeInstanceOf(WrikeTransportError);
    expect(error).toMatchObject({ reason: "network", attempts: 1 });
    expect(w.sent).toBe(1);
    expect(await tasksTitled(w, "maybe applied")).toBe(1);
  });

  it("503, a timeout and a truncated answer are not retried for a write", async () => {
    const w = faultyWrike({ timeoutMs: 20 });
    w.script({ kind: "status", status: 503 });
    expect((await w.settle(w.client.task.add({ title: "w503" }))).error).toMatchObject({ httpStatus: 503, attempts: 1 });
    w.script({ kind: "hang" });
    expect((await w.settle(w.client.task.add({ title: "wtimeout" }))).error).toMatchObject({ reason: "timeout", attempts: 1 });
    const host = await w.client.task.add({ title: "host" });
    w.script({ kind: "truncate", keep: 30 });
    expect((await w.settle(w.client.comment.add({ taskId: host.id, text: "once" }))).error).toBeInstanceOf(WrikeDecodeError);
    expect(await tasksTitled(w, "w503")).toBe(0);
    expect(await tasksTitled(w, "wtimeout")).toBe(0);
    expect(w.reached.filter((m) => m === "wrike.comment.add")).toHaveLength(1);
  });
});

describe("rate limiting through the transport", () => {
  it("1,000 calls under the default limit: never more than 100 in any 60 s window, done within 1% of the ideal time", async () => {
    const { createManualClock } = await import("@wrikekit/core");
    const { createEmulator } = await import("@wrikekit/emulator");
    const { createWrikeClient } = await import("@wrikekit/client/v2");
    const emulator = createEmulator();
    const clock = createManualClock(0);
    const starts: number[] = [];
    const { consumerKey, consumerSecret, user } = emulator.credentials;
    const client = createWrikeClient({
      baseUrl: "http://localhost",
      auth: { kind: "oauth1", consumerKey, consumerSecret, token: user.token, tokenSecret: user.tokenSecret },
      clock,
      fetch: (input, init) => (starts.push(clock.now()), emulator.handle(new Request(input, init))),
    });
    let finished = 0;
    const calls = Array.from({ length: 1000 }, () => client.profile.get().then(() => finished++));
    while (finished < 1000) {
      await new Promise((r) => setTimeout(r, 0));
      await clock.runNext();
    }
    await Promise.all(calls);
    starts.sort((a, b) => a - b);
    let worst = 0;
    for (let i = 0, j = 0; i < starts.length; i++) {
      while (starts[j]! <= starts[i]! - 60_000) j++;
      worst = Math.max(worst, i - j + 1);
    }
    expect(worst).toBe(100);
    expect(Math.abs(starts.at(-1)! - 540_000)).toBeLessThanOrEqual(5_400);
  });
});
