/**
 * The app's mock layer in Node (msw/node): generated handlers backed by the emulator through the
 * signing proxy. The browser test (test/browser.mjs) drives the same layer in Chromium.
 */
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWrikeClient, TaskStatus } from "@wrikekit/client/v2";
import { createMockWrike, DEMO_SESSION_TOKEN } from "../src/mocks.js";

const baseUrl = "http://127.0.0.1:4173";
const mock = createMockWrike({ baseUrl });
const server = setupServer(...mock.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());

describe("mock Wrike (generated MSW handlers backed by the emulator)", () => {
  // Created per test, after server.listen(): the transport takes globalThis.fetch when it is created.
  const newClient = () => createWrikeClient({ baseUrl, auth: { kind: "bearer", token: DEMO_SESSION_TOKEN } });

  it("creates, lists and completes a task", async () => {
    const client = newClient();
    const task = await client.task.add({ title: "Through MSW" });
    const active = await client.task.filter({ statuses: [TaskStatus.active] });
    expect("list" in active && active.list.map((t) => t.title)).toContain("Through MSW");
    await client.task.update({ id: task.id, title: task.title!, status: TaskStatus.completed });
    const completed = await client.task.filter({ statuses: [TaskStatus.completed] });
    expect("list" in completed && completed.list.map((t) => t.title)).toContain("Through MSW");
    const stillActive = await client.task.filter({ statuses: [TaskStatus.active] });
    expect("list" in stillActive && stillActive.list.map((t) => t.title)).not.toContain("Through MSW");
  });

  it("answers in XML too (the handler renders the emulator's answer)", async () => {
    const { xmlSupport } = await import("@wrikekit/core/xml");
    const xmlClient = createWrikeClient({ baseUrl, format: "xml", xml: xmlSupport, auth: { kind: "bearer", token: DEMO_SESSION_TOKEN } });
    const task = await xmlClient.task.add({ title: "In XML" });
    expect(task.title).toBe("In XML");
  });

  it("passes the emulator's API errors through to the client", async () => {
    await expect(newClient().folder.get({ id: 0 })).rejects.toMatchObject({ code: 405, errorName: "LIMITATION_ERROR" });
  });

  it("refuses a browser without the session token", async () => {
    const stranger = createWrikeClient({ baseUrl, auth: { kind: "bearer", token: "nope" } });
    await expect(stranger.task.filter()).rejects.toMatchObject({ code: 402, errorName: "CREDENTIALS_ERROR", httpStatus: 401 });
  });
});
