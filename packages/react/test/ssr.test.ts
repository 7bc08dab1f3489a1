// @vitest-environment node
/**
 * Server-side rendering: the package imports in plain Node, where there is no window or document,
 * from its built ESM and CJS entries, and a component using a hook renders to a string.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { createWrikeClient } from "@wrikekit/client/v2";
import { WrikeProvider, useTaskFilter } from "../src/v2/index.js";

const packageDir = join(import.meta.dirname, "..");

describe("server-side rendering", () => {
  it("runs in a test environment without DOM globals", () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe("undefined");
    expect(typeof (globalThis as { document?: unknown }).document).toBe("undefined");
  });

  it("imports the built package in plain Node, ESM and CJS, touching no browser global", () => {
    const script = `
      if (typeof window !== "undefined" || typeof document !== "undefined") throw new Error("expected plain Node");
      const esm = await import("@wrikekit/react");
      const esmV2 = await import("@wrikekit/react/v2");
      const { createRequire } = await import("node:module");
      const require = createRequire(process.cwd() + "/");
      const cjs = require("@wrikekit/react");
      const cjsV2 = require("@wrikekit/react/v2");
      console.log(JSON.stringify([
        typeof esm.useTasksListInfinite, typeof esm.WrikeProvider, typeof cjs.useTasksCreateInFolder, typeof cjs.tasksKeys.list,
        typeof esmV2.useTaskFilter, typeof cjsV2.taskKeys.filter,
      ]));
    `;
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], { cwd: packageDir, encoding: "utf8" });
    expect(JSON.parse(out)).toEqual(["function", "function", "function", "function", "function", "function"]);
  }, 30_000); // a child Node process: past 5 s when the full suite loads the 2 cores

  it("has no browser global in its own code", () => {
    for (const file of ["index", "entry", "provider", "client-cache", "runtime", "v2/index", "v2/generated/hooks", "v4/index", "v4/generated/hooks"]) {
      const text = readFileSync(join(packageDir, "src", `${file}.ts`), "utf8");
      expect(text, file).not.toMatch(/\b(window|document|localStorage|sessionStorage)\s*[.[]/);
    }
  });

  it("renders a component that uses a hook to a string (pending on the server)", () => {
    const client = createWrikeClient({ auth: { kind: "bearer", token: "t" }, fetch: (() => new Promise(() => {})) as typeof fetch });
    function Tasks() {
      const tasks = useTaskFilter();
      return createElement("p", null, tasks.isPending ? "loading tasks" : "loaded");
    }
    const html = renderToString(createElement(WrikeProvider, { client, queryClient: new QueryClient() }, createElement(Tasks)));
    expect(html).toBe("<p>loading tasks</p>");
  });
});
