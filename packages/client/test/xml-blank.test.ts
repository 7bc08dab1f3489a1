/**
 * XML whitespace: an indented empty element in a list or object position is empty ([] / no fields), while
 * whitespace in a string field is the field's value, kept exactly (the v2 client, XML format).
 */
import { describe, expect, it } from "vitest";
import { xmlSupport } from "../src/xml.js";
import { createWrikeClient } from "../src/v2/index.js";

function clientAnswering(body: string) {
  const fetch = async () => new Response(body, { headers: { "content-type": "application/xml" } });
  return createWrikeClient({ auth: { kind: "bearer", token: "t" }, format: "xml", xml: xmlSupport, fetch: fetch as typeof globalThis.fetch, retry: { maxAttempts: 1 } });
}

describe("whitespace-only XML elements", () => {
  it("an indented empty list decodes as []", async () => {
    const body = "<task>\n  <id>7</id>\n  <title>Plan</title>\n  <parents>\n    </parents>\n  <responsibleUsers>\t\r\n</responsibleUsers>\n</task>";
    const task = await clientAnswering(body).task.get({ id: 7 });
    expect(task.parents).toEqual([]);
    expect(task.responsibleUsers).toEqual([]);
    expect(task.title).toBe("Plan");
  });

  it("an indented empty list of models (the folder tree's root list) decodes as []", async () => {
    expect(await clientAnswering("<foldersTree>\n  <folders>\n    \n  </folders>\n</foldersTree>").folder.tree({})).toEqual({ folders: [] });
  });

  it("a whitespace-only string field keeps its whitespace", async () => {
    const body = "<task><id>7</id><title>\n  </title><description>   </description><parents>\n</parents></task>";
    const task = await clientAnswering(body).task.get({ id: 7 });
    expect(task.title).toBe("\n  ");
    expect(task.description).toBe("   ");
    expect(task.parents).toEqual([]);
  });
});
