/**
 * The folder lists answer the folder tree (kind folderTree) unless a filter or paging argument is given,
 * when they answer folders (kind folders, Folder items): decoded by the kind the server sends, typed by
 * the arguments where the reference's rule says which answer they get.
 */
import { describe, expect, expectTypeOf, it } from "vitest";
import { createWrikeClient, foldersList, WrikeValidationError, type Folder, type FoldersListArgs, type FoldersListFolders, type FoldersListFolderTree, type FoldersListInFolderFolderTree, type FolderTreeEntry } from "../../src/index.js";
import { envelope, recordingFetch } from "./spec.js";

const TREE = [{ id: "IEAGKVLFI7777777", title: "Root", childIds: ["IEAGKVLFI4AAAAAB"], scope: "WsRoot" }];
const FOLDERS = [{ id: "IEAGKVLFI4AAAAAB", accountId: "IEAGKVLF", title: "Launch", createdDate: "2026-11-01T08:00:00Z", description: "<p>plan</p>", sharedIds: ["KUAAAAAA"], parentIds: ["IEAGKVLFI7777777"], childIds: [], scope: "WsFolder" }];

/** A client whose server answers whatever kind `answer` says, recording the requests. */
function clientAnswering(answer: (query: URLSearchParams) => Response) {
  const stub = recordingFetch((request) => answer(new URL(request.url).searchParams));
  return { wrike: createWrikeClient({ auth: { kind: "bearer", token: "tok" }, fetch: stub.fetch, rateLimit: false, retry: false }), stub };
}

describe("folder lists: tree or folders, by the kind answered", () => {
  it("decodes a folderTree answer as tree entries and a folders answer as folders", async () => {
    const { wrike } = clientAnswering((q) => (q.has("title") ? envelope(FOLDERS, {}, "folders") : envelope(TREE, {}, "folderTree")));
    const tree = await wrike.folders.list();
    expect(tree).toEqual({ kind: "folderTree", data: TREE });
    const folders = await wrike.folders.list({ title: "Launch", fields: ["description"] });
    expect(folders.kind).toBe("folders");
    expect(folders.data[0]!.createdDate).toBe("2026-11-01T08:00:00Z");
    expect(folders.data[0]!.description).toBe("<p>plan</p>");
  });

  it("checks each item against the model of the kind answered: a folders item with a wrong accountId is refused", async () => {
    const { wrike } = clientAnswering(() => envelope([{ ...FOLDERS[0], accountId: 7 }], {}, "folders"));
    const error = await wrike.folders.list({ title: "Launch" }).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(WrikeValidationError);
    expect(String((error as Error).message)).toContain("accountId");
  });

  it("decodes a kind it does not know as the default, the tree (kinds are open)", async () => {
    const { wrike } = clientAnswering(() => envelope(TREE, {}, "folderForest"));
    const answer = await wrike.folders.listInSpace({ spaceId: "IEAGKVLFI4AAAAAB", fields: ["description"] });
    expect(answer.kind).toBe("folderForest");
    expect(answer.data).toEqual(TREE);
  });

  it("pages a paged call's folders with the filters on every page", async () => {
    const { wrike, stub } = clientAnswering((q) => envelope([{ ...FOLDERS[0], id: q.get("nextPageToken") ?? "first" }], q.has("nextPageToken") ? {} : { nextPageToken: "second" }, "folders"));
    const ids: string[] = [];
    for await (const folder of wrike.folders.list({ pageSize: 1, project: true })) ids.push(folder.id);
    expect(ids).toEqual(["first", "second"]);
    expect(stub.requests.map(({ request }) => new URL(request.url).searchParams.get("project"))).toEqual(["true", "true"]);
  });
});

describe("folder lists: the result type follows the arguments", () => {
  const { wrike } = clientAnswering(() => envelope(TREE, {}, "folderTree"));
  it("is the tree without arguments, or with only those that do not change the answer (deleted)", () => {
    expectTypeOf(wrike.folders.list()).resolves.toEqualTypeOf<FoldersListFolderTree>();
    expectTypeOf(wrike.folders.list({ deleted: true })).resolves.toEqualTypeOf<FoldersListFolderTree>();
    expectTypeOf(wrike.folders.listInFolder({ folderId: "F" })).resolves.toEqualTypeOf<FoldersListInFolderFolderTree>();
    expectTypeOf<FoldersListFolderTree["data"][number]>().toEqualTypeOf<FolderTreeEntry>();
  });

  it("is folders once a filter or paging argument is given, with the fields asked for made present", () => {
    expectTypeOf(wrike.folders.list({ project: true })).resolves.toEqualTypeOf<FoldersListFolders>();
    expectTypeOf(wrike.folders.listInSpace({ spaceId: "S", pageSize: 10 })).resolves.toMatchTypeOf<{ kind: "folders"; data: Folder[] }>();
    const filtered = foldersList(wrike.transport, { title: "Launch", fields: ["description"] });
    expectTypeOf(filtered).resolves.toEqualTypeOf<FoldersListFolders<readonly ["description"]>>();
    expectTypeOf<Awaited<typeof filtered>["data"][number]["description"]>().toEqualTypeOf<string>();
  });

  it("is either, narrowable by kind, when the arguments are not known statically or the rule does not speak of them", async () => {
    const args: FoldersListArgs = {};
    const either = await wrike.folders.list(args);
    expectTypeOf(either).toEqualTypeOf<FoldersListFolderTree | FoldersListFolders>();
    expectTypeOf(wrike.folders.list({ fields: ["description"] })).resolves.toEqualTypeOf<FoldersListFolderTree | FoldersListFolders<readonly ["description"]>>();
    if (either.kind === "folders") expectTypeOf(either.data[0]!).toEqualTypeOf<Folder>();
    else expectTypeOf(either.data[0]!).toEqualTypeOf<FolderTreeEntry>();
  });

  it("still refuses an argument the method does not take, beside good ones", () => {
    // @ts-expect-error titel is no argument of GET /folders
    void (() => wrike.folders.list({ title: "a", titel: "b" }));
    // @ts-expect-error a number is no title
    void (() => wrike.folders.list({ title: 3 }));
  });
});
