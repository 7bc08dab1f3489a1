/** A task record as the API's Task model, optionally cut down to the requested fields. */
import type { Task } from "@wrikekit/client/v2";
import { invalidArgument } from "./errors.js";
import type { State, TaskRecord } from "./state.js";
import { formatTimestamp } from "./time.js";

/** The fields a `fields` argument may name (id is always returned). */
const TASK_FIELDS = [
  "id",
  "title",
  "description",
  "authorUid",
  "createdDate",
  "whoChanged",
  "lastUpdatedDate",
  "attachmentsCount",
  "commentsCount",
  "responsibleUsers",
  "sharedUsers",
  "parents",
  "deleted",
  "status",
  "importance",
  "startDate",
  "dueDate",
  "duration",
  "predecessor",
  "successor",
] as const satisfies ReadonlyArray<keyof Task>;

export type TaskField = (typeof TASK_FIELDS)[number];

export function requireTaskFields(fields: readonly string[] | undefined): readonly TaskField[] | undefined {
  for (const field of fields ?? []) {
    if (!(TASK_FIELDS as readonly string[]).includes(field)) throw invalidArgument("fields", `${JSON.stringify(field)} is not a task field`);
  }
  return fields as readonly TaskField[] | undefined;
}

export function commentsCount(state: State, taskId: number): number {
  let count = 0;
  for (const comment of state.comments.values()) if (comment.taskId === taskId) count++;
  return count;
}

/** Files, not versions: a file uploaded three times counts once. */
export function attachmentsCount(state: State, taskId: number): number {
  const files = new Set<number>();
  for (const attachment of state.attachments.values()) if (attachment.taskId === taskId) files.add(attachment.firstVersionId);
  return files.size;
}

export function taskView(state: State, task: TaskRecord, fields?: readonly TaskField[], deleted = false): Task {
  const full: Task = {
    id: task.id,
    title: task.title,
    description: task.description,
    authorUid: task.authorUid,
    createdDate: formatTimestamp(task.createdAt),
    whoChanged: task.whoChanged,
    lastUpdatedDate: formatTimestamp(task.updatedAt),
    attachmentsCount: attachmentsCount(state, task.id),
    commentsCount: commentsCount(state, task.id),
    responsibleUsers: [...task.responsibleUsers],
    sharedUsers: [...task.sharedUsers],
    parents: [...task.parents],
    ...(deleted ? { deleted: true } : {}),
    status: task.status,
    importance: task.importance,
    startDate: task.startAt === undefined ? "" : formatTimestamp(task.startAt),
    dueDate: task.dueAt === undefined ? "" : formatTimestamp(task.dueAt),
    duration: task.duration ?? "",
    // v2 has no way to link tasks, so these stay empty.
    predecessor: [],
    successor: [],
  };
  if (fields === undefined) return full;
  const picked: Task = deleted ? { id: task.id, deleted: true } : { id: task.id };
  for (const field of fields) if (full[field] !== undefined) (picked as unknown as Record<string, unknown>)[field] = full[field];
  return picked;
}
