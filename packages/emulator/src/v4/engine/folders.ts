/**
 * The folder tree: the account root, the recycle bin, spaces (a space is also the root folder of its
 * tree, with the space's id), folders and projects (folders with project details). A folder may have
 * several parents; parentIds and childIds are kept in step; a folder is never its own ancestor; deleting
 * moves a folder and everything under it to the recycle bin, restore brings it back.
 */
import type { FoldersCopyArgs, ProjectCreate, ProjectUpdate, SpaceMember } from "@wrikekit/client";
import { callerId, canSeeFolder, requireFullUser, visibleFolder, writableFolder, type V4Call } from "./call.js";
import { invalidParameter, notFound } from "./errors.js";
import { filterScope, pageInIdOrder, scanOf, type Page } from "./paging.js";
import { newId, type FolderRecord, type ProjectRecord, type SpaceAccessType, type SpaceRecord, type V4State } from "./state.js";
import { parseDay, parseUtcTimestamp } from "./time.js";
import { matchesMetadata, mergeCustomFields, mergeMetadata, requireTitle, requireUsers, union, type CustomFieldInput, type MetadataInput } from "./values.js";
import { findCustomStatus, customStatusFor } from "./workflows.js";

/** The project status a custom status of each group stands for (Active ones keep their colour). */
const PROJECT_STATUS_OF_GROUP = { Completed: "Completed", Deferred: "OnHold", Cancelled: "Cancelled" } as const;

export function newFolderNode(state: V4State, fields: Partial<FolderRecord> & Pick<FolderRecord, "title" | "authorId" | "createdAt">): FolderRecord {
  const folder: FolderRecord = {
    id: fields.id ?? newId(state, "folder"),
    title: fields.title,
    description: fields.description ?? "",
    color: fields.color,
    scope: fields.scope ?? "WsFolder",
    space: fields.space ?? false,
    parentIds: fields.parentIds ?? [],
    childIds: [],
    sharedIds: fields.sharedIds ?? [],
    authorId: fields.authorId,
    createdAt: fields.createdAt,
    updatedAt: fields.createdAt,
    metadata: fields.metadata ?? [],
    customFields: fields.customFields ?? [],
    project: fields.project,
    deletedFrom: undefined,
  };
  state.folders.set(folder.id, folder);
  for (const parent of folder.parentIds) state.folders.get(parent)?.childIds.push(folder.id);
  return folder;
}

function detach(state: V4State, folder: FolderRecord, parentId: string): void {
  const parent = state.folders.get(parentId);
  if (parent !== undefined) parent.childIds = parent.childIds.filter((id) => id !== folder.id);
  folder.parentIds = folder.parentIds.filter((id) => id !== parentId);
}

function attach(state: V4State, folder: FolderRecord, parentId: string): void {
  if (folder.parentIds.includes(parentId)) return;
  folder.parentIds.push(parentId);
  state.folders.get(parentId)!.childIds.push(folder.id);
}

/** Every folder under `root` (not root itself), depth first. */
export function descendantsOf(state: V4State, rootId: string): FolderRecord[] {
  const out: FolderRecord[] = [];
  const seen = new Set([rootId]);
  const stack = [...(state.folders.get(rootId)?.childIds ?? [])].reverse();
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const folder = state.folders.get(id);
    if (folder === undefined) continue;
    out.push(folder);
    stack.push(...[...folder.childIds].reverse());
  }
  return out;
}

/** ProjectCreate on create, ProjectUpdate on update: one function applies either. */
type ProjectInput = ProjectCreate & ProjectUpdate;

function applyProject(call: V4Call, current: ProjectRecord | undefined, input: ProjectInput): ProjectRecord {
  const { state } = call;
  const project: ProjectRecord = current ?? {
    authorId: callerId(call),
    ownerIds: [callerId(call)],
    status: "Green",
    customStatusId: customStatusFor(state, "Active").id,
    startDate: undefined,
    endDate: undefined,
    createdAt: call.at,
    completedAt: undefined,
  };
  if (input.ownerIds !== undefined) project.ownerIds = requireUsers(state, input.ownerIds, "project.ownerIds");
  project.ownerIds = union(project.ownerIds, requireUsers(state, input.ownersAdd, "project.ownersAdd"), input.ownersRemove);
  if (input.customStatusId !== undefined) {
    const custom = findCustomStatus(state, input.customStatusId);
    if (custom === undefined) throw invalidParameter("project.customStatusId", `no custom status has the id ${JSON.stringify(input.customStatusId)}`);
    const implied = custom.group === "Active" ? undefined : PROJECT_STATUS_OF_GROUP[custom.group];
    // Custom goes with any custom status; a standard status must match the custom status's group.
    if (input.status !== undefined && input.status !== "Custom" && implied !== undefined && input.status !== implied) throw invalidParameter("project.status", `${input.status} contradicts customStatusId ${custom.id} (${custom.group})`);
    project.customStatusId = custom.id;
    project.status = input.status === "Custom" ? "Custom" : implied ?? (input.status !== undefined && ["Green", "Yellow", "Red"].includes(input.status) ? input.status : "Green");
  } else if (input.status === "Custom") {
    // The reference does not require customStatusId with Custom: the project keeps its custom status.
    project.status = "Custom";
  } else if (input.status !== undefined) {
    project.status = input.status;
    const group = input.status === "Completed" ? "Completed" : input.status === "OnHold" ? "Deferred" : input.status === "Cancelled" ? "Cancelled" : "Active";
    project.customStatusId = customStatusFor(state, group).id;
  }
  project.completedAt = project.status === "Completed" ? (project.completedAt ?? call.at) : undefined;
  if (input.startDate !== undefined) project.startDate = parseDay(input.startDate, "project.startDate");
  if (input.endDate !== undefined) project.endDate = parseDay(input.endDate, "project.endDate");
  // Days (yyyy-MM-dd) compare as text.
  if (project.startDate !== undefined && project.endDate !== undefined && project.endDate < project.startDate) {
    throw invalidParameter("project", `endDate ${project.endDate} is before startDate ${project.startDate}`);
  }
  return project;
}

export interface FolderCreateArgs {
  folderId: string;
  title: string;
  description?: string;
  shareds?: string[];
  metadata?: MetadataInput[];
  customFields?: CustomFieldInput[];
  project?: ProjectInput;
}

export function createFolder(call: V4Call, args: FolderCreateArgs): FolderRecord {
  const { state } = call;
  const parent = writableFolder(call, args.folderId);
  const uid = callerId(call);
  return newFolderNode(state, {
    title: requireTitle(args.title),
    description: args.description,
    parentIds: [parent.id],
    sharedIds: union(parent.scope === "WsRoot" ? [uid] : parent.sharedIds, [uid, ...requireUsers(state, args.shareds, "shareds")]),
    authorId: uid,
    createdAt: call.at,
    metadata: mergeMetadata([], args.metadata),
    customFields: mergeCustomFields(call, [], args.customFields),
    project: args.project === undefined ? undefined : applyProject(call, undefined, args.project),
  });
}

export interface FolderUpdateArgs {
  folderId: string;
  title?: string;
  description?: string;
  addParents?: string[];
  removeParents?: string[];
  addShareds?: string[];
  removeShareds?: string[];
  metadata?: MetadataInput[];
  restore?: boolean;
  customFields?: CustomFieldInput[];
  project?: ProjectInput;
}

export function updateFolder(call: V4Call, args: FolderUpdateArgs): FolderRecord {
  const { state } = call;
  const folder = visibleFolder(call, args.folderId);
  requireFullUser(call, "change folders");
  if (folder.scope === "WsRoot" || folder.scope === "RbRoot") throw invalidParameter("folderId", "the account root and the recycle bin cannot be changed");
  if (folder.scope === "RbFolder") {
    if (args.restore !== true) throw invalidParameter("folderId", `folder ${folder.id} is in the recycle bin; send restore=true to bring it back`);
    restore(state, folder);
  }
  if (args.title !== undefined) folder.title = requireTitle(args.title);
  if (args.description !== undefined) folder.description = args.description;
  for (const id of args.addParents ?? []) {
    const parent = writableFolder(call, id);
    if (parent.id === folder.id || descendantsOf(state, folder.id).some((d) => d.id === parent.id)) throw invalidParameter("addParents", `folder ${id} is inside ${folder.id}; a folder cannot be its own ancestor`);
    if (parent.scope === "WsRoot") continue;
    attach(state, folder, parent.id);
    if (folder.parentIds.includes(state.rootFolderId)) detach(state, folder, state.rootFolderId);
  }
  for (const id of args.removeParents ?? []) {
    if (!folder.parentIds.includes(id)) continue;
    if (folder.parentIds.length === 1) throw invalidParameter("removeParents", `${id} is the folder's only parent; add another parent first`);
    detach(state, folder, id);
  }
  if (args.removeShareds?.includes(callerId(call))) throw invalidParameter("removeShareds", "you cannot unshare a folder from yourself");
  folder.sharedIds = union(folder.sharedIds, requireUsers(state, args.addShareds, "addShareds"), args.removeShareds);
  folder.metadata = mergeMetadata(folder.metadata, args.metadata);
  folder.customFields = mergeCustomFields(call, folder.customFields, args.customFields);
  if (args.project !== undefined) folder.project = applyProject(call, folder.project, args.project);
  folder.updatedAt = call.at;
  return folder;
}

export function updateFolders(call: V4Call, args: { folderIds: string[]; customFields?: CustomFieldInput[]; project?: ProjectInput }): FolderRecord[] {
  const { folderIds, ...changes } = args;
  folderIds.forEach((id) => writableFolder(call, id));
  return folderIds.map((folderId) => updateFolder(call, { folderId, ...changes }));
}

/**
 * The folders a deletion takes: the folder, and every folder under it whose parents are all taken (the
 * reference: descendants go "unless they have parents outside of deletion scope").
 */
function deletionScope(state: V4State, folder: FolderRecord): Set<string> {
  const taken = new Set([folder.id]);
  const under = descendantsOf(state, folder.id);
  for (let grew = true; grew; ) {
    grew = false;
    for (const f of under) {
      if (!taken.has(f.id) && f.parentIds.every((p) => taken.has(p))) {
        taken.add(f.id);
        grew = true;
      }
    }
  }
  return taken;
}

/** Moves the folder and what only it holds (subfolders, tasks) to the recycle bin; the rest just lose it as a parent. */
export function deleteFolder(call: V4Call, folderId: string): FolderRecord {
  const { state } = call;
  const folder = writableFolder(call, folderId);
  if (folder.scope === "WsRoot" || folder.space) throw invalidParameter("folderId", folder.space ? "a space is deleted with DELETE /spaces/{spaceId}" : "the account root cannot be deleted");
  const ids = deletionScope(state, folder);
  for (const kept of descendantsOf(state, folder.id)) {
    if (!ids.has(kept.id)) for (const parent of kept.parentIds.filter((p) => ids.has(p))) detach(state, kept, parent);
  }
  folder.deletedFrom = [...folder.parentIds];
  for (const parent of [...folder.parentIds]) detach(state, folder, parent);
  attach(state, folder, state.recycleBinId);
  for (const id of ids) {
    const f = state.folders.get(id)!;
    f.scope = "RbFolder";
    f.updatedAt = call.at;
  }
  for (const task of state.tasks.values()) {
    if (task.scope === "WsTask" && task.parentIds.length > 0 && task.parentIds.every((p) => ids.has(p))) {
      task.scope = "RbTask";
      task.deletedFrom = task.parentIds;
      task.parentIds = [state.recycleBinId];
    } else if (task.parentIds.some((p) => ids.has(p))) task.parentIds = task.parentIds.filter((p) => !ids.has(p));
  }
  return folder;
}

function restore(state: V4State, folder: FolderRecord): void {
  detach(state, folder, state.recycleBinId);
  const parents = (folder.deletedFrom ?? []).filter((id) => state.folders.get(id)?.scope === "WsFolder" || id === state.rootFolderId);
  for (const parent of parents.length > 0 ? parents : [state.rootFolderId]) attach(state, folder, parent);
  folder.deletedFrom = undefined;
  const ids = new Set([folder.id, ...descendantsOf(state, folder.id).map((f) => f.id)]);
  for (const id of ids) state.folders.get(id)!.scope = "WsFolder";
  for (const task of state.tasks.values()) {
    if (task.scope === "RbTask" && (task.deletedFrom ?? []).some((p) => ids.has(p))) {
      task.scope = "WsTask";
      task.parentIds = task.deletedFrom!;
      task.deletedFrom = undefined;
    }
  }
}

export function getFolders(call: V4Call, ids: readonly string[]): FolderRecord[] {
  return ids.map((id) => visibleFolder(call, id));
}

// ---------------------------------------------------------------- the tree as lists

export interface FolderQueryArgs {
  folderId?: string;
  spaceId?: string;
  permalink?: string;
  descendants?: boolean;
  metadata?: { key?: string; value?: string | null };
  contractTypes?: string;
  customItemTypes?: string[];
  updatedDate?: { start?: string; end?: string };
  project?: boolean;
  deleted?: boolean;
  customStatuses?: string[];
  authors?: string[];
  owners?: string[];
  title?: string;
  pageSize?: number;
  nextPageToken?: string;
  fields?: string[];
}

const NOT_FILTERS = new Set(["pageSize", "nextPageToken", "fields", "withInvitations", "plainTextCustomFields"]);

/** GET /folders, /folders/{id}/folders, /spaces/{id}/folders: tree entries in id order. */
export function queryFolders(call: V4Call, path: string, args: FolderQueryArgs): Page<FolderRecord> {
  const { state } = call;
  const rootId = args.folderId ?? args.spaceId;
  let candidates: FolderRecord[];
  if (rootId !== undefined) {
    const root = visibleFolder(call, rootId, args.spaceId === undefined ? "Folder" : "Space");
    candidates = args.descendants === false ? root.childIds.map((id) => state.folders.get(id)!).filter(Boolean) : descendantsOf(state, root.id);
    if (args.folderId !== undefined) candidates.unshift(root);
  } else candidates = [...state.folders.values()].filter((f) => (args.deleted === true ? f.scope === "RbFolder" || f.scope === "RbRoot" : f.scope !== "RbFolder" && f.scope !== "RbRoot"));
  const updated = args.updatedDate;
  const updatedFrom = updated?.start === undefined ? -Infinity : parseUtcTimestamp(updated.start, "updatedDate.start");
  const updatedTo = updated?.end === undefined ? Infinity : parseUtcTimestamp(updated.end, "updatedDate.end");
  const matches = (f: FolderRecord) =>
    canSeeFolder(call, f) &&
    (args.project === undefined || (f.project !== undefined) === args.project) &&
    (args.title === undefined || f.title.toLowerCase().includes(args.title.toLowerCase())) &&
    (args.permalink === undefined || args.permalink === `https://www.wrike.com/open.htm?id=${encodeURIComponent(f.id)}`) &&
    matchesMetadata(f.metadata, args.metadata) &&
    // No folder has a contract type or a custom item type here: a filter by either finds nothing.
    args.contractTypes === undefined &&
    args.customItemTypes === undefined &&
    (args.customStatuses === undefined || (f.project !== undefined && args.customStatuses.includes(f.project.customStatusId))) &&
    (args.authors === undefined || args.authors.includes(f.authorId)) &&
    (args.owners === undefined || (f.project?.ownerIds ?? []).some((o) => args.owners!.includes(o))) &&
    f.updatedAt >= updatedFrom &&
    f.updatedAt <= updatedTo;
  return pageInIdOrder(args, filterScope(path, args as Record<string, unknown>, NOT_FILTERS), scanOf(candidates), matches);
}

// ---------------------------------------------------------------- spaces

function spaceSharing(state: V4State, space: SpaceRecord): string[] {
  return space.accessType === "Public" ? [...state.v2.users.keys()] : [...space.memberIds];
}

export function visibleSpace(call: V4Call, id: string): SpaceRecord {
  const space = call.state.spaces.get(id);
  if (space === undefined || !(space.accessType === "Public" || space.memberIds.includes(callerId(call)))) throw notFound("Space", id);
  return space;
}

type SpaceMemberInput = SpaceMember;

export function createSpace(call: V4Call, args: { title: string; accessType: SpaceAccessType; description?: string; members?: SpaceMemberInput[]; defaultProjectWorkflowId?: string; defaultTaskWorkflowId?: string }): SpaceRecord {
  requireFullUser(call, "create spaces");
  const { state } = call;
  const uid = callerId(call);
  for (const id of [args.defaultProjectWorkflowId, args.defaultTaskWorkflowId]) if (id !== undefined && !state.workflows.has(id)) throw invalidParameter("defaultTaskWorkflowId", `no workflow has the id ${JSON.stringify(id)}`);
  const members = union([uid], requireUsers(state, (args.members ?? []).map((m) => m.id ?? ""), "members"));
  const node = newFolderNode(state, { title: requireTitle(args.title), description: args.description, parentIds: [state.rootFolderId], space: true, authorId: uid, createdAt: call.at });
  const space: SpaceRecord = {
    id: node.id,
    title: node.title,
    description: node.description,
    accessType: args.accessType,
    archived: false,
    memberIds: args.accessType === "Personal" ? [uid] : members,
    defaultProjectWorkflowId: args.defaultProjectWorkflowId,
    defaultTaskWorkflowId: args.defaultTaskWorkflowId,
  };
  state.spaces.set(space.id, space);
  node.sharedIds = spaceSharing(state, space);
  return space;
}

export function updateSpace(
  call: V4Call,
  args: { spaceId: string; title?: string; description?: string; accessType?: SpaceAccessType; membersAdd?: SpaceMemberInput[]; membersRemove?: string[]; defaultProjectWorkflowId?: string; defaultTaskWorkflowId?: string },
): SpaceRecord {
  requireFullUser(call, "change spaces");
  const { state } = call;
  const space = visibleSpace(call, args.spaceId);
  const node = state.folders.get(space.id)!;
  if (args.title !== undefined) space.title = node.title = requireTitle(args.title);
  if (args.description !== undefined) space.description = node.description = args.description;
  if (args.accessType !== undefined) space.accessType = args.accessType;
  if (args.defaultProjectWorkflowId !== undefined) space.defaultProjectWorkflowId = args.defaultProjectWorkflowId;
  if (args.defaultTaskWorkflowId !== undefined) space.defaultTaskWorkflowId = args.defaultTaskWorkflowId;
  space.memberIds = union(space.memberIds, requireUsers(state, (args.membersAdd ?? []).map((m) => m.id ?? ""), "membersAdd"), args.membersRemove);
  node.sharedIds = spaceSharing(state, space);
  node.updatedAt = call.at;
  return space;
}

/** Deletes the space; its folders and projects go to the recycle bin. */
export function deleteSpace(call: V4Call, spaceId: string): void {
  requireFullUser(call, "delete spaces");
  const { state } = call;
  const space = visibleSpace(call, spaceId);
  const node = state.folders.get(space.id)!;
  for (const childId of [...node.childIds]) deleteFolder(call, childId);
  detach(state, node, state.rootFolderId);
  state.folders.delete(space.id);
  state.spaces.delete(space.id);
}

export function listSpaces(call: V4Call, args: { withArchived?: boolean; userIsMember?: boolean; title?: string; accessTypes?: string[] }): SpaceRecord[] {
  const uid = callerId(call);
  return [...call.state.spaces.values()].filter(
    (s) =>
      (s.accessType === "Public" || s.memberIds.includes(uid)) &&
      (args.withArchived === true || !s.archived) &&
      (args.userIsMember !== true || s.memberIds.includes(uid)) &&
      (args.title === undefined || s.title.toLowerCase().includes(args.title.toLowerCase())) &&
      (args.accessTypes === undefined || args.accessTypes.includes(s.accessType)),
  );
}

// ---------------------------------------------------------------- copy

/** The copy reads these arguments of POST /copy_folder (and _async); the others are accepted and left out. */
export type FolderCopyArgs = Pick<FoldersCopyArgs, "folderId" | "parent" | "title" | "titlePrefix" | "copyDescriptions" | "copyResponsibles" | "copyStatuses" | "copyCustomFields">;

/**
 * The copy as a list of steps, one per folder: the async job runs them a few at a time; the plain copy
 * runs them at once. The first step's result is the new top folder.
 */
export function folderCopySteps(call: V4Call, args: FolderCopyArgs): Array<() => FolderRecord> {
  const { state } = call;
  const source = visibleFolder(call, args.folderId);
  writableFolder(call, args.parent);
  requireTitle(args.title);
  const copies = new Map<string, string>();
  const subtree = [source, ...descendantsOf(state, source.id).filter((f) => canSeeFolder(call, f))];
  const copyOne = (original: FolderRecord, isTop: boolean) => (): FolderRecord => {
    const parents = isTop ? [args.parent] : original.parentIds.map((p) => copies.get(p)).filter((p): p is string => p !== undefined);
    const copy = newFolderNode(state, {
      title: isTop ? args.title : `${args.titlePrefix ?? ""}${original.title}`,
      description: args.copyDescriptions === false ? "" : original.description,
      parentIds: parents,
      sharedIds: union(state.folders.get(parents[0]!)?.sharedIds ?? [], [callerId(call)]),
      authorId: callerId(call),
      createdAt: call.at,
      metadata: [],
      customFields: args.copyCustomFields === false ? [] : original.customFields.map((c) => ({ ...c })),
      project: original.project === undefined ? undefined : { ...original.project, ownerIds: [...original.project.ownerIds], createdAt: call.at },
    });
    copies.set(original.id, copy.id);
    for (const task of state.tasks.values()) {
      if (task.scope !== "WsTask" || !task.parentIds.includes(original.id) || task.superTaskIds.length > 0) continue;
      const t = { ...task, id: newId(state, "task"), parentIds: [copy.id], createdAt: call.at, updatedAt: call.at, superTaskIds: [], subTaskIds: [], dependencyIds: [], metadata: [] };
      if (args.copyDescriptions === false) t.description = "";
      if (args.copyResponsibles === false) t.responsibleIds = [];
      if (args.copyStatuses === false) Object.assign(t, { status: "Active", customStatusId: customStatusFor(state, "Active").id, completedAt: undefined });
      if (args.copyCustomFields === false) t.customFields = [];
      t.sharedIds = union(copy.sharedIds, [t.authorId, ...t.responsibleIds]);
      state.tasks.add(t);
      state.revision++; // the copy runs during polls of its job, outside a write operation
    }
    return copy;
  };
  return subtree.map((f, i) => copyOne(f, i === 0));
}
