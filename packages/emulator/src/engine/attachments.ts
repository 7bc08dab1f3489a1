/**
 * wrike.attachment.*: files on tasks, each upload of the same file name a new version with its own id.
 * v2 has no upload method, so files arrive through addAttachment (the emulator's control API).
 */
import type {
  Attachment,
  AttachmentDownloadArgs,
  AttachmentHistoryArgs,
  AttachmentHistoryResult,
  AttachmentListArgs,
  AttachmentListResult,
} from "@wrikekit/client/v2";
import { isShared, requireWriter, visibleTask, type Caller } from "./access.js";
import { EmulatorError, invalidArgument } from "./errors.js";
import type { Reply } from "./reply.js";
import { allocateId, type AttachmentRecord, type State } from "./state.js";
import { formatTimestamp } from "./time.js";
import { requireText } from "./validate.js";

function attachmentView(attachment: AttachmentRecord): Attachment {
  return {
    id: attachment.id,
    taskId: attachment.taskId,
    fileName: attachment.fileName,
    authorUid: attachment.authorUid,
    createdDate: formatTimestamp(attachment.createdAt),
    version: attachment.version,
    size: attachment.bytes.length,
    contentType: attachment.contentType,
  };
}

/** An attachment on a task the caller sees; 406 otherwise. */
function visibleAttachment(state: State, caller: Caller, id: number): AttachmentRecord {
  const attachment = state.attachments.get(id);
  const task = attachment === undefined ? undefined : state.tasks.get(attachment.taskId);
  if (task === undefined || !isShared(task, caller.user)) {
    throw new EmulatorError(406, `The task with given attachment id not found in the calling user's task scope (id = ${id}).`);
  }
  return attachment!;
}

function versionsOf(state: State, firstVersionId: number): AttachmentRecord[] {
  return [...state.attachments.values()].filter((a) => a.firstVersionId === firstVersionId).sort((a, b) => a.version - b.version);
}

/** The latest version of each file of a task. */
function latestVersions(state: State, taskId: number): AttachmentRecord[] {
  const latest = new Map<number, AttachmentRecord>();
  for (const a of state.attachments.values()) {
    const known = latest.get(a.firstVersionId);
    if (a.taskId === taskId && (known === undefined || a.version > known.version)) latest.set(a.firstVersionId, a);
  }
  return [...latest.values()].sort((a, b) => a.firstVersionId - b.firstVersionId);
}

/** One entry per task, each listing the latest version of every file; history has the older ones. */
export function attachmentList(state: State, caller: Caller, args: AttachmentListArgs): Reply<AttachmentListResult> {
  const tasks = [...new Set(args.taskIds)].map((id) => visibleTask(state, caller, id, "taskIds"));
  return { root: "attachments", body: { list: tasks.map((task) => ({ taskId: task.id, list: latestVersions(state, task.id).map(attachmentView) })) } };
}

/** Every version of the file the given version belongs to, oldest first. */
export function attachmentHistory(state: State, caller: Caller, args: AttachmentHistoryArgs): Reply<AttachmentHistoryResult> {
  const attachment = visibleAttachment(state, caller, args.id);
  return { root: "attachments", body: { list: versionsOf(state, attachment.firstVersionId).map(attachmentView) } };
}

export interface AttachmentContent {
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
}

export function attachmentDownload(state: State, caller: Caller, args: AttachmentDownloadArgs): AttachmentContent {
  const { fileName, contentType, bytes } = visibleAttachment(state, caller, args.id);
  return { fileName, contentType, bytes };
}

export interface NewAttachment {
  taskId: number;
  fileName: string;
  /** Default application/octet-stream. */
  contentType?: string;
  bytes: Uint8Array;
  /** Attach the file to this comment of the task; deleting the comment deletes the file. */
  commentId?: number;
}

const CONTENT_TYPE = /^[\w.+-]+\/[\w.+-]+(\s*;.*)?$/;

/** Uploads a file; the same file name on the same task becomes its next version. */
export function addAttachment(state: State, caller: Caller, input: NewAttachment): Attachment {
  requireWriter(caller);
  const task = visibleTask(state, caller, input.taskId, "taskId");
  const fileName = requireText(input.fileName, "fileName");
  const contentType = input.contentType ?? "application/octet-stream";
  if (!CONTENT_TYPE.test(contentType)) throw invalidArgument("contentType", `${JSON.stringify(contentType)} is not a MIME type`);
  if (input.commentId !== undefined && state.comments.get(input.commentId)?.taskId !== task.id) {
    throw invalidArgument("commentId", `task ${task.id} has no comment ${input.commentId}`);
  }
  const previous = latestVersions(state, task.id).find((a) => a.fileName === fileName);
  const id = allocateId(state);
  const attachment: AttachmentRecord = {
    id,
    taskId: task.id,
    ...(input.commentId === undefined ? {} : { commentId: input.commentId }),
    fileName,
    contentType,
    authorUid: caller.user.uid,
    createdAt: caller.at,
    version: (previous?.version ?? 0) + 1,
    firstVersionId: previous?.firstVersionId ?? id,
    bytes: input.bytes.slice(),
  };
  state.attachments.set(id, attachment);
  return attachmentView(attachment);
}
