/**
 * A retry resends the request body. Bytes and Blobs can be sent again; a stream (web or Node) is read as
 * it is sent and cannot, so an upload from a stream is attempted once and its failure is reported as it
 * came, never as a confusing second failure of a consumed body.
 */
import { describe, expect, it } from "vitest";
import { Readable } from "node:stream";
import { createWrikeClient } from "../../src/index.js";

function flakyServer() {
  const bodies: number[][] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    bodies.push([...new Uint8Array(await request.arrayBuffer())]);
    if (bodies.length === 1) return new Response(JSON.stringify({ errorDescription: "busy", error: "rate_limit_exceeded" }), { status: 429, headers: { "content-type": "application/json", "retry-after": "0" } });
    return new Response(JSON.stringify({ kind: "attachments", data: [{ id: "A1" }] }), { headers: { "content-type": "application/json" } });
  };
  return { fetch, bodies };
}

const client = (fetch: typeof globalThis.fetch) =>
  createWrikeClient({ auth: { kind: "bearer", token: "tok" }, fetch, rateLimit: false, retry: { initialDelayMs: 1, maxDelayMs: 1, jitter: 0 } });

describe("uploads and retries", () => {
  it("bytes and Blobs are sent again, whole, after a 429", async () => {
    for (const file of [new Uint8Array([1, 2, 3]), new Blob([new Uint8Array([1, 2, 3])])]) {
      const server = flakyServer();
      const answer = await client(server.fetch).attachments.createInTask({ taskId: "T1", file, fileName: "a.bin" });
      expect(answer.data[0]!.id).toBe("A1");
      expect(server.bodies).toEqual([[1, 2, 3], [1, 2, 3]]);
    }
  });

  it("a stream is attempted once: the 429 comes back as it was, and no empty body is sent after it", async () => {
    for (const file of [new Blob([new Uint8Array([1, 2, 3])]).stream(), Readable.from([Buffer.from([1]), Buffer.from([2, 3])])]) {
      const server = flakyServer();
      const failure = await client(server.fetch).attachments.createInTask({ taskId: "T1", file, fileName: "a.bin" }).catch((e: unknown) => e);
      expect(failure).toMatchObject({ name: "WrikeTransportError", httpStatus: 429, attempts: 1 });
      expect(server.bodies).toEqual([[1, 2, 3]]);
    }
  });
});
