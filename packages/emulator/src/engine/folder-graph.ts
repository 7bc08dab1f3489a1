/** The folder DAG: reachability, the cascade of a delete, and the paths wrike.folder.tree prints. */
import { ROOT_FOLDER_ID, type FolderRecord, type State, type UserRecord } from "./state.js";

/** True when `candidate` is `folderId` or lies below it: moving folderId there would close a cycle. */
export function isSelfOrDescendant(state: State, folderId: number, candidate: number): boolean {
  const pending = [candidate];
  const seen = new Set<number>();
  while (pending.length > 0) {
    const id = pending.pop()!;
    if (id === folderId) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    const folder = state.folders.get(id);
    if (folder !== undefined) pending.push(...folder.parents.filter((p) => p !== ROOT_FOLDER_ID));
  }
  return false;
}

export interface Cascade {
  folders: Set<number>;
  tasks: Set<number>;
}

/**
 * Rule folderDeleteCascade: the requested folders, then every folder and task all of whose parents are
 * being deleted, until nothing changes. Elements also included in a surviving folder stay.
 */
export function deleteCascade(state: State, requested: readonly number[]): Cascade {
  const folders = new Set(requested);
  const orphaned = (parents: readonly number[]) => parents.every((p) => folders.has(p));
  let grew = true;
  while (grew) {
    grew = false;
    for (const folder of state.folders.values()) {
      if (!folders.has(folder.id) && orphaned(folder.parents)) {
        folders.add(folder.id);
        grew = true;
      }
    }
  }
  const tasks = new Set<number>();
  for (const task of state.tasks.values()) if (orphaned(task.parents)) tasks.add(task.id);
  return { folders, tasks };
}

/** The elements of a cascade that lie below (or are) `folderId`: what its deletedElements lists. */
export function cascadeBelow(state: State, folderId: number, cascade: Cascade): number[] {
  const below = (parents: readonly number[]) => parents.some((p) => isSelfOrDescendant(state, folderId, p));
  const folders = [...cascade.folders].filter((id) => id === folderId || below(state.folders.get(id)!.parents));
  const tasks = [...cascade.tasks].filter((id) => below(state.tasks.get(id)!.parents));
  return [...folders, ...tasks];
}

export interface TreeNode {
  folder: FolderRecord;
  parentId: number;
  /** Titles from the root down to this folder. */
  segments: string[];
}

/**
 * Every path to every folder the user can see below `from` (default the root), depth first, children
 * in creation order. A folder with several parents appears once per path. A shared folder whose
 * parents the user cannot see hangs from the root, as it does in the user's "My Folders".
 */
export function visibleTree(state: State, user: UserRecord, from = ROOT_FOLDER_ID, fromSegments: readonly string[] = []): TreeNode[] {
  const visible = [...state.folders.values()].filter((f) => f.sharedUsers.includes(user.uid));
  const visibleIds = new Set(visible.map((f) => f.id));
  const parentsSeen = (folder: FolderRecord) => {
    const own = folder.parents.filter((p) => visibleIds.has(p));
    return own.length > 0 ? own : [ROOT_FOLDER_ID];
  };
  const nodes: TreeNode[] = [];
  const walk = (parentId: number, segments: readonly string[]) => {
    for (const folder of visible) {
      if (!parentsSeen(folder).includes(parentId)) continue;
      const node = { folder, parentId, segments: [...segments, folder.title] };
      nodes.push(node);
      walk(folder.id, node.segments);
    }
  };
  walk(from, fromSegments);
  return nodes;
}

/**
 * The shortest tail of a node's path that no other folder's path ends with: "test" for /spool/test
 * unless another folder is also called test, then "spool/test".
 */
export function minimalPath(node: TreeNode, all: readonly TreeNode[]): string {
  const endsWith = (segments: readonly string[], tail: readonly string[]) =>
    segments.length >= tail.length && tail.every((s, i) => segments[segments.length - tail.length + i] === s);
  for (let length = 1; length < node.segments.length; length++) {
    const tail = node.segments.slice(-length);
    if (!all.some((other) => other.folder.id !== node.folder.id && endsWith(other.segments, tail))) return tail.join("/");
  }
  return node.segments.join("/");
}
