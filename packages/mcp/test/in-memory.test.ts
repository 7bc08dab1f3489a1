import { afterEach, describe, expect, it } from "vitest";
import { connectInMemory } from "./helpers.js";

let close: (() => Promise<void>) | undefined;
afterEach(async () => { await close?.(); close = undefined; });

async function setup(options: Parameters<typeof connectInMemory>[0] = {}) {
  const connected = await connectInMemory(options);
  close = connected.close;
  return connected;
}

describe("tool sets", () => {
  it("lists the default set without delete tools unless allowed", async () => {
    const { client } = await setup();
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(["create_task", "get_task", "list_tasks"]);
  });
});

describe("calls", () => {
  it("calls a list tool and returns structured content", async () => {
    const { client } = await setup({ taskCount: 3 });
    const result = await client.callTool({ name: "list_tasks", arguments: {} });
    console.log(JSON.stringify(result));
    expect(result.isError).toBeFalsy();
  });
});
