/** wrike.folder.*: the folder DAG under the virtual root folder (id 0). */
import type {
  Folder,
  FolderAddArgs,
  FolderAddResult,
  FolderDeleteArgs,
  FolderDeleteResult,
  FolderGetArgs,
  FolderGetResult,
  FolderTreeArgs,
  FolderTreeEntry,
  FolderTreeResult,
  FolderUpdateArgs,
  FolderUpdateResult,
} from "@wrikekit/client/v2";
import {
  inheritedSharing,
  requireKnownUsers,
  refuseRoot,
  requireWriter,
  resolveParents,
  union,
  visibleFolder,
  type Caller,
} from "./access.js";
import { EmulatorError, invalidArgument } from "./errors.js";
import { cascadeBelow, deleteCascade, isSelfOrDescendant, minimalPath, visibleTree } from "./folder-graph.js";
import type { Reply } from "./reply.js";
import { folderRecord, newAuthoredRecord, ROOT_FOLDER_ID, type FolderRecord, type State } from "./state.js";
import { discardTasks } from "./tasks.js";
import { formatTimestamp } from "./time.js";
import { requireText } from "./validate.js";

function folderView(folder: FolderRecord): Folder {
  return {
    id: folder.id,
    title: folder.title,
    description: folder.description,
    authorUid: folder.authorUid,
    createdDate: formatTimestamp(folder.createdAt),
    whoChanged: folder.whoChanged,
    lastUpdatedDate: formatTimestamp(folder.updatedAt),
    // v2 has no folder comments or attachments: they belong to tasks.
    attachmentsCount: 0,
    commentsCount: 0,
    sharedUsers: [...folder.sharedUsers],
    parents: [...folder.parents],
  };
}

const ROOT_ENTRY: FolderTreeEntry = { id: ROOT_FOLDER_ID, parentId: ROOT_FOLDER_ID, title: "/", fullPath: "/", minimalPath: "/" };

/**
 * From the root: the root entry, then every visible folder. From parentId: that folder's descendants,
 * with paths still from the root. includeChilds=false keeps the first layer only.
 */
export function folderTree(state: State, caller: Caller, args: FolderTreeArgs): Reply<FolderTreeResult> {
  const start = args.parentId ?? ROOT_FOLDER_ID;
  const all = visibleTree(state, caller.user);
  let below = all;
  let depth = 0;
  if (start !== ROOT_FOLDER_ID) {
    visibleFolder(state, caller, start);
    // A visible folder is always in the tree; its first path gives the descendants' paths.
    const startNode = all.find((node) => node.folder.id === start)!;
    below = visibleTree(state, caller.user, start, startNode.segments);
    depth = startNode.segments.length;
  }
  if (args.includeChilds === false) below = below.filter((node) => node.segments.length === depth + 1);
  const entries = below.map((node) => ({
    id: node.folder.id,
    parentId: node.parentId,
    title: node.folder.title,
    fullPath: `/${node.segments.join("/")}`,
    minimalPath: minimalPath(node, all),
  }));
  return { root: "foldersTree", body: { folders: start === ROOT_FOLDER_ID ? [ROOT_ENTRY, ...entries] : entries } };
}

export function folderGet(state: State, caller: Caller, args: FolderGetArgs): Reply<FolderGetResult> {
  refuseRoot(args.id, "'Get' operation is forbidden for 'RootFolder' (id = 0)");
  const folder = visibleFolder(state, caller, args.id);
  return { root: "folder", body: folderView(folder) };
}

export function folderAdd(state: State, caller: Caller, args: FolderAddArgs): Reply<FolderAddResult> {
  requireWriter(caller);
  const title = requireText(args.title, "title");
  const parents = resolveParents(state, caller, args.parents, "folder");
  const sharedUsers = union([caller.user.uid], requireKnownUsers(state, args.sharedUsers, "sharedUsers"), inheritedSharing(state, parents));
  const folder = folderRecord({
    ...newAuthoredRecord(state, caller.user.uid, caller.at, title, args.description),
    sharedUsers,
    parents,
  });
  state.folders.set(folder.id, folder);
  return { root: "folder", body: folderView(folder) };
}

/**
 * Absent arguments leave their field unchanged (parents too, although the reference's wording copied
 * from wrike.folder.add says "the root when none are given"). The caller always keeps access.
 */
export function folderUpdate(state: State, caller: Caller, args: FolderUpdateArgs): Reply<FolderUpdateResult> {
  requireWriter(caller);
  if (state.trash.folders.has(args.id)) throw new EmulatorError(405, `Update operation is forbidden for deleted folder (id = ${args.id})`);
  refuseRoot(args.id, "RootFolder cannot be updated (id = 0)");
  const folder = visibleFolder(state, caller, args.id);
  const title = requireText(args.title, "title");
  let parents = folder.parents;
  if (args.parents !== undefined) {
    parents = resolveParents(state, caller, args.parents, "folder");
    const loop = parents.find((p) => isSelfOrDescendant(state, folder.id, p));
    if (loop !== undefined) throw invalidArgument("parents", `folder ${loop} is folder ${folder.id} or lies inside it; folders form a DAG`);
  }
  const shared = args.sharedUsers === undefined ? folder.sharedUsers : union([caller.user.uid], requireKnownUsers(state, args.sharedUsers, "sharedUsers"));
  folder.sharedUsers = union(shared, args.parents === undefined ? [] : inheritedSharing(state, parents));
  folder.parents = parents;
  folder.title = title;
  if (args.description !== undefined) folder.description = args.description;
  folder.updatedAt = caller.at;
  folder.whoChanged = caller.user.uid;
  return { root: "folder", body: folderView(folder) };
}

export function folderDelete(state: State, caller: Caller, args: FolderDeleteArgs): Reply<FolderDeleteResult> {
  requireWriter(caller);
  const ids = [...new Set(args.ids)];
  if (ids.length === 0) throw invalidArgument("ids", "give at least one folder id");
  for (const id of ids) refuseRoot(id, "'Delete' operation is forbidden for 'RootFolder' (id = 0)");
  const folders = ids.map((id) => visibleFolder(state, caller, id));
  const cascade = deleteCascade(state, ids);
  const list = folders.map((folder) => ({ id: folder.id, title: folder.title, deleted: true, deletedElements: cascadeBelow(state, folder.id, cascade) }));

  discardTasks(state, [...cascade.tasks], caller.at);
  for (const id of cascade.folders) {
    state.trash.folders.set(id, { record: state.folders.get(id)!, deletedAt: caller.at });
    state.folders.delete(id);
  }
  // Survivors lose the parents that are gone; each keeps at least one, or it would have been deleted.
  for (const element of [...state.folders.values(), ...state.tasks.values()]) {
    if (element.parents.some((p) => cascade.folders.has(p))) element.parents = element.parents.filter((p) => !cascade.folders.has(p));
  }
  return { root: "folders", body: { list } };
}
