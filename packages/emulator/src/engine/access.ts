/**
 * Who may do what: the Viewer licence (405), and the caller's scope (406): the folders and tasks shared
 * with the caller.
 */
import { EmulatorError, invalidArgument } from "./errors.js";
import { ROOT_FOLDER_ID, type FolderRecord, type State, type TaskRecord, type UserRecord } from "./state.js";

/** The user a call is made as, and when: every time a call records is this one instant. */
export interface Caller {
  user: UserRecord;
  /** Milliseconds since the epoch, from the emulator's clock. */
  at: number;
}

/** Rule viewerLicence. */
export function requireWriter(caller: Caller): void {
  if (caller.user.license === "Viewer") {
    throw new EmulatorError(405, `The calling user has a Viewer license (uid = ${caller.user.uid}) and cannot add, update or delete.`);
  }
}

export function isShared(record: { sharedUsers: readonly string[] }, user: UserRecord): boolean {
  return record.sharedUsers.includes(user.uid);
}

/** Rule rootFolder: the root folder cannot be fetched, updated or deleted (405). */
export function refuseRoot(id: number, message: string): void {
  if (id === ROOT_FOLDER_ID) throw new EmulatorError(405, message);
}

/** A folder the caller may see; 406 otherwise. */
export function visibleFolder(state: State, caller: Caller, id: number): FolderRecord {
  const folder = state.folders.get(id);
  if (folder === undefined || !isShared(folder, caller.user)) {
    throw new EmulatorError(406, `The folder with given id not found in the calling user's folder scope (id = ${id}).`);
  }
  return folder;
}

/** A task the caller may see; 406 otherwise, naming the argument that carried the id. */
export function visibleTask(state: State, caller: Caller, id: number, argument: string): TaskRecord {
  const task = state.tasks.get(id);
  if (task === undefined || !isShared(task, caller.user)) {
    throw new EmulatorError(406, `The task with given ${argument} not found in the calling user's task scope (${argument} = ${id}).`);
  }
  return task;
}

/**
 * Parent folders for a new or moved folder or task: [0] when none are given; 0 alone or real folders
 * the caller can see (406), never 0 together with a folder (407, rules folderRootExclusive and
 * taskParents).
 */
export function resolveParents(state: State, caller: Caller, parents: readonly number[] | undefined, what: "folder" | "task"): number[] {
  const ids = [...new Set(parents ?? [])];
  if (ids.length === 0) return [ROOT_FOLDER_ID];
  if (ids.includes(ROOT_FOLDER_ID)) {
    if (ids.length > 1) throw invalidArgument("parents", `a ${what} in the root folder (0) cannot also be in another folder`);
    return [ROOT_FOLDER_ID];
  }
  requireVisibleFolders(state, caller, ids, "parents");
  return ids;
}

/** Folder ids in an argument must be the root (0) or folders the caller can see (406). */
export function requireVisibleFolders(state: State, caller: Caller, ids: readonly number[], argument: string): void {
  for (const id of ids) {
    const folder = state.folders.get(id);
    if (id !== ROOT_FOLDER_ID && (folder === undefined || !isShared(folder, caller.user))) {
      throw new EmulatorError(406, `The folder with given id not found in the calling user's folder scope (${argument}: ${id}).`);
    }
  }
}

/** UIDs must name users of the account (407 otherwise). */
export function requireKnownUsers(state: State, uids: readonly string[] | undefined, argument: string): string[] {
  const unique = [...new Set(uids ?? [])];
  for (const uid of unique) if (!state.users.has(uid)) throw invalidArgument(argument, `no user has the uid ${JSON.stringify(uid)}`);
  return unique;
}

/** The users a folder or task in `parents` inherits from them (rule folderInheritsSharing). */
export function inheritedSharing(state: State, parents: readonly number[]): string[] {
  return parents.flatMap((id) => state.folders.get(id)?.sharedUsers ?? []);
}

/** Union in first-seen order, so responses list users stably. */
export function union(...lists: ReadonlyArray<readonly string[]>): string[] {
  return [...new Set(lists.flat())];
}
