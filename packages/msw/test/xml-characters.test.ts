/** Text XML 1.0 cannot carry, in a handler's answer: refused by the writer, never sent as a malformed document. */
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { setupServer } from "msw/node";
import { WrikeApiError, type WrikeClient } from "@wrikekit/client/v2";
import { taskGetHandler } from "../src/v2/index.js";
import { clients } from "./spec-examples.js";

const server = setupServer();
let xml: WrikeClient;
let json: WrikeClient;
beforeAll(() => {
  server.listen({ onUnhandledRequest: "error" });
  ({ xml, json } = clients());
});
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const rejection = (promise: Promise<unknown>) => promise.then(() => undefined, (e: unknown) => e);

it.each([
  ["a fixed override", () => taskGetHandler({ title: "a\u0001b" })],
  ["a resolver", () => taskGetHandler(() => ({ title: "a\u0001b" }))],
])("%s with U+0001 answers in JSON, and in XML the 407 envelope naming the element, not a malformed document", async (_, make) => {
  server.use(make());
  expect((await json.task.get({ id: 1 })).title).toBe("a\u0001b");
  const error = await rejection(xml.task.get({ id: 1 }));
  expect(error).toBeInstanceOf(WrikeApiError);
  expect(error).toMatchObject({ code: 407, errorName: "APPLICATION_ERROR", httpStatus: 500 });
  expect((error as WrikeApiError).serverMessage).toMatch(/^The answer cannot be written in XML: <title> holds U\+0001 at index 1/);
});

it("an echoed asyncKey with U+0002 in XML: the 407 envelope naming <asyncKey>", async () => {
  server.use(taskGetHandler());
  const error = await rejection(xml.task.get({ id: 1, asyncKey: "k\u0002" }));
  expect((error as WrikeApiError).serverMessage).toMatch(/<asyncKey> holds U\+0002 at index 1/);
});
