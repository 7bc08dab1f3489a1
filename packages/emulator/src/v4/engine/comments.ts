/** Comments on tasks and folders: only the author may change or delete one, and only within the object's visibility. */
import { callerId, visibleFolder, visibleTask, type V4Call } from "./call.js";
import { notAllowed, notFound } from "./errors.js";
import type { CommentRecord } from "./state.js";
import { newId } from "./state.js";
import { parseUtcTimestamp } from "./time.js";
import { requireTitle } from "./values.js";

/** Tags stripped for plainText=true. */
const plain = (html: string) => html.replace(/<[^>]*>/g, "");

export function createComment(call: V4Call, target: { taskId?: string; folderId?: string }, text: string): CommentRecord {
  if (target.taskId !== undefined) visibleTask(call, target.taskId);
  if (target.folderId !== undefined) visibleFolder(call, target.folderId);
  const comment: CommentRecord = { id: newId(call.state, "comment"), authorId: callerId(call), text: requireTitle(text, "text"), createdAt: call.at, updatedAt: call.at, taskId: target.taskId, folderId: target.folderId };
  call.state.comments.add(comment);
  return comment;
}

function canSeeComment(call: V4Call, c: CommentRecord): boolean {
  if (c.taskId !== undefined) return call.state.tasks.get(c.taskId)?.sharedIds.includes(callerId(call)) ?? false;
  return c.folderId !== undefined && (call.state.folders.get(c.folderId)?.sharedIds.includes(callerId(call)) ?? false);
}

export function visibleComment(call: V4Call, id: string): CommentRecord {
  const comment = call.state.comments.get(id);
  if (comment === undefined || !canSeeComment(call, comment)) throw notFound("Comment", id);
  return comment;
}

function ownComment(call: V4Call, id: string): CommentRecord {
  const comment = visibleComment(call, id);
  if (comment.authorId !== callerId(call)) throw notAllowed("Only the author of a comment can change or delete it");
  return comment;
}

export function updateComment(call: V4Call, id: string, text: string): CommentRecord {
  const comment = ownComment(call, id);
  comment.text = requireTitle(text, "text");
  comment.updatedAt = call.at;
  return comment;
}

export function deleteComment(call: V4Call, id: string): void {
  ownComment(call, id);
  call.state.comments.delete(id);
}

export function listComments(call: V4Call, args: { taskId?: string; folderId?: string; updatedDate?: { start?: string; end?: string }; createdDate?: string; limit?: number }): CommentRecord[] {
  if (args.taskId !== undefined) visibleTask(call, args.taskId);
  if (args.folderId !== undefined) visibleFolder(call, args.folderId);
  const from = args.updatedDate?.start === undefined ? -Infinity : parseUtcTimestamp(args.updatedDate.start, "updatedDate.start");
  const to = args.updatedDate?.end === undefined ? Infinity : parseUtcTimestamp(args.updatedDate.end, "updatedDate.end");
  const out: CommentRecord[] = [];
  for (const c of call.state.comments.values()) {
    if (args.taskId !== undefined && c.taskId !== args.taskId) continue;
    if (args.folderId !== undefined && c.folderId !== args.folderId) continue;
    if (!canSeeComment(call, c) || c.updatedAt < from || c.updatedAt > to) continue;
    out.push(c);
    if (args.limit !== undefined && out.length >= args.limit) break;
  }
  return out;
}

export function renderText(c: CommentRecord, plainText: boolean | undefined): CommentRecord {
  return plainText === true ? { ...c, text: plain(c.text) } : c;
}
