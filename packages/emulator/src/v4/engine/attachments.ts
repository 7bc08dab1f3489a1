/**
 * Attachments: the raw request body is the file, its name in X-File-Name. Uploading a name a task or
 * folder already has adds a version (all versions share the first one's originVersionId); lists show
 * the latest version unless versions=true; download streams the bytes.
 */
import { callerId, requireFullUser, visibleFolder, visibleTask, type V4Call } from "./call.js";
import { invalidParameter, notAllowed, notFound } from "./errors.js";
import { newId, type AttachmentRecord } from "./state.js";
import { parseUtcTimestamp } from "./time.js";
import { isLatest } from "./view.js";

const CONTENT_TYPES: Record<string, string> = { txt: "text/plain", pdf: "application/pdf", png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg", json: "application/json", csv: "text/csv", html: "text/html" };

export function contentTypeOf(name: string): string {
  return CONTENT_TYPES[name.split(".").pop()?.toLowerCase() ?? ""] ?? "application/octet-stream";
}

export function uploadAttachment(call: V4Call, target: { taskId?: string; folderId?: string }, fileName: string, bytes: Uint8Array, contentType?: string): AttachmentRecord {
  if (fileName.trim() === "" || /[\\/]/.test(fileName)) throw invalidParameter("X-File-Name", "must be a file name without path separators");
  if (target.taskId !== undefined) visibleTask(call, target.taskId);
  if (target.folderId !== undefined) visibleFolder(call, target.folderId);
  const previous = [...call.state.attachments.values()].filter((a) => a.name === fileName && a.taskId === target.taskId && a.folderId === target.folderId && isLatest(call.state, a))[0];
  const id = newId(call.state, "attachment");
  const record: AttachmentRecord = {
    id,
    authorId: callerId(call),
    name: fileName,
    contentType: contentType ?? contentTypeOf(fileName),
    createdAt: call.at,
    version: previous === undefined ? 1 : previous.version + 1,
    originVersionId: previous?.originVersionId ?? id,
    taskId: target.taskId,
    folderId: target.folderId,
    bytes,
  };
  call.state.attachments.set(id, record);
  return record;
}

function canSee(call: V4Call, a: AttachmentRecord): boolean {
  const uid = callerId(call);
  if (a.taskId !== undefined) return call.state.tasks.get(a.taskId)?.sharedIds.includes(uid) ?? false;
  return a.folderId !== undefined && (call.state.folders.get(a.folderId)?.sharedIds.includes(uid) ?? false);
}

export function visibleAttachment(call: V4Call, id: string): AttachmentRecord {
  const a = call.state.attachments.get(id);
  if (a === undefined || !canSee(call, a)) throw notFound("Attachment", id);
  return a;
}

export function listAttachments(call: V4Call, args: { taskId?: string; folderId?: string; versions?: boolean; createdDate?: { start?: string; end?: string } }): AttachmentRecord[] {
  if (args.taskId !== undefined) visibleTask(call, args.taskId);
  if (args.folderId !== undefined) visibleFolder(call, args.folderId);
  const from = args.createdDate?.start === undefined ? -Infinity : parseUtcTimestamp(args.createdDate.start, "createdDate.start");
  const to = args.createdDate?.end === undefined ? Infinity : parseUtcTimestamp(args.createdDate.end, "createdDate.end");
  return [...call.state.attachments.values()].filter(
    (a) =>
      canSee(call, a) &&
      (args.taskId === undefined || a.taskId === args.taskId) &&
      (args.folderId === undefined || a.folderId === args.folderId) &&
      (args.versions === true || isLatest(call.state, a)) &&
      a.createdAt >= from &&
      a.createdAt <= to,
  );
}

/** Deletes the file with every version of it. */
export function deleteAttachment(call: V4Call, id: string): void {
  const a = visibleAttachment(call, id);
  requireFullUser(call, "delete attachments");
  if (a.authorId !== callerId(call) && !call.caller.person.admin) throw notAllowed("Only the uploader or an admin can delete an attachment");
  for (const [otherId, other] of call.state.attachments) if (other.originVersionId === a.originVersionId) call.state.attachments.delete(otherId);
}
