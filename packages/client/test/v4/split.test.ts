/**
 * Id lists longer than one request takes (v4: 100 ids in a path), against a real node:http server: the
 * chunks of a read run a few at a time, are merged in the order of the ids, and one chunk's failure fails
 * the whole call, with nothing left running and no later chunk sent.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { beforeEach, describe, expect, it } from "vitest";
import { useStubServer } from "./stub-server.js";
import { createWrikeClient, WrikeApiError, WrikeTransportError } from "../../src/index.js";

/** Answers one chunk's request: the ids it asked for, or undefined to answer the default way. */
let answer: (ids: string[], res: ServerResponse) => void;
/** The first id of every chunk asked for, in the order they arrived. */
let asked: string[];
/** Chunks whose connection closed before they were answered (cancelled by the client). */
let cancelled: string[];
let inFlight = 0;
let mostInFlight = 0;

const idsOf = (req: IncomingMessage) => decodeURIComponent(new URL(req.url!, "http://x").pathname.split("/").pop()!).split(",");
const tasks = (res: ServerResponse, ids: string[]) => {
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify({ kind: "tasks", data: ids.map((id) => ({ id, accountId: "A", title: id })) }));
};
/** Answers after `ms`, unless the client hangs up first. */
const later = (ms: number, res: ServerResponse, send: () => void) => {
  const timer = setTimeout(send, ms);
  res.on("close", () => clearTimeout(timer));
};

let baseUrl = "";
useStubServer(
  (req, res) => {
    const ids = idsOf(req);
    asked.push(ids[0]!);
    mostInFlight = Math.max(mostInFlight, ++inFlight);
    res.on("close", () => {
      inFlight--;
      if (!res.writableFinished) cancelled.push(ids[0]!);
    });
    answer(ids, res);
  },
  (url) => (baseUrl = url),
);
beforeEach(() => {
  asked = [];
  cancelled = [];
  mostInFlight = 0;
  answer = (ids, res) => later(20, res, () => tasks(res, ids));
});

const wrike = () => createWrikeClient({ baseUrl, auth: { kind: "bearer", token: "tok" }, rateLimit: false, retry: false });
const ids = (n: number) => Array.from({ length: n }, (_, i) => `I${i}`);
/** Lets the server see the closes the client caused. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe("split reads", () => {
  it("1,000 ids: ten requests, at most four at a time, merged in the order of the ids, duplicates kept", async () => {
    const list = [...ids(999), "I0"];
    const answer = await wrike().tasks.get({ taskIds: list });
    expect(answer.data.map((t) => t.id)).toEqual(list);
    expect(asked).toHaveLength(10);
    expect(mostInFlight).toBeLessThanOrEqual(4);
    expect(mostInFlight).toBeGreaterThan(1);
  });

  it("one chunk failing fails the call with its typed error; the chunks in flight are cancelled and the rest never sent", async () => {
    answer = (chunk, res) => {
      if (chunk[0] === "I100") {
        res.writeHead(404, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: "resource_not_found", errorDescription: "no such task" }));
      } else later(chunk[0] === "I0" ? 5_000 : 20, res, () => tasks(res, chunk));
    };
    const error = await wrike().tasks.get({ taskIds: ids(1000) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WrikeApiError);
    expect(error).toMatchObject({ httpStatus: 404, errorName: "resource_not_found" });
    await settle();
    // The slow first chunk was hung up on, not waited for; no chunk started after the failure.
    expect(cancelled).toContain("I0");
    expect(asked.length).toBeLessThan(10);
    expect(inFlight).toBe(0);
  });

  it("the caller's abort ends every chunk in flight: an aborted WrikeTransportError, nothing left running", async () => {
    answer = (chunk, res) => later(5_000, res, () => tasks(res, chunk));
    const controller = new AbortController();
    const call = wrike().tasks.get({ taskIds: ids(1000) }, { signal: controller.signal });
    await settle();
    controller.abort();
    const error = await call.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WrikeTransportError);
    expect(error).toMatchObject({ reason: "aborted" });
    await settle();
    expect(asked.length).toBeLessThanOrEqual(4);
    expect(inFlight).toBe(0);
  });
});
