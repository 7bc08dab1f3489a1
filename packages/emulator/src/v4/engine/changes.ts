/**
 * What one write operation changed, found without the engine modules reporting it: the records the operation's
 * arguments name (taskId, folderIds, commentId, ...) are copied before it runs, and compared with what they are
 * after; records it created are those whose ids were issued meanwhile (ids come from one counter, ids.ts).
 * A listener (webhook delivery) subscribes to the result; with none, nothing is copied.
 */
import { formatId } from "./ids.js";
import type { ApprovalRecord, AttachmentRecord, CommentRecord, FolderRecord, TaskRecord, TimelogRecord, V4State } from "./state.js";

/** The kinds of records whose changes are reported. */
export interface Subjects {
  task: TaskRecord;
  folder: FolderRecord;
  comment: CommentRecord;
  attachment: Omit<AttachmentRecord, "bytes">;
  timelog: TimelogRecord;
  approval: ApprovalRecord;
}
export type Subject = keyof Subjects;

/** One record's change: absent before (created), absent after (removed for good), or both present (changed or not). */
export type Change = { [S in Subject]: { subject: S; id: string; before: Subjects[S] | undefined; after: Subjects[S] | undefined } }[Subject];

/** Copies of the records, so that later changes in place do not reach them (attachments without their bytes). */
const read: { [S in Subject]: (state: V4State, id: string) => Subjects[S] | undefined } = {
  task: (state, id) => copy(state.tasks.get(id)),
  folder: (state, id) => copy(state.folders.get(id)),
  comment: (state, id) => copy(state.comments.get(id)),
  attachment: (state, id) => {
    const record = state.attachments.get(id);
    if (record === undefined) return undefined;
    const { bytes: _, ...rest } = record;
    return copy(rest);
  },
  timelog: (state, id) => copy(state.timelogs.get(id)),
  approval: (state, id) => copy(state.approvals.get(id)),
};
const SUBJECTS = Object.keys(read) as Subject[];

const copy = <T>(record: T | undefined): T | undefined => (record === undefined ? undefined : structuredClone(record));

/** The arguments that name existing records, by the spec's argument names (a space's id is its root folder's). */
const NAMING_ARGS: Readonly<Record<string, Subject>> = {
  taskId: "task",
  taskIds: "task",
  folderId: "folder",
  folderIds: "folder",
  spaceId: "folder",
  commentId: "comment",
  attachmentId: "attachment",
  timelogId: "timelog",
  approvalId: "approval",
};

type Snapshot = Map<string, Change>;

/** Before an operation: copies of the records its arguments name, and the id counter. */
export function beforeWrite(state: V4State, args: Record<string, unknown>): { snapshot: Snapshot; counter: number } {
  const snapshot: Snapshot = new Map();
  for (const [name, value] of Object.entries(args)) {
    const subject = NAMING_ARGS[name];
    if (subject === undefined) continue;
    for (const id of Array.isArray(value) ? value : [value]) {
      if (typeof id !== "string" || snapshot.has(`${subject} ${id}`)) continue;
      snapshot.set(`${subject} ${id}`, { subject, id, before: read[subject](state, id), after: undefined } as Change);
    }
  }
  return { snapshot, counter: state.nextCounter };
}

/** After it: every named record that differs from its copy, and every record created meanwhile, in id order. */
export function afterWrite(state: V4State, { snapshot, counter }: ReturnType<typeof beforeWrite>): Change[] {
  const changes: Change[] = [];
  for (const entry of snapshot.values()) {
    const after = read[entry.subject](state, entry.id);
    if (JSON.stringify(after) !== JSON.stringify(entry.before)) changes.push({ ...entry, after } as Change);
  }
  for (let n = counter; n < state.nextCounter; n++)
    for (const subject of SUBJECTS) {
      const id = formatId(subject, n);
      const after = read[subject](state, id);
      if (after !== undefined && !snapshot.has(`${subject} ${id}`)) changes.push({ subject, id, before: undefined, after } as Change);
    }
  return changes;
}
