/**
 * The change log behind wrike.task.updates and wrike.comment.updates: every record carries when it was
 * created and last changed, and deleted records stay in the trash with when they went.
 */
import type { Deleted } from "./state.js";

export interface Changes<T> {
  added: T[];
  updated: T[];
  deleted: Array<Deleted<T>>;
}

/**
 * What changed at or after tLast (ms). Inclusive, so a change made in the same millisecond as an
 * earlier answer's tLast is reported again rather than lost.
 */
export function changesSince<T extends { createdAt: number; updatedAt: number }>(
  live: Iterable<T>,
  trash: Iterable<Deleted<T>>,
  tLast: number,
): Changes<T> {
  const changes: Changes<T> = { added: [], updated: [], deleted: [] };
  for (const record of live) {
    if (record.createdAt >= tLast) changes.added.push(record);
    else if (record.updatedAt >= tLast) changes.updated.push(record);
  }
  for (const entry of trash) if (entry.deletedAt >= tLast) changes.deleted.push(entry);
  return changes;
}
