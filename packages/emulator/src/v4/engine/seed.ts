/**
 * The v4 world a new emulator starts with, built from the v2 state so that both APIs show one account:
 * the v2 users with v4 roles (an owner and admin, two regular users, a Collaborator), the v2 folders and
 * tasks, comments, time logs and files converted (their v2 ids recorded for GET /ids), plus what only v4
 * has: the recycle bin, a default workflow, a space with a project, custom fields and time log categories.
 */
import { SEED_CREDENTIALS } from "../../engine/seed.js";
import type { State, TaskRecord as V2Task } from "../../engine/state.js";
import type { V4Call } from "./call.js";
import { createFolder, createSpace, newFolderNode } from "./folders.js";
import { legacyKey } from "./ids-convert.js";
import { createEmptyV4State, newId, type PersonRecord, type TaskDates, type TaskStatus, type V4State } from "./state.js";
import { dayOf, localDateTime } from "./time.js";
import { customStatusFor, newWorkflow } from "./workflows.js";

/** The v4 roles of the v2 seed's users: the v2 Viewer is the v4 Collaborator. */
const ROLES: Record<string, Pick<PersonRecord, "role" | "admin" | "owner" | "title">> = {
  [SEED_CREDENTIALS.user.uid]: { role: "User", admin: true, owner: true, title: "Account owner" },
  [SEED_CREDENTIALS.viewer.uid]: { role: "Collaborator", admin: false, owner: false, title: "External reviewer" },
};

const V2_STATUS: readonly TaskStatus[] = ["Active", "Completed", "Deferred", "Cancelled"];
const V2_IMPORTANCE = ["High", "Normal", "Low"] as const;

function v2Dates(t: V2Task): TaskDates {
  const start = t.startAt === undefined ? undefined : localDateTime(t.startAt);
  const due = t.dueAt === undefined ? undefined : localDateTime(t.dueAt);
  const duration = t.duration === undefined ? undefined : Number(t.duration);
  if (start !== undefined && due !== undefined) return { type: "Planned", start, due, duration, workOnWeekends: false };
  if (due !== undefined) return { type: "Milestone", start: undefined, due, duration: undefined, workOnWeekends: false };
  return { type: "Backlog", start: undefined, due: undefined, duration, workOnWeekends: false };
}

export function seedV4State(v2: State, at: number): V4State {
  const state = createEmptyV4State(v2, at);
  for (const uid of v2.users.keys()) {
    state.people.set(uid, { uid, role: "User", admin: false, owner: false, title: "", deleted: false, metadata: [], ...ROLES[uid] });
  }
  const owner = SEED_CREDENTIALS.user.uid;
  const allUsers = [...v2.users.keys()];
  const root = newFolderNode(state, { title: "Root", scope: "WsRoot", authorId: owner, createdAt: at, sharedIds: allUsers });
  const bin = newFolderNode(state, { title: "Recycle Bin", scope: "RbRoot", authorId: owner, createdAt: at, sharedIds: allUsers });
  state.rootFolderId = root.id;
  state.recycleBinId = bin.id;
  newWorkflow(state, "Default Workflow", "The account's standard workflow", true, [
    ["New", "Active", "Blue"],
    ["In Progress", "Active", "Turquoise"],
    ["Completed", "Completed", "Green"],
    ["On Hold", "Deferred", "Gray"],
    ["Cancelled", "Cancelled", "Gray"],
  ]);
  for (const [i, name] of ["Development", "Meetings", "Support"].entries()) {
    const id = newId(state, "timelogCategory");
    state.timelogCategories.set(id, { id, name, order: i, hidden: false });
  }
  for (const [title, type] of [["Budget", "Currency"], ["Stage", "DropDown"]] as const) {
    const id = newId(state, "customField");
    state.customFields.set(id, { id, title, type, description: "", spaceId: undefined, sharedIds: allUsers, settings: type === "DropDown" ? { values: ["Idea", "Build", "Ship"] } : { currency: "USD" } });
  }
  importV2(state, v2);

  const me: V4Call = { state, caller: { user: v2.users.get(owner)!, person: state.people.get(owner)! }, at, selected: new Set() };
  const space = createSpace(me, { title: "Product", accessType: "Public", description: "The product team's space" });
  createFolder(me, {
    folderId: space.id,
    title: "Launch v4",
    description: "Ship the v4 SDK",
    project: { ownerIds: [owner], status: "Green", startDate: dayOf(at), endDate: dayOf(at + 30 * 86_400_000) },
  });
  return state;
}

/** The v2 folders, tasks, comments, time logs and files as v4 records, in v2 id order. */
function importV2(state: V4State, v2: State): void {
  const folderIds = new Map<number, string>();
  for (const f of [...v2.folders.values()].sort((a, b) => a.id - b.id)) {
    const parents = f.parents.map((p) => (p === 0 ? state.rootFolderId : folderIds.get(p))).filter((p): p is string => p !== undefined);
    const folder = newFolderNode(state, { title: f.title, description: f.description, parentIds: parents.length > 0 ? parents : [state.rootFolderId], sharedIds: [...f.sharedUsers], authorId: f.authorUid, createdAt: f.createdAt });
    folder.updatedAt = f.updatedAt;
    folderIds.set(f.id, folder.id);
    state.legacyIds.set(legacyKey("ApiV2Folder", f.id), folder.id);
  }
  const taskIds = new Map<number, string>();
  for (const t of v2.tasks.values()) {
    const status = V2_STATUS[t.status] ?? "Active";
    const parents = t.parents.map((p) => (p === 0 ? state.rootFolderId : folderIds.get(p))).filter((p): p is string => p !== undefined);
    const id = newId(state, "task");
    state.tasks.add({
      id,
      title: t.title,
      description: t.description,
      status,
      customStatusId: customStatusFor(state, status).id,
      importance: V2_IMPORTANCE[t.importance] ?? "Normal",
      createdAt: t.createdAt,
      updatedAt: t.updatedAt,
      completedAt: status === "Completed" ? t.updatedAt : undefined,
      dates: v2Dates(t),
      scope: "WsTask",
      parentIds: parents.length > 0 ? parents : [state.rootFolderId],
      sharedIds: [...t.sharedUsers],
      responsibleIds: [...t.responsibleUsers],
      followerIds: [t.authorUid],
      authorId: t.authorUid,
      superTaskIds: [],
      subTaskIds: [],
      dependencyIds: [],
      metadata: [],
      customFields: [],
      priority: (state.nextCounter * 1024).toString(16).padStart(8, "0"),
      billingType: undefined,
      deletedFrom: undefined,
    });
    taskIds.set(t.id, id);
    state.legacyIds.set(legacyKey("ApiV2Task", t.id), id);
  }
  for (const c of v2.comments.values()) {
    const taskId = taskIds.get(c.taskId);
    if (taskId === undefined) continue;
    const id = newId(state, "comment");
    state.comments.add({ id, authorId: c.authorUid, text: c.text, createdAt: c.createdAt, updatedAt: c.updatedAt, taskId, folderId: undefined });
    state.legacyIds.set(legacyKey("ApiV2Comment", c.id), id);
  }
  for (const l of v2.timelogs.values()) {
    const taskId = taskIds.get(l.taskId);
    if (taskId === undefined) continue;
    const id = newId(state, "timelog");
    state.timelogs.add({ id, taskId, userId: l.userUid, hours: l.hours, comment: "", trackedDate: l.day, categoryId: undefined, createdAt: l.createdAt, updatedAt: l.createdAt });
    state.legacyIds.set(legacyKey("ApiV2Timelog", l.id), id);
  }
  const versions = new Map<number, string>();
  for (const a of [...v2.attachments.values()].sort((x, y) => x.id - y.id)) {
    const taskId = taskIds.get(a.taskId);
    if (taskId === undefined) continue;
    const id = newId(state, "attachment");
    versions.set(a.id, id);
    state.attachments.set(id, { id, authorId: a.authorUid, name: a.fileName, contentType: a.contentType, createdAt: a.createdAt, version: a.version, originVersionId: versions.get(a.firstVersionId) ?? id, taskId, folderId: undefined, bytes: a.bytes });
    state.legacyIds.set(legacyKey("ApiV2Attachment", a.id), id);
  }
}
