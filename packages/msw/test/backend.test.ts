/** The generated handlers in front of the emulator: a stateful Wrike behind MSW, errors included. */
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmulator } from "@wrikekit/emulator";
import { createWrikeClient, WrikeApiError } from "@wrikekit/client/v2";
import { xmlSupport } from "@wrikekit/client/xml";
import { createWrikeHandlers, taskAddHandler } from "../src/v2/index.js";

const emulator = createEmulator();
const server = setupServer(...createWrikeHandlers({ backend: (request) => emulator.handle(request) }));
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());

function client(format: "json" | "xml") {
  const { consumerKey, consumerSecret, user } = emulator.credentials;
  return createWrikeClient({ auth: { kind: "oauth1", consumerKey, consumerSecret, token: user.token, tokenSecret: user.tokenSecret }, format, xml: xmlSupport });
}

describe("createWrikeHandlers with the emulator as backend", () => {
  for (const format of ["json", "xml"] as const)
    it(`keeps state across calls and passes API errors through (${format})`, async () => {
      const wrike = client(format);
      const task = await wrike.task.add({ title: `behind msw ${format}` });
      expect((await wrike.task.get({ id: task.id })).title).toBe(`behind msw ${format}`);
      await expect(wrike.folder.get({ id: 0 })).rejects.toMatchObject({ code: 405, errorName: "LIMITATION_ERROR" });
      await expect(wrike.task.get({ id: 999_999 })).rejects.toBeInstanceOf(WrikeApiError);
    });

  it("a per-test override still goes in front of the backend", async () => {
    server.use(taskAddHandler({ title: "from the override" }, { once: true }));
    expect((await client("json").task.add({ title: "ignored" })).title).toBe("from the override");
  });
});
