/**
 * `instanceof` across two copies of @wrikekit/core: an app that loads the ESM build (`import`) and the CJS
 * build (`require`, from a dependency) has two of each error class. An error made by one copy must still be
 * `instanceof` the other copy's class, and of no unrelated class.
 */
import { createRequire } from "node:module";
import { existsSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import * as here from "../src/index.js";

async function anotherCopy(): Promise<typeof here> {
  vi.resetModules();
  const copy = (await import("../src/index.js")) as typeof here;
  expect(copy.WrikeApiError).not.toBe(here.WrikeApiError);
  return copy;
}

const apiError = (lib: typeof here) => new lib.WrikeApiError({ code: 404, errorName: "resource_not_found", serverMessage: "no such task", method: "GET /tasks/{taskIds}", httpStatus: 404 });

describe("error classes across two copies of the package", () => {
  it("an error of one copy is instanceof the same class of the other, and of its base classes", async () => {
    const other = await anotherCopy();
    const error = apiError(other);
    expect(error).toBeInstanceOf(here.WrikeApiError);
    expect(error).toBeInstanceOf(here.WrikeError);
    expect(error).toBeInstanceOf(Error);
    expect(error instanceof here.WrikeTransportError).toBe(false);
    expect(error instanceof here.WrikeValidationError).toBe(false);
    const auth = new other.WrikeAuthError({ message: "refused", error: "invalid_grant" });
    expect(auth instanceof here.WrikeAuthError && auth instanceof here.WrikeError).toBe(true);
    expect(auth instanceof here.WrikeApiError).toBe(false);
  });

  it("a base class of one copy is not taken for a subclass of the other", async () => {
    const other = await anotherCopy();
    expect(new other.WrikeError({ message: "x" }) instanceof here.WrikeApiError).toBe(false);
    expect(new here.WrikeError({ message: "x" }) instanceof other.WrikeError).toBe(true);
  });

  it("an application's own subclass matches by identity only", async () => {
    const other = await anotherCopy();
    class NotFound extends here.WrikeApiError {}
    expect(new NotFound({ code: 404, errorName: "x", serverMessage: "", method: "m", httpStatus: 404 })).toBeInstanceOf(here.WrikeApiError);
    expect(apiError(here) instanceof NotFound).toBe(false);
    expect(apiError(other) instanceof NotFound).toBe(false);
  });

  it("values that are not errors: false, never a throw", () => {
    for (const value of [null, undefined, 0, "WrikeError", {}, Object.create(null), { constructor: 1 }, new Error("plain"), here.WrikeError])
      expect(value instanceof here.WrikeError).toBe(false);
  });

  // The published builds themselves, when built (pnpm test builds before it tests).
  const cjsEntry = new URL("../dist/cjs/index.js", import.meta.url);
  it.runIf(existsSync(cjsEntry))("the CJS build's errors are instanceof the ESM build's classes, and the other way round", async () => {
    const cjs = createRequire(import.meta.url)(cjsEntry.pathname) as typeof here;
    const esm = (await import(new URL("../dist/index.js", import.meta.url).href)) as typeof here;
    expect(cjs.WrikeApiError).not.toBe(esm.WrikeApiError);
    expect(apiError(cjs)).toBeInstanceOf(esm.WrikeApiError);
    expect(apiError(esm)).toBeInstanceOf(cjs.WrikeError);
    expect(new cjs.WrikeTransportError({ message: "m", method: "m", reason: "timeout" }) instanceof esm.WrikeApiError).toBe(false);
  });
});
