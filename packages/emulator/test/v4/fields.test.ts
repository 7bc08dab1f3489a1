/**
 * Every stateful read asked for every optional field its `fields` argument takes answers a document the
 * v4 client's decoder accepts: the emulator's values have the types the spec gives them, which are Wrike's
 * (counts are numbers, metadata and custom fields lists, as the reference's Folder model has them).
 */
import { describe, expect, it } from "vitest";
import * as client from "@wrikekit/client";
import { wrikeV4Enums, wrikeV4Operations } from "@wrikekit/client/server/v4";
import { newContext } from "@wrikekit/core/runtime/decode";
import { statefulOperations } from "../../src/v4/engine/methods.js";
import { newEmulator } from "./harness.js";

interface Descriptor {
  id: string;
  decodeResult?: (document: unknown, ctx: ReturnType<typeof newContext>) => unknown;
}
const isDescriptor = (v: unknown): v is Descriptor => typeof v === "object" && v !== null && "encodeArgs" in v && "id" in v;
const descriptors = new Map((Object.values(client) as unknown[]).filter(isDescriptor).map((d) => [d.id, d]));

const selectingReads = Object.values(wrikeV4Operations).flatMap((op) => {
  const fields = Object.values(op.args).find((a) => a.selects !== undefined);
  return op.kind === "read" && op.id in statefulOperations && fields !== undefined ? [{ op, values: fields.values ?? wrikeV4Enums[fields.type.name]! }] : [];
});

/** One emulator, and an id of the seeded world for each path placeholder the reads use. */
async function world() {
  const { owner } = newEmulator();
  const first = async (path: string) => (await owner.ok("GET", path))[0]!.id as string;
  const space = await first("/spaces");
  const [task] = await owner.ok("GET", "/tasks");
  const [group] = await owner.ok("POST", "/groups", { title: "Fields" });
  const folderId = (await owner.ok("GET", `/tasks/${task!.id}`))[0]!.parentIds[0] as string;
  const contactId = (await owner.ok("GET", "/contacts", { me: true }))[0]!.id as string;
  const ids: Record<string, string> = {
    spaceId: space,
    folderIds: space,
    taskId: task!.id,
    taskIds: task!.id,
    commentIds: await first("/comments"),
    folderId,
    contactId,
    contactIds: contactId,
    customfieldIds: await first("/customfields"),
    groupId: group!.id,
    timelogCategoryId: await first("/timelog_categories"),
    timelogIds: await first("/timelogs"),
  };
  return { owner, ids };
}

describe("fields asked of the stateful reads", () => {
  it.each(selectingReads.map(({ op, values }) => [op.id, op.path, values] as const))("%s with every field it takes decodes", async (id, path, values) => {
    const { owner, ids } = await world();
    const url = path.replace(/\{(\w+)\}/g, (_, name: string) => ids[name] ?? `<no seeded id for ${name}>`);
    const answer = await owner.call("GET", url, { fields: values });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const ctx = newContext(false);
    descriptors.get(id)!.decodeResult!(answer.body, ctx);
    expect(ctx.issues).toEqual([]);
  });
});

describe("a folder's counts", () => {
  it("attachmentCount is a number in the folder and in a filtered folder list, as the reference's Folder model has it; the tree has none", async () => {
    const { owner, ids } = await world();
    await owner.ok("POST", `/folders/${ids.folderId}/attachments`, {}, { body: new TextEncoder().encode("x"), headers: { "x-file-name": "a.txt" } });
    const [folder] = await owner.ok("GET", `/folders/${ids.folderId}`, { fields: ["attachmentCount"] });
    expect(folder!.attachmentCount).toBe(1);
    // `fields` is "for filtered requests only (Folder Model)" (the 2020 reference): a filter makes the list answer folders.
    const listed = (await owner.ok("GET", "/folders", { title: folder!.title, fields: ["attachmentCount", "hasAttachments"] })).find((f) => f.id === ids.folderId);
    expect(listed).toMatchObject({ attachmentCount: 1, hasAttachments: true });
    const entry = (await owner.ok("GET", "/folders", { fields: ["attachmentCount", "hasAttachments"] })).find((f) => f.id === ids.folderId);
    expect(entry).toBeDefined();
    expect(entry).not.toHaveProperty("attachmentCount");
  });
});
