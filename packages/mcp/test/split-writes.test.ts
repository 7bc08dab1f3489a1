/**
 * A write tool over more ids than one request takes (tasks_update_many with 250 ids): its chunks go one
 * after another, so a failure leaves the later ones unsent (side by side, all would have been sent).
 */
import { createTransport } from "@wrikekit/core";
import { wrikeV4Api } from "@wrikekit/client";
import { describe, expect, it } from "vitest";
import { DEFAULT_BUDGET, toolTable } from "../src/index.js";
import { invokeTool } from "../src/invoke.js";

describe("split writes", () => {
  it("tasks_update_many with 250 ids: chunks in order; the second failing, the third is never sent", async () => {
    const sent: string[] = [];
    let open = 0;
    let mostOpen = 0;
    const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const first = decodeURIComponent(new URL(String(input)).pathname.split("/").pop()!).split(",")[0]!;
      sent.push(`${init?.method} ${first}`);
      mostOpen = Math.max(mostOpen, ++open);
      await new Promise((resolve) => setTimeout(resolve, 10));
      open--;
      if (first === "T100") return new Response(JSON.stringify({ error: "invalid_parameter", errorDescription: "bad title" }), { status: 400, headers: { "content-type": "application/json" } });
      return new Response(JSON.stringify({ kind: "tasks", data: [] }), { headers: { "content-type": "application/json" } });
    };
    const transport = createTransport(wrikeV4Api, { auth: { kind: "bearer", token: "tok" }, fetch });
    const tool = toolTable.tools.find((t) => t.name === "tasks_update_many")!;
    const taskIds = Array.from({ length: 250 }, (_, i) => `T${i}`);
    const result = await invokeTool(tool, { taskIds, customStatus: "IEAGKVLFJMAAAAAA" }, { transport, budget: DEFAULT_BUDGET, secrets: () => [] });
    expect(sent).toEqual(["PUT T0", "PUT T100"]);
    expect(mostOpen).toBe(1);
    expect(result.isError).toBe(true);
    expect(JSON.stringify(result.content)).toContain("HTTP 400 invalid_parameter");
  });
});
