/**
 * The folder lists answer as Wrike's reference says: the folder tree (kind folderTree, tree entries) by
 * default and with `deleted` (which "does not affect method's mode"), folders (kind folders, Folder items)
 * once a filter or paging argument is given; `fields` adds Folder fields to the folders answer only.
 */
import { describe, expect, it } from "vitest";
import { newEmulator, spaceId } from "./harness.js";

const TREE_ENTRY_FIELDS = new Set(["id", "title", "color", "childIds", "scope", "project", "space", "customItemTypeId"]);

async function setUp() {
  const { owner } = newEmulator();
  const space = await spaceId(owner);
  const [project] = await owner.ok("POST", `/folders/${space}/folders`, { title: "Zephyr launch", description: "<p>plan</p>", project: { status: "Green" } });
  await owner.ok("POST", `/folders/${project!.id}/folders`, { title: "Sub" });
  return { owner, space, project: project! };
}

describe("GET /folders, /folders/{folderId}/folders, /spaces/{spaceId}/folders", () => {
  it("answer the tree without arguments, and with deleted only", async () => {
    const { owner, space, project } = await setUp();
    for (const [path, params] of [["/folders", {}], ["/folders", { deleted: false }], [`/folders/${project.id}/folders`, {}], [`/spaces/${space}/folders`, { deleted: false }]] as const) {
      const answer = await owner.call("GET", path, params);
      expect([answer.status, answer.body.kind], path).toEqual([200, "folderTree"]);
      for (const item of answer.body.data!) for (const key of Object.keys(item)) expect(TREE_ENTRY_FIELDS.has(key), `${path}: ${key}`).toBe(true);
      expect(answer.body.nextPageToken).toBeUndefined();
    }
  });

  it("answer folders once a filter is given, whichever filter", async () => {
    const { owner, space, project } = await setUp();
    for (const [path, params] of [["/folders", { title: "Zephyr launch" }], ["/folders", { project: true }], ["/folders", { descendants: false }], [`/folders/${project.id}/folders`, { title: "Sub" }], [`/spaces/${space}/folders`, { metadata: { key: "k" } }]] as const) {
      const answer = await owner.call("GET", path, params);
      expect([answer.status, answer.body.kind], `${path} ${JSON.stringify(params)}`).toEqual([200, "folders"]);
      for (const item of answer.body.data!) expect(item, path).toMatchObject({ accountId: expect.any(String), createdDate: expect.any(String), parentIds: expect.any(Array) });
    }
    const [launch] = (await owner.call("GET", "/folders", { title: "Zephyr launch" })).body.data!;
    expect(launch).toMatchObject({ id: project.id, title: "Zephyr launch", project: { status: "Green" } });
  });

  it("answer folders, page by page, to pageSize and to the page token", async () => {
    const { owner, space } = await setUp();
    const first = await owner.call("GET", `/spaces/${space}/folders`, { pageSize: 1 });
    expect([first.body.kind, first.body.data!.length, typeof first.body.nextPageToken]).toEqual(["folders", 1, "string"]);
    const next = await owner.call("GET", `/spaces/${space}/folders`, { nextPageToken: first.body.nextPageToken });
    expect([next.status, next.body.kind]).toEqual([200, "folders"]);
    expect(next.body.data![0]!.id).not.toBe(first.body.data![0]!.id);
  });

  it("add the fields asked for to folders, never to the tree", async () => {
    const { owner } = await setUp();
    const folders = await owner.call("GET", "/folders", { title: "Zephyr launch", fields: ["briefDescription", "attachmentCount"] });
    expect(folders.body.data![0]).toMatchObject({ briefDescription: "plan", attachmentCount: 0 });
    const tree = await owner.call("GET", "/folders", { fields: ["briefDescription", "description"] });
    expect(tree.body.kind).toBe("folderTree");
    for (const item of tree.body.data!) expect(Object.keys(item).filter((k) => !TREE_ENTRY_FIELDS.has(k))).toEqual([]);
  });
});
