/**
 * The folder lists' handlers answer the shape Wrike's rule gives the arguments: the folder tree by default
 * (and with `deleted`, which does not change it), folders once a filter or paging argument is given, with
 * the fields `fields` asks for; and the client decodes each as what it is.
 */
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createWrikeClient } from "@wrikekit/client";
import { createWrikeHandlers, foldersListHandler, foldersListInSpaceHandler } from "../../src/index.js";

const server = setupServer(...createWrikeHandlers());
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const wrike = createWrikeClient({ auth: { kind: "bearer", token: "tok" }, rateLimit: false, retry: false });
const raw = async (path: string) => (await fetch(`https://www.wrike.com/api/v4${path}`, { headers: { authorization: "Bearer tok" } })).json() as Promise<{ kind: string; data: Record<string, unknown>[]; nextPageToken?: string }>;
const q = (params: Record<string, unknown>) => `?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]))}`;

describe("folder list handlers", () => {
  it.each([
    ["no arguments", "/folders", {}],
    ["deleted only", "/folders", { deleted: true }],
    ["fields alone (no filter)", "/folders", { fields: ["description"] }],
    ["a space's tree", "/spaces/IEAGKVLFI4AAAAAB/folders", {}],
    ["a folder's tree", "/folders/IEAGKVLFI4AAAAAB/folders", {}],
  ])("answer the tree to %s, with no next page and no Folder fields", async (_, path, params) => {
    const body = await raw(`${path}${Object.keys(params).length > 0 ? q(params) : ""}`);
    expect(body.kind).toBe("folderTree");
    expect(body.nextPageToken).toBeUndefined();
    for (const item of body.data) expect(Object.keys(item).filter((k) => !["id", "title", "color", "childIds", "scope", "project", "space", "customItemTypeId"].includes(k))).toEqual([]);
  });

  it.each([
    ["a title filter", "/folders", { title: "Launch" }],
    ["descendants=false", "/folders", { descendants: false }],
    ["pageSize", "/spaces/IEAGKVLFI4AAAAAB/folders", { pageSize: 10 }],
    ["a page token", "/folders/IEAGKVLFI4AAAAAB/folders", { nextPageToken: "T" }],
  ])("answer folders to %s", async (_, path, params) => {
    const body = await raw(`${path}${q(params)}`);
    expect(body.kind).toBe("folders");
    expect(body.data[0]).toMatchObject({ id: expect.any(String), accountId: expect.any(String) });
  });

  it("put the fields asked for in folders only, and the client decodes both shapes", async () => {
    const filtered = await wrike.folders.list({ project: true, fields: ["briefDescription"] });
    expect(filtered.kind).toBe("folders");
    expect(filtered.data[0]!.briefDescription).toEqual(expect.any(String));
    expect((await wrike.folders.list({ project: true })).data[0]).not.toHaveProperty("briefDescription");
    const tree = await wrike.folders.list();
    expect(tree.kind).toBe("folderTree");
    expect(tree.data.map((e) => e.title)).toContain("Root");
  });

  it("merge an override over the answer the arguments get", async () => {
    server.use(foldersListHandler({ data: [{ title: "Renamed" }] }), foldersListInSpaceHandler(({ args }) => ({ data: [{ title: args.title ?? "none" }] })));
    const folders = await wrike.folders.list({ title: "x" });
    expect([folders.kind, folders.data[0]!.title, folders.data[0]!.accountId]).toEqual(["folders", "Renamed", expect.any(String)]);
    expect((await wrike.folders.list()).kind).toBe("folderTree");
    const inSpace = await wrike.folders.listInSpace({ spaceId: "S", title: "Q" });
    expect([inSpace.kind, inSpace.data[0]!.title]).toEqual(["folders", "Q"]);
  });
});
