/** What every v4 engine function works with: the state, who calls, when, and the operation's field selection. */
import type { UserRecord } from "../../engine/state.js";
import { forbidden, notAllowed, notFound } from "./errors.js";
import type { FolderRecord, PersonRecord, TaskRecord, V4State } from "./state.js";

export interface V4Caller {
  user: UserRecord;
  person: PersonRecord;
}

export interface V4Call {
  state: V4State;
  caller: V4Caller;
  /** The emulator's clock at the call, epoch ms. */
  at: number;
  /** The optional fields (of the answer's model) this call includes. */
  selected: ReadonlySet<string>;
}

export const callerId = (call: V4Call) => call.caller.user.uid;

/** Collaborators may read, comment, log time and change the status of their tasks; creating and most changes need a User. */
export function requireFullUser(call: V4Call, action: string): void {
  if (call.caller.person.role !== "User") throw notAllowed(`A Collaborator cannot ${action}; ask a regular user of the account`);
}

export function requireAdmin(call: V4Call, action: string): void {
  if (!call.caller.person.admin) throw notAllowed(`Only an account admin can ${action}`);
}

export function canSeeFolder(call: V4Call, folder: FolderRecord): boolean {
  return folder.scope === "WsRoot" || folder.scope === "RbRoot" || folder.sharedIds.includes(callerId(call));
}

export function canSeeTask(call: V4Call, task: TaskRecord): boolean {
  return task.sharedIds.includes(callerId(call));
}

/** The folder (or space root, project) the caller can see, else 404 as Wrike answers for invisible objects. */
export function visibleFolder(call: V4Call, id: string, what = "Folder"): FolderRecord {
  const folder = call.state.folders.get(id);
  if (folder === undefined || !canSeeFolder(call, folder)) throw notFound(what, id);
  return folder;
}

export function visibleTask(call: V4Call, id: string): TaskRecord {
  const task = call.state.tasks.get(id);
  if (task === undefined || !canSeeTask(call, task)) throw notFound("Task", id);
  return task;
}

/** A folder the caller may change: visible, in the workspace, and the caller a User. */
export function writableFolder(call: V4Call, id: string): FolderRecord {
  const folder = visibleFolder(call, id);
  requireFullUser(call, "change folders");
  if (folder.scope === "RbRoot" || folder.scope === "RbFolder") throw forbidden(`Folder ${id} is in the recycle bin`);
  return folder;
}
