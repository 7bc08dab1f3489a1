/**
 * Deleting a folder as the reference says: the folder and its descendant folders and tasks go to the
 * recycle bin "unless they have parents outside of deletion scope"; the recycle bin "can be used in
 * queries to get all folders/tasks in the Recycle Bin".
 */
import { describe, expect, it } from "vitest";
import { newEmulator, spaceId } from "./harness.js";

async function tree() {
  const { owner } = newEmulator();
  const space = await spaceId(owner);
  const folder = async (parent: string, title: string) => (await owner.ok("POST", `/folders/${parent}/folders`, { title }))[0]!.id as string;
  const task = async (parent: string, title: string, parents: string[] = []) => (await owner.ok("POST", `/folders/${parent}/tasks`, { title, ...(parents.length > 0 ? { parents } : {}) }))[0]!.id as string;
  const doomed = await folder(space, "Doomed");
  const elsewhere = await folder(space, "Elsewhere");
  const inner = await folder(doomed, "Inner");
  const sharedChild = await folder(doomed, "Shared child");
  await owner.ok("PUT", `/folders/${sharedChild}`, { addParents: [elsewhere] });
  const ids = {
    space,
    doomed,
    elsewhere,
    inner,
    sharedChild,
    onlyDoomed: await task(doomed, "only in Doomed"),
    inInner: await task(inner, "in Inner"),
    alsoElsewhere: await task(doomed, "also in Elsewhere", [elsewhere]),
    inSharedChild: await task(sharedChild, "in Shared child"),
  };
  const recycleBinId = (await owner.ok("GET", "/account"))[0]!.recycleBinId as string;
  await owner.ok("DELETE", `/folders/${doomed}`);
  return { owner, ids, recycleBinId };
}

describe("v4 folder deletion", () => {
  it("keeps a subfolder with a parent outside the deleted folder where it is, with its tasks, minus the deleted parent", async () => {
    const { owner, ids } = await tree();
    const [child] = await owner.ok("GET", `/folders/${ids.sharedChild}`);
    expect(child).toMatchObject({ scope: "WsFolder", parentIds: [ids.elsewhere] });
    expect((await owner.ok("GET", `/folders/${ids.elsewhere}`))[0]!.childIds).toContain(ids.sharedChild);
    expect((await owner.ok("GET", `/tasks/${ids.inSharedChild}`))[0]).toMatchObject({ scope: "WsTask", parentIds: [ids.sharedChild] });
    expect((await owner.ok("GET", `/tasks/${ids.alsoElsewhere}`))[0]).toMatchObject({ scope: "WsTask", parentIds: [ids.elsewhere] });
  });

  it("moves what only the folder held to the recycle bin", async () => {
    const { owner, ids, recycleBinId } = await tree();
    for (const id of [ids.doomed, ids.inner]) expect((await owner.ok("GET", `/folders/${id}`))[0]!.scope).toBe("RbFolder");
    for (const id of [ids.onlyDoomed, ids.inInner]) expect((await owner.ok("GET", `/tasks/${id}`))[0]).toMatchObject({ scope: "RbTask", parentIds: [recycleBinId] });
  });

  it("lists the deleted tasks from the recycle bin and from a deleted folder, and only live tasks elsewhere", async () => {
    const { owner, ids, recycleBinId } = await tree();
    const titles = async (folderId: string, params = {}) => (await owner.ok("GET", `/folders/${folderId}/tasks`, params)).map((t) => t.title).sort();
    expect(await titles(recycleBinId)).toEqual(expect.arrayContaining(["in Inner", "only in Doomed"]));
    expect(await titles(recycleBinId)).not.toContain("in Shared child");
    expect(await titles(ids.doomed)).toEqual(["in Inner", "only in Doomed"]);
    expect(await titles(ids.doomed, { descendants: false })).toEqual(["only in Doomed"]);
    expect(await titles(ids.space)).toEqual(expect.arrayContaining(["also in Elsewhere", "in Shared child"]));
    expect(await titles(ids.space)).not.toContain("only in Doomed");
    expect((await owner.ok("GET", "/tasks", { title: "only in Doomed" })).length).toBe(0);
  });

  it("restores the folder with what went to the recycle bin with it", async () => {
    const { owner, ids } = await tree();
    await owner.ok("PUT", `/folders/${ids.doomed}`, { restore: true });
    expect((await owner.ok("GET", `/tasks/${ids.inInner}`))[0]).toMatchObject({ scope: "WsTask", parentIds: [ids.inner] });
    expect((await owner.ok("GET", `/folders/${ids.inner}`))[0]!.scope).toBe("WsFolder");
  });
});
